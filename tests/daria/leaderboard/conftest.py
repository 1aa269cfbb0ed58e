"""Fixtures of the leaderboard tests: alice's experiment on the churn dataset."""

from __future__ import annotations

import pytest

from daria.accounts.services import create_project
from tests.daria.factories import ExperimentFactory, make_dataset


@pytest.fixture
def dataset(alice: object) -> object:
    """The churn dataset (120 rows) in alice's project."""
    return make_dataset(alice, create_project(alice, "Leaderboard"))


@pytest.fixture
def experiment(dataset: object) -> object:
    """A finished binary experiment scored by ROC AUC (no trials yet)."""
    return ExperimentFactory(dataset=dataset, status="succeeded")

