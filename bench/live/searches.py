"""Real searches on real Celery workers: platform overhead per trial and scaling to 2 workers.

Both run a manual search (searcher ``manual``): a fixed plan of hand-written configurations of
one family, distinct only by a parameter that does not change their cost, so every run does the
same work. Times come from the trial rows: ``enqueued_at`` (the scheduling step queued it),
``started_at`` (a worker claimed it), ``finished_at`` (just before its commit), and the engine's
own ``fit_time_s + predict_time_s`` (the cross-validation's fits and predictions).
"""

from __future__ import annotations

import statistics
import time
from itertools import pairwise
from pathlib import Path
from typing import Any

from bench.live.seed import Seeded
from bench.live.stack import celery_workers
from bench.live.stats import summary_ms


def linear_plan(trials: int) -> list[dict[str, Any]]:
    """``trials`` logistic regressions, C = 1.00, 1.01, ...: trivial on 100 rows."""
    return [{"algorithm": "linear", "params": {"C": round(1 + i / 100, 2),
                                               "class_weight": "none"}}
            for i in range(trials)]


def forest_plan(trials: int, trees: int) -> list[dict[str, Any]]:
    """``trials`` random forests of ``trees`` trees, max_features 0.500, 0.501, ...: CPU-bound,
    the same cost each."""
    return [{"algorithm": "random_forest", "params": {
        "n_estimators": trees, "max_features": round(0.5 + i / 1000, 3), "min_samples_leaf": 1,
        "bootstrap": True, "criterion": "gini", "class_weight": "none"}}
        for i in range(trials)]


def run_plan(seeded: Seeded, dataset: Any, target: str, plan: list[dict[str, Any]],
             parallelism: int, workers: int, env: dict[str, str], log_dir: Path,
             timeout_s: float = 300) -> list[Any]:
    """Run the plan as one manual-search experiment on ``workers`` fresh workers; return its
    trials once the experiment has finished (its final model built)."""
    from daria.experiments.models import Experiment
    from daria.experiments.services import create_experiment

    with celery_workers(env, workers, log_dir):
        experiment = create_experiment(
            seeded.user, dataset, target, time_budget_s=600, searcher="manual",
            algorithms=[plan[0]["algorithm"]], parallelism=parallelism,
            initial_configurations=plan)
        deadline = time.monotonic() + timeout_s
        while not Experiment.objects.get(pk=experiment.pk).is_finished:
            if time.monotonic() > deadline:
                raise TimeoutError(f"experiment {experiment.pk} did not finish")
            time.sleep(0.5)
    return list(experiment.trials.order_by("started_at"))


def _completed(trials: list[Any]) -> list[Any]:
    complete = [t for t in trials if t.state == "complete"]
    if len(complete) != len(trials):
        raise RuntimeError(f"trials not complete: {[(t.number, t.state) for t in trials]}")
    return complete


def overhead(trials: list[Any]) -> dict[str, Any]:
    """Per-trial platform time of a plan run with parallelism 1 on one worker slot.

    ``cycle`` is started_at of a trial to started_at of the next (one slot: the next trial is
    queued by the step that commits this one), ``overhead`` is the cycle minus the engine's
    fit and predict time: everything the platform adds (loading the problem, claiming,
    heartbeat, the commit and publish, the scheduling step, the broker's dispatch).
    """
    done = _completed(trials)
    engine = [t.fit_time_s + t.predict_time_s for t in done]
    cycles = [(b.started_at - a.started_at).total_seconds() for a, b in pairwise(done)]
    in_worker = [(t.finished_at - t.started_at).total_seconds() - e
                 for t, e in zip(done, engine, strict=True)]
    dispatch = [(t.started_at - t.enqueued_at).total_seconds() for t in done[1:]]
    return {"trials": len(done), "engine_ms": summary_ms(engine),
            "cycle_ms": summary_ms(cycles),
            "overhead_ms": summary_ms([c - e for c, e in zip(cycles, engine[:-1], strict=True)]),
            "in_worker_overhead_ms": summary_ms(in_worker),
            "enqueue_to_start_ms": summary_ms(dispatch),
            "trials_per_minute_per_slot": round(60 / statistics.fmean(cycles), 1)}


def throughput(trials: list[Any]) -> dict[str, Any]:
    """Trials per minute from the first start to the last finish, and the mean trial time."""
    done = _completed(trials)
    window_s = (max(t.finished_at for t in done) - min(t.started_at for t in done)
                ).total_seconds()
    return {"trials": len(done), "window_s": round(window_s, 1),
            "trials_per_minute": round(60 * len(done) / window_s, 1),
            "engine_s_mean": round(statistics.fmean(
                t.fit_time_s + t.predict_time_s for t in done), 2),
            "workers": sorted({t.worker for t in done})}
