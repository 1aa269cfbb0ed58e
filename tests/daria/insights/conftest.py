"""Real trained models for the insight tests: a search run task by task in this process.

The search's tasks run through the experiments' in-process queue; the insight job's task is
recorded instead of being sent, and tests run it by calling its service, as a worker would.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import numpy as np
import pandas as pd
import pytest

from daria.accounts.services import create_project
from daria.experiments import scheduling
from daria.insights import services
from daria.predictions.models import TrainedModel
from tests.daria.experiments.conftest import InProcessQueue, queue  # noqa: F401 - fixture
from tests.daria.factories import ExperimentFactory, churn_csv, make_dataset

SETTINGS = {
    "binary": {"target": "churn", "metric": "roc_auc", "greater_is_better": True},
    "multiclass": {"target": "grade", "metric": "log_loss", "greater_is_better": False},
    "regression": {"target": "price", "metric": "rmse", "greater_is_better": False},
}


def _csv(task: str, n_rows: int = 240, seed: int = 0) -> bytes:
    if task == "binary":
        return churn_csv(n_rows=n_rows, seed=seed)
    rng = np.random.default_rng(seed)
    size = rng.normal(100, 30, n_rows).round(1)
    area = rng.choice(["north", "south", "east"], n_rows)
    noise = rng.normal(size=n_rows).round(3)
    value = size * 2 + (area == "north") * 60 + rng.normal(0, 10, n_rows)
    frame = pd.DataFrame({"size": size, "area": area, "noise": noise})
    if task == "multiclass":
        frame["grade"] = pd.cut(value, [-np.inf, 180, 240, np.inf],
                                labels=["C", "B", "A"]).astype(str)
    else:
        frame["price"] = value.round(2)
    buffer = io.BytesIO()
    frame.to_csv(buffer, index=False)
    return buffer.getvalue()


class SentTasks:
    """The insight tasks the services sent (model ids), kept instead of reaching the broker."""

    def __init__(self) -> None:
        self.model_ids: list[int] = []

    def __call__(self, name: str, model_id: int, **options: object) -> str:
        assert name == services.JOB_TASK and options["time_limit"] > options["soft_time_limit"]
        self.model_ids.append(model_id)
        return f"insights-{len(self.model_ids)}"


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> SentTasks:
    """Record the insight jobs the services enqueue."""
    recorder = SentTasks()
    monkeypatch.setattr(services, "enqueue", recorder)
    return recorder


@pytest.fixture
def train(alice: object, queue: InProcessQueue  # noqa: F811 - the imported fixture
          ) -> Callable[[str], TrainedModel]:
    """Run a real 5-second search for ``task`` in alice's new project; return its model."""
    def run(task: str) -> TrainedModel:
        project = create_project(alice, f"Insights {task}")
        dataset = make_dataset(alice, project, _csv(task), name=f"{task}.csv")
        experiment = ExperimentFactory(dataset=dataset, task=task, time_budget_s=5,
                                       task_reason="", **SETTINGS[task])
        with queue.capture(execute=True):
            scheduling.start_search(experiment.pk)
        queue.drain()
        experiment.refresh_from_db()
        assert experiment.status == "succeeded", experiment.error
        return experiment.model
    return run
