"""A trial's time limits: the hard limit of its Celery task, the soft one, and when the trial
itself counts as over its limit.

The hard limit is the search's time left plus ``DARIA_TRIAL_GRACE_S``, capped by
``DARIA_TRIAL_TIME_LIMIT_S`` when that is set. Celery raises ``SoftTimeLimitExceeded`` in the
task at the soft limit and kills the pool's child at the hard one. The trial stops itself one
second before the soft limit (the engine's deadline): every way of running past it ends the trial
as ``timeout`` (see trial_runs.py).
"""

from __future__ import annotations

from django.conf import settings

# The shortest hard limit a trial gets: room for a soft limit and a stop before it.
MIN_HARD_LIMIT_S = 3
# Seconds between the soft and the hard limit, at most (a quarter of the limit when shorter).
SOFT_LIMIT_LEAD_S = 10
# The trial stops itself this long before Celery's soft limit, so that its own timeout is
# recorded first.
STOP_LEAD_S = 1.0


def trial_hard_limit(search_left_s: float) -> int:
    """The hard time limit of a trial's task, in whole seconds."""
    limit = max(int(search_left_s), 0) + settings.DARIA_TRIAL_GRACE_S
    if settings.DARIA_TRIAL_TIME_LIMIT_S:
        limit = min(limit, settings.DARIA_TRIAL_TIME_LIMIT_S)
    return max(limit, MIN_HARD_LIMIT_S)


def trial_soft_limit(hard_limit_s: int) -> int:
    """Celery's soft time limit for a task whose hard limit is ``hard_limit_s`` (below it)."""
    return hard_limit_s - min(SOFT_LIMIT_LEAD_S, max(hard_limit_s // 4, 1))


def stop_after_s(soft_limit_s: float) -> float:
    """Seconds after its start at which a trial whose task has ``soft_limit_s`` is over its
    limit."""
    return max(soft_limit_s - STOP_LEAD_S, soft_limit_s / 2)


def timeout_reason(elapsed_s: float) -> str:
    """The error a timed-out trial is recorded with."""
    return f"stopped after {elapsed_s:.0f} s: over its time limit"
