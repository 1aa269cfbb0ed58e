"""Migration 0013 fills the MLP family's newly searched early-stopping rule into stored
configurations, with the value they were trained with ("valid"), and leaves the rest alone."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps

from automl_core.data.task import Task
from automl_core.pipelines.registry import cash_space
from automl_core.search.space import Configuration
from daria.accounts.services import create_project
from tests.daria.factories import ExperimentFactory, TrialFactory, make_dataset

pytestmark = pytest.mark.django_db

migration = importlib.import_module("daria.experiments.migrations.0013_mlp_early_stopping_rule")
OLD_MLP = {"n_layers": 1, "units_1": 64, "activation": "relu", "learning_rate_init": 0.001,
           "alpha": 0.0001, "batch_size": 128}


def test_stored_mlp_configurations_get_the_rule_they_ran_with(alice: object) -> None:
    dataset = make_dataset(alice, create_project(alice, "Old MLP"))
    lightgbm = {"algorithm": "lightgbm", "params": {"num_leaves": 31}}
    experiment = ExperimentFactory(dataset=dataset, initial_configurations=[
        {"algorithm": "mlp", "params": OLD_MLP}, lightgbm,
        {"algorithm": "mlp", "params": {**OLD_MLP, "early_stopping": "train"}}])
    old = TrialFactory(experiment=experiment, algorithm="mlp", params=dict(OLD_MLP))
    newer = TrialFactory(experiment=experiment, algorithm="mlp",
                         params={**OLD_MLP, "early_stopping": "train"})
    other = TrialFactory(experiment=experiment, algorithm="lightgbm", params={"num_leaves": 31})

    migration.fill_the_stored_rule(apps, None)

    for row in (old, newer, other, experiment):
        row.refresh_from_db()
    assert old.params == {**OLD_MLP, "early_stopping": "valid"}
    assert newer.params["early_stopping"] == "train"
    assert other.params == {"num_leaves": 31}
    assert experiment.initial_configurations == [
        {"algorithm": "mlp", "params": {**OLD_MLP, "early_stopping": "valid"}}, lightgbm,
        {"algorithm": "mlp", "params": {**OLD_MLP, "early_stopping": "train"}}]
    # What the migration wrote is inside today's space again.
    space = cash_space(Task.BINARY, 1000, ["mlp"])
    space.validate(Configuration("mlp", old.params))
