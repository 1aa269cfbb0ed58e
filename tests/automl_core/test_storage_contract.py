"""The contract every TrialStore must pass; the web app's ORM store reuses the same class."""

import pytest

from automl_core.search.trial import TrialRecord, TrialState
from automl_core.storage import InMemoryTrialStore, TrialStore


def _record(number, score=0.5):
    return TrialRecord(number, TrialState.COMPLETE, "knn", {"n_neighbors": number + 1}, score)


class TrialStoreContract:
    """Subclass and provide a ``store`` fixture returning an empty store."""

    def test_it_is_a_trial_store(self, store):
        assert isinstance(store, TrialStore)

    def test_an_empty_store_numbers_from_zero(self, store):
        assert store.all() == []
        assert store.next_number() == 0

    def test_it_returns_what_was_added_in_number_order(self, store):
        for number in (2, 0, 1):
            store.add(_record(number))
        assert [r.number for r in store.all()] == [0, 1, 2]
        assert store.get(1) == _record(1)
        assert store.next_number() == 3

    def test_after_is_a_cursor(self, store):
        for number in range(4):
            store.add(_record(number))
        assert [r.number for r in store.after(1)] == [2, 3]
        assert store.after(3) == []

    def test_a_trial_is_never_stored_twice(self, store):
        store.add(_record(0))
        with pytest.raises(ValueError):
            store.add(_record(0, score=0.9))
        assert store.get(0).score == 0.5

    def test_it_keeps_every_field_of_a_record(self, store):
        record = TrialRecord(0, TrialState.COMPLETE, "lightgbm", {"num_leaves": 31}, 0.91,
                             fold_scores=(0.9, 0.92), fit_time_s=1.5, predict_time_s=0.1,
                             refit_rounds=137, metrics={"roc_auc": 0.91, "log_loss": 0.3},
                             predict_time_per_1000_s=0.07, model_size_bytes=2_500_000_000)
        store.add(record)
        assert store.get(0) == record

    def test_a_record_without_the_other_metrics_comes_back_without_them(self, store):
        store.add(_record(0))
        stored = store.get(0)
        assert dict(stored.metrics) == {}
        assert stored.predict_time_per_1000_s is None and stored.model_size_bytes is None

    def test_an_unknown_number_is_a_key_error(self, store):
        with pytest.raises(KeyError):
            store.get(42)


class TestInMemoryTrialStore(TrialStoreContract):
    @pytest.fixture
    def store(self):
        return InMemoryTrialStore()
