import json
import math

import pytest

from automl_core.search.space import Configuration
from automl_core.search.trial import TrialRecord, TrialState


def _record(**overrides):
    values = dict(number=3, state=TrialState.COMPLETE, algorithm="knn",
                  params={"n_neighbors": 5}, score=0.8, fold_scores=(0.7, 0.9),
                  fit_time_s=1.5, predict_time_s=0.1)
    values.update(overrides)
    return TrialRecord(**values)


def test_a_record_is_frozen():
    with pytest.raises(AttributeError):
        _record().score = 1.0


def test_a_record_round_trips_through_json():
    record = _record(algorithm="lightgbm", params={"learning_rate": 0.1}, refit_rounds=120,
                     metrics={"roc_auc": 0.8, "accuracy": 0.75}, predict_time_per_1000_s=0.02,
                     model_size_bytes=48_000)
    assert TrialRecord.from_dict(json.loads(json.dumps(record.to_dict()))) == record


def test_a_record_saved_before_the_other_metrics_existed_still_loads():
    saved = {key: value for key, value in _record().to_dict().items()
             if key not in ("metrics", "predict_time_per_1000_s", "model_size_bytes")}
    record = TrialRecord.from_dict(saved)
    assert dict(record.metrics) == {}
    assert record.model_size_bytes is None and record.predict_time_per_1000_s is None


def test_loss_flips_a_score_where_higher_is_better():
    assert _record(score=0.8).loss(greater_is_better=True) == -0.8
    assert _record(score=12.0).loss(greater_is_better=False) == 12.0


def test_a_failed_trial_has_an_infinite_loss():
    failed = _record(state=TrialState.FAILED, score=None, error="boom")
    assert math.isinf(failed.loss(greater_is_better=True))


def test_a_complete_trial_without_a_score_is_rejected():
    with pytest.raises(ValueError, match="needs a score"):
        _record(score=None)


def test_a_record_knows_its_configuration():
    assert _record().config == Configuration("knn", {"n_neighbors": 5})


def test_only_queued_and_running_are_unfinished():
    unfinished = {s for s in TrialState if not s.is_finished}
    assert unfinished == {TrialState.QUEUED, TrialState.RUNNING}
