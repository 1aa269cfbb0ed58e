"""The target assistant: the task with its reason, and every blocking problem up front."""

import json

import pandas as pd
import pytest

from automl_core.data import Task, assess_target, read_table

TARGETS = {"target_single_class.csv": "label", "target_all_missing.csv": "target",
           "single_column.csv": "churn", "messy_types.csv": "label"}


def _target_phase_files(shared_dir) -> list[dict]:
    manifest = json.loads((shared_dir / "bad-inputs" / "manifest.json").read_text())
    return [e for e in manifest["files"] if e["phase"] == "target"]


def test_each_target_file_is_assessed_as_its_manifest_expects(shared_dir) -> None:
    entries = _target_phase_files(shared_dir)
    assert {e["file"] for e in entries} == set(TARGETS)
    for entry in entries:
        frame = read_table(shared_dir / "bad-inputs" / entry["file"]).frame
        assessment = assess_target(frame, TARGETS[entry["file"]])
        if entry["expect"] == "reject":
            assert not assessment.usable, entry["file"]
            messages = " ".join(p.message.lower() for p in assessment.problems)
            assert any(h.lower() in messages for h in entry["hint"]), messages
        else:
            assert assessment.usable and assessment.inference.task is Task.BINARY
            assert assessment.inference.code == "two_values"


def test_a_target_alone_reports_no_features_and_still_gets_its_task(shared_dir) -> None:
    frame = read_table(shared_dir / "bad-inputs" / "single_column.csv").frame
    assessment = assess_target(frame, "churn")
    assert [p.code for p in assessment.problems] == ["no_features"]
    assert assessment.inference is not None


def test_no_features_and_a_single_class_are_reported_together() -> None:
    assessment = assess_target(pd.DataFrame({"y": ["a"] * 20}), "y")
    assert [p.code for p in assessment.problems] == ["no_features", "single_class"]


def test_too_few_rows_per_class_for_the_folds_is_a_problem() -> None:
    frame = pd.DataFrame({"x": range(21), "y": ["a", "b"] * 10 + ["c"]})
    assessment = assess_target(frame, "y")
    assert [p.code for p in assessment.problems] == ["too_few_rows_per_class"]
    assert assessment.problems[0].params["classes"] == ["c"]


def test_a_usable_target_gets_its_reason_and_the_fold_warning() -> None:
    frame = pd.DataFrame({"x": range(30), "y": ["a"] * 28 + ["b"] * 2})
    assessment = assess_target(frame, "y")
    assert assessment.usable and assessment.inference.task is Task.BINARY
    assert "two values" in assessment.inference.reason
    assert {"fewer_folds", "class_imbalance"} <= {w.code for w in assessment.warnings}


@pytest.mark.parametrize(("values", "code"), [
    (list(range(5)) * 6, "few_whole_numbers"), ([x / 7 for x in range(30)], "many_numbers"),
    (["a", "b", "c"] * 10, "text_values"),
])
def test_each_task_reason_has_a_code_and_the_value_count(values: list, code: str) -> None:
    assessment = assess_target(pd.DataFrame({"x": range(30), "y": values}), "y")
    assert assessment.inference.code == code
    assert assessment.inference.params["values"] == len(set(values))


def test_an_unknown_target_is_a_problem_not_an_exception() -> None:
    assessment = assess_target(pd.DataFrame({"x": [1, 2]}), "nope")
    assert [p.code for p in assessment.problems] == ["unknown_target"]
