"""A worker refuses to train more threads than the machine has cores, warns when its pool cannot
stop a trial at its hard time limit, and caps the native thread pools before numpy loads."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from celery.concurrency.prefork import TaskPool as PreforkPool
from celery.concurrency.solo import TaskPool as SoloPool
from django.core.exceptions import ImproperlyConfigured

from daria.celery import NATIVE_THREAD_VARIABLES, app, cap_native_threads
from daria.lib.celery_checks import (
    assert_cores_not_oversubscribed,
    check_worker_startup,
    pool_name,
    time_limit_warning,
    training_slots,
    usable_cores,
)
from tests.processes import BIN, REPO


def test_more_threads_than_cores_are_refused_naming_the_numbers_and_settings() -> None:
    with pytest.raises(ImproperlyConfigured) as refusal:
        assert_cores_not_oversubscribed(8, 2, 2, allowed=False)
    message = str(refusal.value)
    assert "8 trials at once" in message and "2 threads each" in message
    assert "= 16 threads" in message and "2 usable cores" in message
    for setting in ("--concurrency", "DARIA_WORKER_CONCURRENCY", "DARIA_WORKER_THREADS",
                    "DARIA_ALLOW_OVERSUBSCRIPTION"):
        assert setting in message


@pytest.mark.parametrize(("slots", "threads", "cores"), [(2, 1, 2), (1, 2, 2), (4, 4, 16)])
def test_processes_times_threads_within_the_cores_are_accepted(
        slots: int, threads: int, cores: int, caplog: pytest.LogCaptureFixture) -> None:
    assert_cores_not_oversubscribed(slots, threads, cores, allowed=False)
    assert not caplog.records


def test_the_override_starts_an_oversubscribed_worker_with_a_warning(
        caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="daria.lib.celery_checks"):
        assert_cores_not_oversubscribed(3, 1, 2, allowed=True)
    assert [r.levelno for r in caplog.records] == [logging.WARNING]
    assert "DARIA_ALLOW_OVERSUBSCRIPTION" in caplog.text and "3 threads" in caplog.text


@pytest.mark.parametrize(("pool", "concurrency", "autoscale", "slots"), [
    ("solo", 8, None, 1),          # solo runs one task whatever --concurrency says
    ("prefork", 3, None, 3),
    ("threads", 3, None, 3),       # each thread trains with DARIA_WORKER_THREADS threads
    ("prefork", "auto", None, 6),  # Celery sizes "auto" by the cores
    ("prefork", 2, "10,3", 10),    # the autoscaler may grow to its maximum
    ("prefork", 2, [5, 1], 5),
])
def test_training_slots_count_what_the_pool_may_run_at_once(
        pool: str, concurrency: int | str, autoscale: object, slots: int) -> None:
    assert training_slots(pool, concurrency, autoscale, cores=6) == slots


@pytest.mark.parametrize(("pool_cls", "name"), [
    (PreforkPool, "prefork"), (SoloPool, "solo"), ("solo", "solo"), ("processes", "prefork"),
    ("celery.concurrency.thread:TaskPool", "threads"), ("my.pools:Custom", "my.pools:Custom"),
])
def test_the_pool_is_named_however_celery_holds_it(pool_cls: object, name: str) -> None:
    assert pool_name(pool_cls) == name


def test_only_pools_without_time_limits_are_warned_about() -> None:
    assert time_limit_warning("prefork") is None
    for pool in ("solo", "threads"):
        warning = time_limit_warning(pool)
        assert warning is not None
        assert f"'{pool}' pool does not enforce" in warning and "not stopped" in warning


def test_a_solo_worker_starts_with_a_warning_whatever_its_concurrency(
        caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="daria.lib.celery_checks"):
        check_worker_startup(app.conf, "solo", 8, None, threads=2,
                             allow_oversubscription=False, cores=2)
    assert [r.levelno for r in caplog.records] == [logging.WARNING]
    assert "'solo' pool does not enforce Celery's time limits" in caplog.text


def test_a_prefork_worker_beyond_the_cores_is_refused(caplog: pytest.LogCaptureFixture) -> None:
    with pytest.raises(ImproperlyConfigured, match="3 trials at once"):
        check_worker_startup(app.conf, PreforkPool, 3, None, threads=1,
                             allow_oversubscription=False, cores=2)


def test_the_long_task_settings_are_still_checked_first() -> None:
    conf = {key: app.conf.get(key) for key in (
        "task_acks_late", "task_reject_on_worker_lost", "task_serializer", "accept_content",
        "task_time_limit", "task_soft_time_limit", "broker_transport_options")}
    conf["worker_prefetch_multiplier"] = 4
    with pytest.raises(ImproperlyConfigured, match="worker_prefetch_multiplier"):
        check_worker_startup(conf, PreforkPool, 1, None, threads=1,
                             allow_oversubscription=False, cores=2)


def test_native_thread_variables_default_to_the_worker_threads() -> None:
    environ = {"DARIA_WORKER_THREADS": "3", "OMP_NUM_THREADS": "2"}
    cap_native_threads(environ)
    assert environ == {"DARIA_WORKER_THREADS": "3", "OMP_NUM_THREADS": "2",  # explicit kept
                       "OPENBLAS_NUM_THREADS": "3", "MKL_NUM_THREADS": "3"}
    unusable = {"DARIA_WORKER_THREADS": "many"}
    cap_native_threads(unusable)
    assert unusable == {"DARIA_WORKER_THREADS": "many"}  # left for the settings to refuse


def _environment_without_native_thread_variables(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in NATIVE_THREAD_VARIABLES}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return {**env, **extra}


def test_importing_daria_caps_openmp_and_blas_before_numpy_loads() -> None:
    probe = ("import daria, numpy, lightgbm, sklearn.ensemble, threadpoolctl\n"
             "print(sorted({p['num_threads'] for p in threadpoolctl.threadpool_info()}))")
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, timeout=60,
        env=_environment_without_native_thread_variables(DARIA_WORKER_THREADS="1"),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[1]"


def test_a_real_worker_with_more_threads_than_cores_exits_with_the_reason(
        tmp_path: Path) -> None:
    processes = usable_cores() + 1
    env = _environment_without_native_thread_variables(
        DARIA_WORKER_THREADS="2", DARIA_DATA_DIR=str(tmp_path),
        DARIA_CELERY_QUEUE=f"daria-test-{uuid.uuid4().hex[:12]}")
    env.pop("DARIA_ALLOW_OVERSUBSCRIPTION", None)
    result = subprocess.run(
        [str(BIN / "celery"), "-A", "daria", "worker", "--concurrency", str(processes),
         "--queues", env["DARIA_CELERY_QUEUE"], "--without-gossip", "--without-mingle",
         "--without-heartbeat"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=60,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1, output[-4000:]
    assert "Worker refused to start" in output
    assert f"{processes} trials at once" in output and f"{usable_cores()} usable cores" in output
