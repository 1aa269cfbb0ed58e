"""The bench's user, API token, project and datasets (run inside the bench process, after
``django.setup()``)."""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SHARED_DATASETS = Path(__file__).resolve().parents[3] / "shared" / "datasets"


@dataclass(frozen=True)
class Seeded:
    """What the scenarios need: the user, the token's secret and two datasets."""

    user: Any
    token: str
    tiny: Any  # 100 rows of 3 numeric features and a binary target ``y``
    credit_g: Any  # 1,000 rows, target ``class``


def tiny_csv(rows: int = 100, seed: int = 0) -> bytes:
    """A trivial binary problem: three numeric features, ``y`` depends on the first."""
    generator = random.Random(seed)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["a", "b", "c", "y"])
    for _ in range(rows):
        a, b, c = (round(generator.gauss(0, 1), 4) for _ in range(3))
        writer.writerow([a, b, c, int(a + 0.5 * generator.gauss(0, 1) > 0)])
    return out.getvalue().encode()


def seed() -> Seeded:
    """Create the bench user with a token, one project and its two datasets."""
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile

    from daria.accounts.services import create_project
    from daria.accounts.tokens import create_token
    from daria.datasets.services import ingest_dataset

    user, _ = get_user_model().objects.get_or_create(username="bench-live")
    project = create_project(user, "Live benchmark")
    _, secret = create_token(user, "live benchmark")
    tiny = ingest_dataset(user, project.pk, SimpleUploadedFile(
        "tiny.csv", tiny_csv(), content_type="text/csv"))
    credit = SHARED_DATASETS / "credit_g.csv"
    credit_g = ingest_dataset(user, project.pk, SimpleUploadedFile(
        credit.name, credit.read_bytes(), content_type="text/csv"))
    return Seeded(user=user, token=secret, tiny=tiny, credit_g=credit_g)
