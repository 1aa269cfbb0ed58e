"""An experiment keeps the dataset's column settings of the moment it was created, so that every
worker of its search sees the same features even when the user edits the dataset meanwhile."""

import pytest

from daria.accounts.services import create_project
from daria.experiments.problems import load_problem
from daria.experiments.services import create_experiment
from tests.daria.factories import make_dataset

pytestmark = pytest.mark.django_db


@pytest.fixture
def dataset(alice: object) -> object:
    return make_dataset(alice, create_project(alice, "Churn"))


def test_it_trains_without_the_columns_excluded_when_it_was_created(
    alice: object, dataset: object, django_capture_on_commit_callbacks: object
) -> None:
    dataset.columns.filter(name="age").update(excluded=True)
    with django_capture_on_commit_callbacks(execute=False):
        experiment = create_experiment(alice, dataset, "churn")
    dataset.columns.filter(name="age").update(excluded=False)
    dataset.columns.filter(name="usage").update(excluded=True)
    load_problem.cache_clear()

    problem = load_problem(experiment.pk)

    assert experiment.excluded_columns == ["age"]
    assert sorted(problem.feature_names) == ["plan", "usage"]


def test_it_keeps_the_users_kind_overrides(
    alice: object, dataset: object, django_capture_on_commit_callbacks: object
) -> None:
    dataset.columns.filter(name="age").update(kind="categorical")
    with django_capture_on_commit_callbacks(execute=False):
        experiment = create_experiment(alice, dataset, "churn")
    load_problem.cache_clear()

    problem = load_problem(experiment.pk)

    assert experiment.column_kinds == {"age": "categorical"}
    assert str(problem.kinds["age"]) == "categorical"
