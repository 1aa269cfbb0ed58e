"""Users reading one experiment's leaderboard: pages, sorts and filters as the GUI asks for them.

Needs ``DARIA_BENCH_TOKEN`` and ``DARIA_BENCH_EXPERIMENT`` (run.py sets them).
"""

from __future__ import annotations

import os
import random

from locust import HttpUser, between, task

EXPERIMENT = os.environ.get("DARIA_BENCH_EXPERIMENT", "1")
BASE = f"/api/v1/experiments/{EXPERIMENT}/leaderboard/"


class LeaderboardReader(HttpUser):
    """One person paging and sorting the leaderboard, with a short think time."""

    wait_time = between(0.5, 1.5)

    def on_start(self) -> None:
        self.client.headers["Authorization"] = f"Token {os.environ['DARIA_BENCH_TOKEN']}"

    @task(5)
    def first_page(self) -> None:
        self.client.get(BASE, name="leaderboard: first page (score)")

    @task(3)
    def another_page_sorted(self) -> None:
        sort = random.choice(["fit_time", "predict_time", "number", "algorithm"])
        page = random.randint(1, 200)
        self.client.get(f"{BASE}?sort={sort}&order=desc&page={page}",
                        name="leaderboard: page n, other sort")

    @task(2)
    def filtered(self) -> None:
        self.client.get(f"{BASE}?algorithm=lightgbm,linear&score_min=0.8&page_size=100",
                        name="leaderboard: filtered, 100 rows")
