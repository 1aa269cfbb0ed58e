import json

import numpy as np
import pandas as pd
import pytest

from automl_core.data.reading import read_csv
from automl_core.data.target import prepare_target
from automl_core.data.task import Task, infer_task
from automl_core.exceptions import TargetError


def test_a_float_column_with_two_values_is_binary():
    inference = infer_task(pd.Series([0.0, 1.0, 1.0, 0.0]))
    assert inference.task is Task.BINARY
    assert "two values" in inference.reason


def test_a_true_false_column_is_binary_and_called_so():
    for values in ([True, False, True], pd.array([True, None, False], dtype="boolean")):
        inference = infer_task(pd.Series(values))
        assert inference.task is Task.BINARY
        assert inference.reason == "true/false column with two values -> binary classification"


def test_text_with_three_values_is_multiclass():
    assert infer_task(pd.Series(["a", "b", "c", "a"])).task is Task.MULTICLASS


def test_few_whole_numbers_are_multiclass_and_many_floats_are_regression():
    assert infer_task(pd.Series([3, 4, 5, 6, 7] * 4)).task is Task.MULTICLASS
    floats = pd.Series(np.random.default_rng(0).normal(size=100))
    assert infer_task(floats).task is Task.REGRESSION


def _target_files(shared_dir):
    manifest = json.loads((shared_dir / "bad-inputs" / "manifest.json").read_text())
    return [e for e in manifest["files"] if e["phase"] == "target"]


TARGETS = {"target_single_class.csv": "label", "target_all_missing.csv": "target",
           "single_column.csv": "churn", "messy_types.csv": "label"}


def test_each_target_file_gets_the_behaviour_its_manifest_states(shared_dir):
    for entry in _target_files(shared_dir):
        frame = read_csv(shared_dir / "bad-inputs" / entry["file"]).frame
        target = TARGETS[entry["file"]]
        if entry["expect"] == "reject":
            with pytest.raises(TargetError) as error:
                prepare_target(frame, target)
            assert any(h.lower() in error.value.message.lower() for h in entry["hint"]), \
                error.value.message
        else:
            prepared = prepare_target(frame, target)
            assert prepared.task is Task.BINARY  # 0.0/1.0 target: classification, not regression


def test_rows_with_a_missing_target_are_dropped_and_counted():
    frame = pd.DataFrame({"x": range(30), "y": ["a", "b", None] * 10})
    prepared = prepare_target(frame, "y", n_folds=3)
    assert prepared.dropped_rows == 10
    assert len(prepared.y) == len(prepared.features) == 20


def test_the_prepared_target_keeps_the_reason_code_to_translate_it():
    frame = pd.DataFrame({"x": range(20), "y": [1, 2] * 10})
    inferred = prepare_target(frame, "y", n_folds=3)
    assert inferred.task_inference.code == "two_values"
    assert inferred.task_inference.params == {"values": 2}
    assert inferred.task_reason == inferred.task_inference.reason


def test_a_task_chosen_by_the_user_has_its_own_reason_code():
    frame = pd.DataFrame({"x": range(20), "y": [1, 2] * 10})
    chosen = prepare_target(frame, "y", Task.REGRESSION, n_folds=3)
    assert chosen.task_inference.code == "chosen_by_user"
    assert chosen.task_inference.params == {"task": "regression"}
    assert chosen.task_reason == "chosen by the user (regression)"


def test_it_rejects_a_class_with_a_single_row():
    frame = pd.DataFrame({"x": range(21), "y": ["a", "b"] * 10 + ["c"]})
    with pytest.raises(TargetError) as error:
        prepare_target(frame, "y")
    assert error.value.code == "too_few_rows_per_class"
    assert "c" in error.value.message


def test_a_target_of_unique_values_names_ten_rare_classes_and_counts_the_rest():
    frame = pd.DataFrame({"x": range(200), "y": [f"c{i:03d}" for i in range(200)]})
    with pytest.raises(TargetError) as error:
        prepare_target(frame, "y")
    assert error.value.params["classes"] == [f"c{i:03d}" for i in range(10)] + ["… +190"]
    assert "c009, … +190 of target 'y'" in error.value.message
    assert "c010" not in error.value.message


def test_it_uses_fewer_folds_when_the_smallest_class_is_small():
    frame = pd.DataFrame({"x": range(23), "y": ["a", "b"] * 10 + ["c"] * 3})
    prepared = prepare_target(frame, "y", n_folds=5)
    assert prepared.n_folds == 3
    assert "fewer_folds" in {w.code for w in prepared.warnings}


def test_it_names_an_unknown_target():
    with pytest.raises(TargetError, match="'nope'"):
        prepare_target(pd.DataFrame({"x": [1, 2]}), "nope")
