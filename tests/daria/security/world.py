"""Alice's project with one object of every kind an API route can name, built with the real
services, so that security tests can aim every route at something that exists."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile

from automl_core import AutoML
from daria.accounts.models import ApiToken, Membership, Project, Role
from daria.accounts.services import add_member, create_project
from daria.accounts.tokens import create_token
from daria.datasets.models import Dataset
from daria.experiments.models import Experiment, Trial
from daria.predictions.models import PredictionBatch, TrainedModel
from daria.predictions.services import predict_batch, save_trained_model
from tests.daria.factories import ExperimentFactory, TrialFactory, churn_csv, make_dataset


@dataclass(frozen=True)
class World:
    """One of each object in a project: what every id-route of the API can point at."""

    project: Project
    dataset: Dataset
    experiment: Experiment
    trial: Trial
    model: TrainedModel
    batch: PredictionBatch
    membership: Membership
    token: ApiToken


def build_world(owner: object, member: object, fitted: AutoML, name: str = "Secrets") -> World:
    """A project of ``owner`` with a dataset, a finished experiment with a trial and a trained
    model, a stored prediction batch, ``member`` as a viewer, and an API token of ``owner``."""
    project = create_project(owner, name)
    dataset = make_dataset(owner, project)
    # Finished, so that its event stream ends at once for those allowed to open it.
    experiment = ExperimentFactory(dataset=dataset, status=Experiment.Status.SUCCEEDED)
    trial = TrialFactory(experiment=experiment, number=0)
    model = save_trained_model(experiment, fitted)
    upload = SimpleUploadedFile("new.csv", churn_csv(n_rows=10, seed=3), content_type="text/csv")
    batch = predict_batch(owner, model, upload)
    membership = add_member(project, member, Role.VIEWER)
    token, _secret = create_token(owner, name="cli")
    return World(project=project, dataset=dataset, experiment=experiment, trial=trial,
                 model=model, batch=batch, membership=membership, token=token)
