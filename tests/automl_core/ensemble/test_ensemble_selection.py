import numpy as np
import pytest

from automl_core.ensemble.selection import blend_or_first, select_ensemble
from automl_core.evaluation.metrics import METRICS, MetricName


def _noisy_models(seed, n_models=6, n=300):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, n)
    predictions = {}
    for i in range(n_models):
        p = np.clip(0.5 + (y - 0.5) * rng.uniform(0.05, 0.4) + rng.normal(0, 0.25, n), 0.01, 0.99)
        predictions[i] = np.column_stack([1 - p, p])
    return y, predictions


@pytest.mark.parametrize("name", [MetricName.ROC_AUC, MetricName.LOG_LOSS, MetricName.ACCURACY])
@pytest.mark.parametrize("seed", range(4))
def test_the_ensemble_never_scores_worse_than_its_best_member(name, seed):
    metric = METRICS[name]
    y, predictions = _noisy_models(seed)
    best = min(metric.loss(metric.score(y, p)) for p in predictions.values())
    selection = select_ensemble(predictions, y, metric)
    assert metric.loss(selection.score) <= best + 1e-12
    weights = selection.weights
    blend = sum(w * predictions[k] for k, w in weights.items()) / sum(weights.values())
    assert metric.score(y, blend) == pytest.approx(selection.score)


def test_blending_independent_noisy_models_beats_each_of_them():
    metric = METRICS[MetricName.LOG_LOSS]
    y, predictions = _noisy_models(0)
    selection = select_ensemble(predictions, y, metric)
    assert len(selection.weights) > 1
    assert selection.score < min(metric.score(y, p) for p in predictions.values())


def test_regression_predictions_can_be_ensembled():
    rng = np.random.default_rng(0)
    y = rng.normal(size=200)
    predictions = {i: y + rng.normal(0, 1, 200) for i in range(4)}
    selection = select_ensemble(predictions, y, METRICS[MetricName.RMSE])
    assert selection.score < min(METRICS[MetricName.RMSE].score(y, p)
                                 for p in predictions.values())


def test_a_blend_worse_than_its_first_member_falls_back_to_it():
    metric = METRICS[MetricName.ROC_AUC]
    y = np.array([0, 0, 1, 1] * 25)
    good = np.column_stack([1 - y * 0.8 - 0.1, y * 0.8 + 0.1])  # ranks every row right
    wrong = good[:, ::-1]  # ranks every row the wrong way round
    # What is left of a selection once a member that balanced ``wrong`` could not be refit.
    rows = np.arange(len(y))
    assert blend_or_first({1: 1, 2: 3}, {1: good, 2: wrong}, rows, y, metric) == {1: 1}


def test_a_blend_at_least_as_good_as_its_first_member_is_kept():
    metric = METRICS[MetricName.LOG_LOSS]
    y, predictions = _noisy_models(0)
    weights = select_ensemble(predictions, y, metric).weights
    first = max(weights, key=lambda k: metric.loss(metric.score(y, predictions[k])))
    ordered = {first: weights[first], **{k: w for k, w in weights.items() if k != first}}
    assert len(ordered) > 1
    assert blend_or_first(ordered, predictions, np.arange(len(y)), y, metric) == ordered
