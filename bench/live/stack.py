"""The processes of a live-search benchmark: a throwaway database, uvicorn and Celery workers.

Every process gets the same environment: the bench database, the bench Redis db, a data
directory of its own (so one generated SECRET_KEY signs the sessions and tokens of them all) and
a Celery queue no one else consumes.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from bench.served import REPO, stop, wait_until_up

BIN = REPO / ".venv" / "bin"


def bench_env(database: str, redis_url: str) -> dict[str, str]:
    """The environment shared by the bench process and everything it starts."""
    env = {**os.environ, "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{database}",
           "REDIS_URL": redis_url, "DJANGO_SETTINGS_MODULE": "daria.settings",
           "DARIA_DATA_DIR": tempfile.mkdtemp(prefix="daria-bench-live-"),
           "DARIA_CELERY_QUEUE": f"bench-live-{uuid.uuid4().hex[:8]}",
           "DARIA_WORKER_THREADS": "1", "OMP_NUM_THREADS": "1"}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return env


@contextmanager
def throwaway_database(env: dict[str, str], database: str, keep: bool) -> Iterator[None]:
    """Create ``database`` and migrate it; drop it afterwards unless ``keep``."""
    subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", database],
                   check=True)
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", database], check=True)
    try:
        subprocess.run([BIN / "python", "manage.py", "migrate", "-v", "0"], cwd=REPO, env=env,
                       check=True)
        yield
    finally:
        if not keep:
            from django.db import connections

            connections.close_all()
            subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--force",
                            database], check=False)


@contextmanager
def web_server(env: dict[str, str], port: int) -> Iterator[subprocess.Popen[bytes]]:
    """One uvicorn process (no ``--workers``: the server runs in the process itself, so its
    memory is this process's) serving Daria on ``port`` until the block ends."""
    server = subprocess.Popen([BIN / "uvicorn", "daria.asgi:application", "--host",
                               "127.0.0.1", "--port", str(port), "--log-level", "warning"],
                              cwd=REPO, env=env)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/api/v1/setup/", server)
        yield server
    finally:
        stop(server)


@contextmanager
def celery_workers(env: dict[str, str], count: int, log_dir: Path
                   ) -> Iterator[list[subprocess.Popen[bytes]]]:
    """``count`` Celery workers as ``make run`` starts one (prefork, concurrency 1), on the
    bench queue, each answering a control ping before the block starts."""
    with ExitStack() as stack:
        workers = [stack.enter_context(_worker(env, log_dir / f"worker-{i}.log"))
                   for i in range(count)]
        yield workers


@contextmanager
def _worker(env: dict[str, str], log_path: Path) -> Iterator[subprocess.Popen[bytes]]:
    hostname = f"bench-{uuid.uuid4().hex[:8]}@localhost"
    with log_path.open("ab") as log:
        worker = subprocess.Popen(
            [BIN / "celery", "-A", "daria", "worker", "--loglevel", "info", "--concurrency",
             "1", "--queues", env["DARIA_CELERY_QUEUE"], "--hostname", hostname,
             "--without-gossip", "--without-mingle", "--without-heartbeat"],
            cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_for_ping(hostname, worker, log_path)
        yield worker
    finally:
        stop(worker)


def _wait_for_ping(hostname: str, worker: subprocess.Popen[bytes], log_path: Path,
                   timeout_s: float = 90) -> None:
    from daria.celery import app

    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if worker.poll() is not None:
            raise RuntimeError(f"worker exited:\n{log_path.read_text()[-2000:]}")
        if app.control.ping(destination=[hostname], timeout=1):
            return
    raise TimeoutError(f"worker {hostname} did not answer within {timeout_s} s")


def rss_kib(pid: int) -> dict[str, int]:
    """The resident memory of process ``pid`` now (VmRSS) and at its peak (VmHWM), in KiB."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            fields[name] = int(value.split()[0])
    return fields
