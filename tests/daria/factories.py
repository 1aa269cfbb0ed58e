"""factory_boy factories for Daria's models; datasets are ingested through the real engine."""

from __future__ import annotations

import io

import factory
import numpy as np
import pandas as pd
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from daria.accounts.models import Membership, Project, Role
from daria.datasets.models import Dataset
from daria.datasets.services import ingest_dataset
from daria.experiments.models import Experiment, Trial


class UserFactory(factory.django.DjangoModelFactory):
    """A user with the password ``not-a-real-password-1``."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", "not-a-real-password-1")


class ProjectFactory(factory.django.DjangoModelFactory):
    """A project; pass ``owner=user`` to make them its owner."""

    class Meta:
        model = Project

    name = factory.Sequence(lambda n: f"Project {n}")

    @factory.post_generation
    def owner(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create and extracted is not None:
            Membership.objects.create(project=self, user=extracted, role=Role.OWNER)


def churn_csv(n_rows: int = 120, seed: int = 0) -> bytes:
    """A small seeded binary-classification table whose target depends on its features."""
    rng = np.random.default_rng(seed)
    age = rng.integers(18, 80, n_rows)
    plan = rng.choice(["basic", "plus", "pro"], n_rows)
    usage = rng.normal(50, 15, n_rows).round(2)
    churn = np.where(usage + (plan == "basic") * 20 - age * 0.2 > 50, "yes", "no")
    frame = pd.DataFrame({"age": age, "plan": plan, "usage": usage, "churn": churn})
    buffer = io.BytesIO()
    frame.to_csv(buffer, index=False)
    return buffer.getvalue()


def make_dataset(user: object, project: Project, content: bytes | None = None,
                 name: str = "churn.csv") -> Dataset:
    """A dataset ingested through the real upload service."""
    upload = SimpleUploadedFile(name, content if content is not None else churn_csv(),
                                content_type="text/csv")
    return ingest_dataset(user, project.pk, upload)


class ExperimentFactory(factory.django.DjangoModelFactory):
    """A queued experiment on a dataset (pass ``dataset=``)."""

    class Meta:
        model = Experiment

    project = factory.SelfAttribute("dataset.project")
    target = "churn"
    task = "binary"
    task_reason = "text column with two values -> binary classification"
    metric = "roc_auc"
    greater_is_better = True
    time_budget_s = 30


class TrialFactory(factory.django.DjangoModelFactory):
    """A completed trial (pass ``experiment=``)."""

    class Meta:
        model = Trial

    number = factory.Sequence(lambda n: n)
    state = "complete"
    algorithm = "lightgbm"
    params = factory.LazyFunction(lambda: {"num_leaves": 31})
    score = factory.Sequence(lambda n: 0.5 + (n % 40) / 100)
    fold_scores = factory.LazyAttribute(lambda t: [t.score] * 3)
    fit_time_s = 0.1
