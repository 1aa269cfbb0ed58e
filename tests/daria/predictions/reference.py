"""The hostile-input corpus's reference model: trained on ``train_reference.csv``, the file its
``predict_*.csv`` cases are checked against (see ``bad-inputs/manifest.json``)."""

from __future__ import annotations

import json

from automl_core import AutoML
from automl_core.data.reading import read_table
from daria.accounts.services import create_project
from daria.predictions.models import TrainedModel
from daria.predictions.services import save_trained_model
from tests.conftest import BAD_INPUTS
from tests.daria.factories import ExperimentFactory, make_dataset

TRAIN = BAD_INPUTS / "train_reference.csv"
MANIFEST = {e["file"]: e for e in json.loads((BAD_INPUTS / "manifest.json").read_text())["files"]}


def fit_reference(budget_s: float = 4) -> AutoML:
    """A real model on the reference file (the engine only; no database)."""
    return AutoML(time_budget_s=budget_s, seed=0).fit(read_table(TRAIN).frame, target="churn")


def save_reference_model(owner: object, fitted: AutoML, project: str) -> TrainedModel:
    """``fitted`` stored as the model of an experiment on the reference dataset, in a new
    project of ``owner``."""
    dataset = make_dataset(owner, create_project(owner, project), TRAIN.read_bytes(),
                           "train_reference.csv")
    return save_trained_model(ExperimentFactory(dataset=dataset, target="churn"), fitted)
