"""Low-fidelity evaluation trains on a seeded, stratified share of each fold's rows."""

import numpy as np
import pandas as pd
import pytest

from automl_core.data.column_types import ColumnKind
from automl_core.data.splits import make_folds
from automl_core.data.task import Task
from automl_core.evaluation.cv import PreparedData, evaluate
from automl_core.evaluation.fidelity import MIN_PER_CLASS, MIN_ROWS, fidelity_rows
from automl_core.evaluation.metrics import get_metric
from automl_core.search.space import Configuration

LABELS = np.array([0] * 600 + [1] * 270 + [2] * 30)


def test_full_fidelity_keeps_every_row():
    assert np.array_equal(fidelity_rows(LABELS, 1.0, True, 0, 0), np.arange(len(LABELS)))


def test_a_ninth_keeps_a_ninth_of_each_class():
    rows = fidelity_rows(LABELS, 1 / 9, True, 0, 0)
    assert [int(np.sum(LABELS[rows] == c)) for c in (0, 1, 2)] == [67, 30, 4]
    assert np.all(np.diff(rows) > 0), "sorted, without repeats"


def test_a_rare_class_keeps_a_few_rows_and_a_small_fold_keeps_min_rows():
    labels = np.array([0] * 200 + [1] * 3)
    rows = fidelity_rows(labels, 1 / 27, True, 0, 0)
    assert int(np.sum(labels[rows] == 1)) == MIN_PER_CLASS
    assert len(fidelity_rows(np.zeros(60), 1 / 27, False, 0, 0)) == MIN_ROWS


def test_lower_fidelities_use_a_subset_of_the_rows_of_higher_ones():
    small = set(fidelity_rows(LABELS, 1 / 9, True, 4, 1))
    large = set(fidelity_rows(LABELS, 1 / 3, True, 4, 1))
    assert small < large


def test_rows_are_seeded_by_seed_and_fold():
    rows = fidelity_rows(LABELS, 1 / 3, True, 4, 1)
    assert np.array_equal(rows, fidelity_rows(LABELS, 1 / 3, True, 4, 1))
    assert not np.array_equal(rows, fidelity_rows(LABELS, 1 / 3, True, 4, 2))
    assert not np.array_equal(rows, fidelity_rows(LABELS, 1 / 3, True, 5, 1))


def test_regression_rows_are_a_plain_share():
    assert len(fidelity_rows(np.linspace(0, 1, 900), 1 / 3, False, 0, 0)) == 300


@pytest.mark.parametrize("fidelity", [0.0, -0.1, 1.5])
def test_it_rejects_a_fidelity_outside_zero_to_one(fidelity):
    with pytest.raises(ValueError, match="fidelity"):
        fidelity_rows(LABELS, fidelity, True, 0, 0)


def test_a_low_fidelity_trial_is_scored_on_every_validation_row():
    rng = np.random.default_rng(0)
    features = pd.DataFrame(rng.normal(size=(900, 4)), columns=["a", "b", "c", "d"])
    y = (features["a"] + rng.normal(scale=0.5, size=900) > 0).astype(int).to_numpy()
    kinds = dict.fromkeys(features.columns, ColumnKind.NUMERIC)
    data = PreparedData(features, y, kinds, make_folds(y, Task.BINARY, 3, 0), Task.BINARY, 2)
    metric = get_metric(None, Task.BINARY)
    knn = Configuration("knn", {"n_neighbors": 15, "weights": "uniform", "p": 2})
    full = evaluate(knn, data, metric, seed=0)
    low = evaluate(knn.at_fidelity(1 / 9), data, metric, seed=0)
    assert not np.isnan(low.oof[data.oof_rows]).any()
    assert low.score != full.score
    assert low.score == evaluate(knn.at_fidelity(1 / 9), data, metric, seed=0).score
