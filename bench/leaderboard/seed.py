"""Seed a benchmark database: a user with an API token, and one experiment of 10,000 trials.

Run with the app's interpreter (it uses Django): ``.venv/bin/python -m bench.leaderboard.seed``.
Prints ``{"experiment": id, "token": secret}`` as JSON.
"""

from __future__ import annotations

import argparse
import io
import json
import os

import numpy as np

ALGORITHMS = ("lightgbm", "random_forest", "linear", "knn", "extra_trees")


def seed(n_trials: int, seed_value: int = 0) -> dict[str, object]:
    """Create the user, project, dataset, a finished experiment and its trials."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "daria.settings")
    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import connection

    from daria.accounts.services import create_project
    from daria.accounts.tokens import create_token
    from daria.datasets.services import ingest_dataset
    from daria.experiments.models import Experiment, Trial

    rng = np.random.default_rng(seed_value)
    user, _ = get_user_model().objects.get_or_create(username="bench")
    project = create_project(user, "Leaderboard benchmark")
    rows = io.StringIO("x,y\n" + "".join(f"{i},{i % 2}\n" for i in range(200)))
    dataset = ingest_dataset(user, project.pk, SimpleUploadedFile(
        "bench.csv", rows.getvalue().encode(), content_type="text/csv"))
    experiment = Experiment.objects.create(
        project=project, dataset=dataset, target="y", task="binary", metric="roc_auc",
        greater_is_better=True, time_budget_s=60, status="succeeded", progress=1.0)
    trials = []
    for number in range(n_trials):
        score = float(rng.uniform(0.6, 0.95))
        failed = number % 20 == 0
        trials.append(Trial(
            experiment=experiment, number=number, state="failed" if failed else "complete",
            algorithm=ALGORITHMS[number % len(ALGORITHMS)],
            params={"learning_rate": float(rng.uniform(0.01, 0.3)),
                    "num_leaves": int(rng.integers(8, 256))},
            score=None if failed else score,
            fold_scores=[] if failed else [float(s) for s in score + rng.normal(0, 0.01, 5)],
            fit_time_s=float(rng.uniform(0.1, 5)), predict_time_s=float(rng.uniform(0.01, 0.2)),
        ))
    Trial.objects.bulk_create(trials, batch_size=2000)
    # Give the planner statistics, as autovacuum does on a database that has been running (it
    # may be off on a development server, and would not have run yet a second after the insert).
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {connection.ops.quote_name(Trial._meta.db_table)}")
    _, secret = create_token(user, "leaderboard benchmark")
    return {"experiment": experiment.pk, "token": secret}


def main() -> None:
    """Parse ``--trials`` and print the seeded ids as JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--trials", type=int, default=10_000)
    print(json.dumps(seed(parser.parse_args().trials)))


if __name__ == "__main__":
    main()
