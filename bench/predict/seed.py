"""Seed a prediction benchmark database: a user with an API token and one trained model.

Run with the app's interpreter (it uses Django): ``.venv/bin/python -m bench.predict.seed``.
Prints ``{"model": id, "token": secret, "model_path": path, "data": csv}`` as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

SHARED = Path(__file__).resolve().parents[3] / "shared"
DATA = SHARED / "datasets" / "titanic.csv"
TARGET = "survived"


def seed(budget_s: float) -> dict[str, object]:
    """Create the user, project, dataset, a finished experiment and its trained model."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "daria.settings")
    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile

    from automl_core import AutoML
    from automl_core.data import read_table
    from daria.accounts.services import create_project
    from daria.accounts.tokens import create_token
    from daria.datasets.services import ingest_dataset
    from daria.experiments.models import Experiment
    from daria.predictions.services import save_trained_model

    user, _ = get_user_model().objects.get_or_create(username="bench")
    project = create_project(user, "Prediction benchmark")
    dataset = ingest_dataset(user, project.pk, SimpleUploadedFile(
        DATA.name, DATA.read_bytes(), content_type="text/csv"))
    automl = AutoML(time_budget_s=budget_s, seed=0).fit(read_table(DATA).frame, TARGET)
    experiment = Experiment.objects.create(
        project=project, dataset=dataset, target=TARGET, task=str(automl.task),
        metric=str(automl.metric), greater_is_better=True, time_budget_s=int(budget_s),
        status="succeeded", progress=1.0)
    model = save_trained_model(experiment, automl)
    _, secret = create_token(user, "prediction benchmark")
    return {"model": model.pk, "token": secret, "model_path": model.file.path,
            "data": str(DATA), "target": TARGET}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--budget", type=float, default=20, help="training budget, seconds")
    print(json.dumps(seed(parser.parse_args().budget)))


if __name__ == "__main__":
    main()
