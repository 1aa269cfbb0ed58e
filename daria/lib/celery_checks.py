"""The Celery settings long trials depend on, checked when a worker starts.

A trial runs for minutes; with the wrong settings a worker that dies loses it silently (early
acknowledgement, or a SIGKILLed child acknowledged anyway), one worker hoards queued trials
(prefetch), or Redis hands a still-running trial to a second worker because it ran past the
broker's visibility timeout.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ImproperlyConfigured


def long_task_problems(conf: Mapping[str, Any]) -> list[str]:
    """What is wrong with ``conf`` (a Celery app's configuration) for long tasks; [] when fine."""
    problems = []
    if not conf.get("task_acks_late"):
        problems.append("task_acks_late must be True, so a task that dies is delivered again")
    if not conf.get("task_reject_on_worker_lost"):
        problems.append("task_reject_on_worker_lost must be True, so a killed child's task is "
                        "requeued instead of acknowledged")
    if conf.get("worker_prefetch_multiplier") != 1:
        problems.append(f"worker_prefetch_multiplier must be 1, got "
                        f"{conf.get('worker_prefetch_multiplier')!r}")
    if conf.get("task_serializer") != "json" or list(conf.get("accept_content") or []) != ["json"]:
        problems.append(f"only JSON may be (de)serialized, got task_serializer="
                        f"{conf.get('task_serializer')!r}, accept_content="
                        f"{conf.get('accept_content')!r}")
    hard, soft = conf.get("task_time_limit"), conf.get("task_soft_time_limit")
    if not hard or not soft or soft >= hard:
        problems.append(f"task_soft_time_limit ({soft!r}) must be set and below "
                        f"task_time_limit ({hard!r})")
    visibility = (conf.get("broker_transport_options") or {}).get("visibility_timeout", 3600)
    if hard and hard >= visibility:
        problems.append(f"task_time_limit ({hard} s) must be below the broker's "
                        f"visibility_timeout ({visibility} s), or Redis delivers a running "
                        "task to a second worker")
    return problems


def assert_long_task_config(conf: Mapping[str, Any]) -> None:
    """Raise ImproperlyConfigured listing every problem :func:`long_task_problems` finds."""
    problems = long_task_problems(conf)
    if problems:
        raise ImproperlyConfigured("Celery is not configured for long tasks:\n- "
                                   + "\n- ".join(problems))
