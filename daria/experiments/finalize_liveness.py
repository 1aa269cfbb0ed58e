"""Whether a worker is building an experiment's final model right now.

The finalizing task claims the build (one more attempt) and then touches a heartbeat from a side
thread while it refits, like a running trial. A second delivery of its message finds a live
heartbeat and leaves the build alone; when the heartbeat stops (the worker died, or the task hit
its hard time limit), the reaper sends the task again, and after ``MAX_FINALIZE_ATTEMPTS`` lost
builds it fails the experiment with the reason, keeping every trial (recovery.py).
"""

from __future__ import annotations

import threading
from contextlib import AbstractContextManager
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from daria.experiments.models import Experiment
from daria.lib.side_thread import side_thread

# A final model whose build was lost this many times is not tried again.
MAX_FINALIZE_ATTEMPTS = 3


def claim_finalize(experiment_id: int) -> bool:
    """Start building the experiment's final model: one more attempt, alive from now.

    False when the experiment is not running, or another worker's build of it is alive (its
    heartbeat is younger than ``DARIA_TRIAL_LOST_AFTER_S``).
    """
    now = timezone.now()
    alive_since = now - timedelta(seconds=settings.DARIA_TRIAL_LOST_AFTER_S)
    with transaction.atomic():
        running = (Experiment.objects.select_for_update()
                   .filter(pk=experiment_id, status=Experiment.Status.RUNNING))
        if running.filter(finalize_heartbeat_at__gte=alive_since).exists():
            return False
        return bool(running.update(finalize_attempts=F("finalize_attempts") + 1,
                                   finalize_heartbeat_at=now))


def _beat(experiment_id: int) -> None:
    Experiment.objects.filter(pk=experiment_id, status=Experiment.Status.RUNNING).update(
        finalize_heartbeat_at=timezone.now())


def finalize_heartbeat(experiment_id: int) -> AbstractContextManager[None]:
    """Touch the build's heartbeat every ``DARIA_HEARTBEAT_S`` seconds while the block runs."""

    def keep_beating(stop: threading.Event) -> None:
        while not stop.wait(settings.DARIA_HEARTBEAT_S):
            _beat(experiment_id)

    return side_thread(keep_beating, name=f"finalize-heartbeat-{experiment_id}")
