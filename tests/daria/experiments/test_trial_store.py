"""The ORM trial store passes the engine's shared TrialStore contract."""

import pytest

from daria.accounts.services import create_project
from daria.experiments.adapters import DatabaseTrialStore
from daria.experiments.models import Trial
from tests.automl_core.test_storage_contract import TrialStoreContract
from tests.daria.factories import ExperimentFactory, make_dataset

pytestmark = pytest.mark.django_db


@pytest.fixture
def experiment(alice: object) -> object:
    return ExperimentFactory(dataset=make_dataset(alice, create_project(alice, "Store")))


class TestDatabaseTrialStore(TrialStoreContract):
    @pytest.fixture
    def store(self, experiment: object) -> DatabaseTrialStore:
        return DatabaseTrialStore(experiment.pk)


def test_pending_trials_take_their_numbers_but_are_not_history(experiment: object) -> None:
    Trial.objects.create(experiment=experiment, number=0, state=Trial.RUNNING,
                         algorithm="knn", params={"n_neighbors": 3})
    store = DatabaseTrialStore(experiment.pk)

    assert store.all() == []
    assert store.next_number() == 1
    with pytest.raises(KeyError):
        store.get(0)
