"""Replaying an experiment: its completed trials again, in order, in deterministic mode.

A replay is a new experiment on the same dataset file (checked by SHA-256), with the original's
column snapshot, target, task, metric, validation and seed. Instead of asking a searcher, it
queues the original's completed configurations one at a time (parallelism 1), and evaluates each
the way the generated trial script does (:mod:`automl_core.export.script`): one thread and no
per-trial time cap, so a model grows to its natural end and gives the same sums in the same
order. When it finishes, each replayed score is compared with the original one.

A trial whose models the original search cut at its time cap trained less than the replay
will: its scores differ, and the comparison says so.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.conf import settings
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from rest_framework import status
from rest_framework.exceptions import APIException

from automl_core.distributed import SearchProblem, TrialOutcome, evaluate_configuration
from automl_core.export.reproducibility import file_sha256
from automl_core.search.space import Configuration
from automl_core.search.trial import TrialState
from daria.accounts.services import AnyUser, require_write
from daria.audit import services as audit
from daria.audit.models import Action
from daria.experiments import services, waiting
from daria.experiments.models import Experiment, Trial
from daria.experiments.problems import monotonic_deadline
from daria.lib.file_store import local_copy

# A replayed score this close to the original one reproduces it.
TOLERANCE = 1e-6
# The settings a replay copies from its original (the search's inputs, not its outcome).
COPIED_FIELDS = ("project_id", "dataset_id", "target", "task", "task_reason", "task_reason_code",
                 "task_reason_params", "metric", "greater_is_better", "seed", "excluded_columns",
                 "column_kinds", "searcher", "algorithms", "validation_folds")


class NothingToReplay(APIException):
    """The original has no completed trial."""

    status_code = status.HTTP_409_CONFLICT
    default_code = "nothing_to_replay"
    default_detail = _("This experiment has no finished trial with a score, so there is nothing "
                       "to replay. Replay it once at least one trial has completed.")


class DatasetChanged(APIException):
    """The dataset file is not the one the original experiment ran on."""

    status_code = status.HTTP_409_CONFLICT
    default_code = "dataset_changed"


class Verdict(StrEnum):
    """How a replayed trial compares with its original."""

    REPRODUCED = "reproduced"  # both scores known and within TOLERANCE
    DIFFERS = "differs"  # the replay scored differently, or did not complete
    PENDING = "pending"  # the replay has not evaluated it yet
    NOT_RUN = "not_run"  # the replay ended (cancelled, failed) before evaluating it


@dataclass(frozen=True)
class TrialComparison:
    """One original trial against its replay."""

    number: int  # the original trial's number
    replay_number: int
    algorithm: str
    original_score: float
    replayed_score: float | None
    replayed_state: str | None
    difference: float | None
    verdict: Verdict


def is_replay(experiment: Experiment) -> bool:
    """Whether the experiment replays another one (its plan is kept even if the original goes)."""
    return bool(experiment.replay_plan)


def replay_experiment(user: AnyUser, original: Experiment) -> Experiment:
    """Store a replay of ``original`` and enqueue it (or let it wait for a free slot), audited.

    Viewers get 403. Raises :class:`NothingToReplay` when no trial of the original completed
    and :class:`DatasetChanged` when the dataset file's SHA-256 is not the recorded one.
    """
    require_write(user, original.project_id)
    trials = list(original.trials.filter(state=TrialState.COMPLETE.value, score__isnull=False)
                  .order_by("number"))
    if not trials:
        raise NothingToReplay
    digest = _current_sha256(original)
    with transaction.atomic():
        waiting.lock_user(user.pk)
        start = waiting.initial_status(user)
        replay = Experiment.objects.create(
            **{name: getattr(original, name) for name in COPIED_FIELDS},
            status=start, created_by=user, dataset_sha256=digest, replay_of=original,
            # Trials run one by one without a time cap; the budget is only a safety net.
            parallelism=1, time_budget_s=settings.DARIA_MAX_TIME_BUDGET_S,
            initial_configurations=[Configuration(t.algorithm, dict(t.params)).to_dict()
                                    for t in trials],
            replay_plan=[{"number": t.number, "score": t.score} for t in trials],
        )
        audit.record(user, Action.EXPERIMENT_REPLAY, project=original.project_id, target=replay,
                     original=original.pk, trials=len(trials))
        if start == Experiment.Status.QUEUED:
            transaction.on_commit(functools.partial(services.enqueue_run, replay))
    return replay


def _current_sha256(original: Experiment) -> str:
    """The dataset file's SHA-256, when it is still the one the original recorded."""
    recorded = original.dataset_sha256
    try:
        digest = file_sha256(local_copy(original.dataset.file))
    except FileNotFoundError:
        digest = ""
    if recorded and digest != recorded:
        raise DatasetChanged(
            _("The dataset file changed since this experiment ran (SHA-256 %(recorded)s, now "
              "%(current)s), so its trials cannot be reproduced. Upload the original file as a "
              "new dataset and start a new experiment instead.")
            % {"recorded": recorded, "current": digest or "-"})
    return digest


def next_configurations(experiment: Experiment, trials: Sequence[Trial],
                        free: int) -> list[Configuration]:
    """The replay's next ``free`` planned configurations after the ``trials`` it has queued."""
    planned = experiment.initial_configurations[len(trials):len(trials) + max(free, 0)]
    return [Configuration.from_dict(config) for config in planned]


def plan_done(experiment: Experiment, trials: Sequence[Trial]) -> bool:
    """Whether every planned configuration has been queued."""
    return len(trials) >= len(experiment.replay_plan)


def progress_after_trial(experiment: Experiment) -> float:
    """The share of the plan done once the trial being recorded is (trials run one by one)."""
    done = experiment.trials.exclude(state__in=Trial.PENDING).count() + 1
    return min(done / len(experiment.replay_plan), 1.0)


def evaluate(problem: SearchProblem, number: int, config: Configuration,
             search_left_s: float) -> TrialOutcome:
    """Cross-validate ``config`` in deterministic mode: one thread, no per-trial cap and no
    pruning, as the trial script does; only the replay's safety budget can cut it."""
    return evaluate_configuration(problem, number, config, monotonic_deadline(search_left_s),
                                  n_jobs=1, trial_budget_s=None, expected_s=0.0)


def get_replay(user: AnyUser, experiment_id: int) -> Experiment:
    """One of the user's replays, or 404 (also for an experiment that is not a replay)."""
    experiment = services.get_experiment(user, experiment_id)
    if not is_replay(experiment):
        raise Http404("This experiment is not a replay.")
    return experiment


def comparison(replay: Experiment) -> dict[str, Any]:
    """The replay against its original, trial by trial, with the counts of each verdict."""
    replayed = {t.number: t for t in replay.trials.all()}
    rows = [_compare(index, entry, replay, replayed.get(index))
            for index, entry in enumerate(replay.replay_plan)]
    counts = {verdict: sum(row.verdict is verdict for row in rows) for verdict in Verdict}
    return {
        "replay": replay.pk, "original": replay.replay_of_id, "status": replay.status,
        "finished": replay.is_finished, "tolerance": TOLERANCE,
        "dataset_sha256": replay.dataset_sha256, "total": len(rows),
        "reproduced": counts[Verdict.REPRODUCED], "differs": counts[Verdict.DIFFERS],
        "pending": counts[Verdict.PENDING], "not_run": counts[Verdict.NOT_RUN],
        "all_reproduced": counts[Verdict.REPRODUCED] == len(rows),
        "trials": rows,
    }


def _compare(index: int, entry: dict[str, Any], replay: Experiment,
             trial: Trial | None) -> TrialComparison:
    original = float(entry["score"])
    config = replay.initial_configurations[index]
    if trial is None or trial.is_pending:
        verdict = Verdict.NOT_RUN if replay.is_finished else Verdict.PENDING
        return TrialComparison(int(entry["number"]), index, config["algorithm"], original, None,
                               trial.state if trial else None, None, verdict)
    difference = None if trial.score is None else abs(trial.score - original)
    reproduced = (trial.state == TrialState.COMPLETE.value and difference is not None
                  and math.isfinite(difference) and difference <= TOLERANCE)
    return TrialComparison(int(entry["number"]), index, trial.algorithm, original, trial.score,
                           trial.state, difference,
                           Verdict.REPRODUCED if reproduced else Verdict.DIFFERS)
