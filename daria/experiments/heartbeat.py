"""A running trial's heartbeat: proof that its worker is alive, written from a side thread, which
also stops the trial when its experiment is cancelled.

The trial itself is busy in native code (LightGBM, scikit-learn) for seconds or minutes, so a
small thread of the same process touches the row instead. When the process dies (SIGKILL, out
of memory, the machine lost), the heartbeat stops and the reaper recovers the trial. The same
thread looks for a cancel every second: it then ends the trial (``on_cancel``) and raises
:class:`TrialCancelled` in the trial's thread, which frees the worker as soon as the engine is
back in Python code (between boosting rounds, trees or folds).
"""

from __future__ import annotations

import ctypes
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.conf import settings
from django.utils import timezone

from daria.experiments import services
from daria.experiments.models import Trial
from daria.lib.side_thread import side_thread

# How often the thread looks for a cancel: an experiment is cancelled within a few seconds.
CANCEL_POLL_S = 1.0


class TrialCancelled(BaseException):  # noqa: N818 - it is a signal, not an error
    """Raised in a trial's thread when its experiment was cancelled.

    A BaseException: the engine records any Exception of a configuration as a FAILED trial.
    """


def beat(experiment_id: int, number: int) -> bool:
    """Touch a running trial's heartbeat now; False when it is no longer running."""
    running = Trial.objects.filter(experiment_id=experiment_id, number=number,
                                   state=Trial.RUNNING)
    return bool(running.update(heartbeat_at=timezone.now()))


class _Interrupter:
    """Raises TrialCancelled once in one thread, only while that thread is inside the block."""

    def __init__(self, thread_id: int) -> None:
        self.thread_id = thread_id
        self.lock = threading.Lock()
        self.armed = True

    def fire(self) -> None:
        with self.lock:
            if self.armed:
                self.armed = False
                ctypes.pythonapi.PyThreadState_SetAsyncExc(
                    ctypes.c_ulong(self.thread_id), ctypes.py_object(TrialCancelled))

    def disarm(self) -> None:
        with self.lock:
            self.armed = False


@contextmanager
def heartbeat(experiment_id: int, number: int,
              on_cancel: Callable[[], None] | None = None) -> Iterator[None]:
    """Beat every ``DARIA_HEARTBEAT_S`` seconds while the block runs; when the experiment is
    cancelled meanwhile, call ``on_cancel`` (from the side thread) and raise
    :class:`TrialCancelled` in the block."""
    interrupter = _Interrupter(threading.get_ident())

    def keep_beating(stop: threading.Event) -> None:
        next_beat = time.monotonic() + settings.DARIA_HEARTBEAT_S
        while not stop.wait(min(CANCEL_POLL_S, settings.DARIA_HEARTBEAT_S)):
            if on_cancel is not None and services.cancel_requested(experiment_id):
                on_cancel()
                interrupter.fire()
                return
            if time.monotonic() >= next_beat:
                beat(experiment_id, number)
                next_beat = time.monotonic() + settings.DARIA_HEARTBEAT_S

    with side_thread(keep_beating, name=f"heartbeat-{experiment_id}-{number}"):
        try:
            yield
        finally:
            interrupter.disarm()
