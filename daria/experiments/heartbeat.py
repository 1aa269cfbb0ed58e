"""A running trial's heartbeat: proof that its worker is alive, written from a side thread.

The trial itself is busy in native code (LightGBM, scikit-learn) for seconds or minutes, so a
small thread of the same process touches the row instead. When the process dies (SIGKILL, out
of memory, the machine lost), the heartbeat stops and the reaper recovers the trial.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import connection
from django.utils import timezone

from daria.experiments.models import Trial


def beat(experiment_id: int, number: int) -> bool:
    """Touch a running trial's heartbeat now; False when it is no longer running."""
    running = Trial.objects.filter(experiment_id=experiment_id, number=number,
                                   state=Trial.RUNNING)
    return bool(running.update(heartbeat_at=timezone.now()))


@contextmanager
def heartbeat(experiment_id: int, number: int) -> Iterator[None]:
    """Beat every ``DARIA_HEARTBEAT_S`` seconds while the block runs."""
    stop = threading.Event()

    def keep_beating() -> None:
        try:
            while not stop.wait(settings.DARIA_HEARTBEAT_S):
                beat(experiment_id, number)
        finally:
            connection.close()  # this thread's own connection

    thread = threading.Thread(target=keep_beating, daemon=True,
                              name=f"heartbeat-{experiment_id}-{number}")
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()
