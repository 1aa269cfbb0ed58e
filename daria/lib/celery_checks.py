"""The Celery settings long trials depend on, checked when a worker starts.

A trial runs for minutes; with the wrong settings a worker that dies loses it silently (early
acknowledgement, or a SIGKILLed child acknowledged anyway), one worker hoards queued trials
(prefetch), or Redis hands a still-running trial to a second worker because it ran past the
broker's visibility timeout. A worker that trains more trials at once, with more threads each,
than the machine has cores makes every trial slower and its time meaningless; one whose pool
enforces no time limits cannot stop a trial stuck in native code.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from typing import Any

from celery.concurrency import ALIASES
from django.core.exceptions import ImproperlyConfigured

logger = logging.getLogger(__name__)


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


# --- The worker's shape: processes x threads within the cores, a pool that enforces limits ----

# The pool that runs each task in a child process it can kill at the hard time limit.
TIME_LIMITED_POOL = "prefork"
# Pools that run one task at a time, whatever --concurrency says.
_ONE_TASK_POOLS = {"solo"}


def usable_cores() -> int:
    """The cores this process may run on: its CPU affinity (taskset, cpusets, ``docker run
    --cpuset-cpus``) where the platform reports it, else the machine's count."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def pool_name(pool_cls: object) -> str:
    """The alias (``prefork``, ``solo``, ``threads``...) of a worker's pool, given as Celery holds
    it during ``worker_init``: an alias, a ``module:Class`` path or the class itself."""
    if isinstance(pool_cls, type):
        path = f"{pool_cls.__module__}:{pool_cls.__qualname__}"
    else:
        path = str(pool_cls)
    for alias, alias_path in ALIASES.items():
        if path in (alias, alias_path):
            return "prefork" if alias == "processes" else alias
    return path


def training_slots(pool: str, concurrency: int | str, autoscale: object, cores: int) -> int:
    """How many trials a worker may train at once: 1 for the solo pool, the autoscaler's maximum
    when ``--autoscale max,min`` is given, all ``cores`` for ``--concurrency auto`` (Celery sizes
    that pool by the cores), else the concurrency."""
    if pool in _ONE_TASK_POOLS:
        return 1
    if autoscale:
        maximum = autoscale.partition(",")[0] if isinstance(autoscale, str) else autoscale[0]
        return int(maximum)
    if str(concurrency).strip().lower() == "auto":
        return cores
    return int(concurrency)


def oversubscription_problem(slots: int, threads: int, cores: int) -> str | None:
    """Why ``slots`` trials of ``threads`` threads each are too many for ``cores``; None if not."""
    if slots * threads <= cores:
        return None
    return (f"this worker would train {slots} trials at once (--concurrency, "
            f"DARIA_WORKER_CONCURRENCY under `make run` and docker compose) x "
            f"{threads} threads each (DARIA_WORKER_THREADS) = {slots * threads} threads, "
            f"but this machine has {cores} usable cores. Trials would slow each other down and "
            f"their times would mean nothing. Lower --concurrency or DARIA_WORKER_THREADS so that "
            f"processes x threads <= {cores}, or set DARIA_ALLOW_OVERSUBSCRIPTION=1 to start "
            "anyway.")


def assert_cores_not_oversubscribed(slots: int, threads: int, cores: int, *,
                                    allowed: bool) -> None:
    """Raise ImproperlyConfigured when processes x threads exceed the cores, unless ``allowed``
    (DARIA_ALLOW_OVERSUBSCRIPTION), in which case the problem is logged as a warning."""
    problem = oversubscription_problem(slots, threads, cores)
    if problem is None:
        return
    if not allowed:
        raise ImproperlyConfigured(f"Worker refused to start: {problem}")
    logger.warning("Oversubscribing the CPU on purpose (DARIA_ALLOW_OVERSUBSCRIPTION): %s",
                   problem)


def time_limit_warning(pool: str) -> str | None:
    """The consequence of a pool that does not enforce Celery's hard time limit; None for the
    prefork pool, which kills a task's child process at its limit."""
    if pool == TIME_LIMITED_POOL:
        return None
    return (f"The {pool!r} pool does not enforce Celery's time limits: a trial stuck in native "
            "code (a long LightGBM or scikit-learn fit) is not stopped at its hard limit "
            "(DARIA_TRIAL_TIME_LIMIT_S) and holds this worker until it ends; only the engine's "
            "own deadline, checked between folds and trees, applies. Use the default prefork "
            "pool (--pool=prefork) outside development and tests "
            "(docs/live-search.md, 'Trials over their time limit').")


def check_worker_startup(conf: Mapping[str, Any], pool_cls: object, concurrency: int | str,
                         autoscale: object, *, threads: int, allow_oversubscription: bool,
                         cores: int | None = None) -> None:
    """Everything a worker checks before it takes a task: refuse settings unfit for long tasks
    or more training threads than cores; warn about a pool without time limits."""
    assert_long_task_config(conf)
    cores = usable_cores() if cores is None else cores
    pool = pool_name(pool_cls)
    assert_cores_not_oversubscribed(training_slots(pool, concurrency, autoscale, cores),
                                    threads, cores, allowed=allow_oversubscription)
    warning = time_limit_warning(pool)
    if warning:
        logger.warning(warning)
