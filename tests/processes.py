"""Start Daria's real processes (a Celery worker, uvicorn) for integration and browser tests.

Every process gets the environment of the test run pointed at the database pytest-django created,
at this test's own data directory and at a queue of this test alone, so that it sees exactly the
rows the test committed and parallel runs on the same Redis never take each other's tasks.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SUBPROCESS_APPLICATION_NAME = "daria-test-subprocess"
T = TypeVar("T")


@dataclass(frozen=True)
class ServerProcess:
    """A running web server, the URL it answers on and the data directory it stores files in."""

    url: str
    process: subprocess.Popen[bytes]
    data_dir: Path | None = None


def private_queue_name() -> str:
    """A Celery queue name used by one test only."""
    return f"daria-test-{uuid.uuid4().hex[:12]}"


def test_database_url() -> str:
    """The DATABASE_URL of the database this test run uses (the one pytest-django created)."""
    from django.db import connection

    db = connection.settings_dict
    user = db["USER"] or "postgres"
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    return f"postgres://{user}{password}@{host}/{db['NAME']}"


def daria_env(data_dir: Path, queue: str) -> dict[str, str]:
    """The environment of a Daria subprocess: this run's, on the test database and data dir.

    It shares this process's SECRET_KEY (which also signs model files), as every process of one
    installation does.
    """
    from django.conf import settings

    env = {**os.environ, "DATABASE_URL": test_database_url(), "DARIA_DATA_DIR": str(data_dir),
           "SECRET_KEY": settings.SECRET_KEY,
           "DARIA_CELERY_QUEUE": queue, "DARIA_WORKER_THREADS": "1", "OMP_NUM_THREADS": "1",
           # libpq tags the subprocess's connections, so that only they are ended afterwards.
           "PGAPPNAME": SUBPROCESS_APPLICATION_NAME}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return env


def free_port() -> int:
    """A TCP port on the loopback interface that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def stop_process(process: subprocess.Popen[bytes]) -> None:
    """Terminate a subprocess, killing it if it does not stop within twenty seconds."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def worker_hostname() -> str:
    """A Celery worker name no other test uses."""
    return f"test-{uuid.uuid4().hex[:8]}@localhost"


def start_celery_worker(env: dict[str, str], log_path: Path,
                        hostname: str) -> subprocess.Popen[bytes]:
    """Start one real Celery worker on the queue named in ``env``, appending its log to
    ``log_path``, and return once it answers a control ping."""
    with log_path.open("ab") as log:
        process = subprocess.Popen(
            [str(BIN / "celery"), "-A", "daria", "worker", "--pool=solo",
             "--queues", env["DARIA_CELERY_QUEUE"], "--hostname", hostname,
             "--loglevel=INFO", "--without-gossip", "--without-mingle", "--without-heartbeat"],
            cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT,
        )
    try:
        wait_for_worker(hostname, process, log_path)
    except BaseException:
        stop_process(process)
        raise
    return process


@contextmanager
def run_celery_worker(env: dict[str, str], log_path: Path) -> Iterator[subprocess.Popen[bytes]]:
    """Run one real Celery worker on the queue named in ``env`` until the block ends.

    Its log goes to ``log_path`` and its tail is printed at the end, so that a failing test
    shows what the worker did.
    """
    process = start_celery_worker(env, log_path, worker_hostname())
    try:
        yield process
    finally:
        stop_process(process)
        print(log_path.read_text(encoding="utf-8", errors="replace")[-4000:])


def wait_for_worker(
    hostname: str, process: subprocess.Popen[bytes], log_path: Path, timeout_s: float = 60
) -> None:
    """Wait until the worker answers a control ping, or fail with its log."""
    from daria.celery import app

    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"worker exited early:\n{log_path.read_text()}")
        if app.control.ping(destination=[hostname], timeout=1):
            return
    raise TimeoutError(f"worker did not start within {timeout_s} s:\n{log_path.read_text()}")


@contextmanager
def prefork_worker(env: dict[str, str], log_path: Path) -> Iterator[subprocess.Popen[bytes]]:
    """A real Celery worker with one prefork child (the test fixtures' solo pool has no time
    limits), until the block ends; its log's tail is printed at the end."""
    hostname = worker_hostname()
    with log_path.open("ab") as log:
        process = subprocess.Popen(
            [str(BIN / "celery"), "-A", "daria", "worker", "--pool=prefork", "--concurrency=1",
             "--queues", env["DARIA_CELERY_QUEUE"], "--hostname", hostname, "--loglevel=INFO",
             "--without-gossip", "--without-mingle", "--without-heartbeat"],
            cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT,
        )
    try:
        wait_for_worker(hostname, process, log_path)
        yield process
    finally:
        stop_process(process)
        print(log_path.read_text(encoding="utf-8", errors="replace")[-4000:])


def pool_children(parent_pid: int) -> list[int]:
    """The processes whose parent is ``parent_pid`` (the pool's children)."""
    children = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue  # it ended meanwhile
            if int(stat.rsplit(")", 1)[1].split()[1]) == parent_pid:
                children.append(int(entry.name))
    return children


@contextmanager
def run_uvicorn(env: dict[str, str]) -> Iterator[ServerProcess]:
    """Serve daria.asgi under uvicorn on a free port until the block ends."""
    port = free_port()
    process = subprocess.Popen(
        [str(BIN / "uvicorn"), "daria.asgi:application", "--host", "127.0.0.1",
         "--port", str(port), "--log-level", "warning"],
        cwd=REPO, env=env,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(url + "/api/v1/setup/", process)
        yield ServerProcess(url=url, process=process, data_dir=Path(env["DARIA_DATA_DIR"]))
    finally:
        stop_process(process)


@dataclass
class SharedWebStack:
    """uvicorn and one Celery worker that serve many tests in turn.

    Starting both costs several seconds of CPU, which a suite of browser tests paid once per
    test. Between two tests, :meth:`settle` drops the tasks the first one left queued and waits
    until the worker is idle (restarting it if its task does not end in time), so every test
    starts with an idle worker; the test database itself is emptied between tests as usual.
    """

    env: dict[str, str]
    server: ServerProcess
    worker_log: Path
    worker: subprocess.Popen[bytes] | None = None
    hostname: str = ""

    def start_worker(self) -> None:
        """Start a new worker on the stack's queue."""
        self.hostname = worker_hostname()
        self.worker = start_celery_worker(self.env, self.worker_log, self.hostname)

    def stop_worker(self) -> None:
        """Stop the worker, if one runs."""
        if self.worker is not None:
            stop_process(self.worker)
            self.worker = None

    def settle(self, timeout_s: float = 60) -> None:
        """Purge the stack's queue and wait until the worker has no task (a busy solo worker
        answers no control message); restart it if it is still busy after ``timeout_s``."""
        from daria.celery import app

        with app.connection_for_write() as connection:
            connection.default_channel.queue_purge(self.env["DARIA_CELERY_QUEUE"])
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline and self.worker and self.worker.poll() is None:
            replies = app.control.inspect(destination=[self.hostname], timeout=1).active()
            if replies is not None and not replies.get(self.hostname):
                return
        self.stop_worker()
        self.start_worker()


@contextmanager
def run_shared_web_stack(env: dict[str, str], log_dir: Path) -> Iterator[SharedWebStack]:
    """uvicorn and a Celery worker on ``env``'s data directory and queue, for many tests."""
    with run_uvicorn(env) as server:
        stack = SharedWebStack(env=env, server=server, worker_log=log_dir / "worker.log")
        try:
            stack.start_worker()
            yield stack
        finally:
            stack.stop_worker()


@contextmanager
def one_test_on(stack: SharedWebStack) -> Iterator[ServerProcess]:
    """Serve one test from ``stack``: afterwards settle the worker and print what it logged
    during the test (pytest shows it with a failing test)."""
    logged_before = stack.worker_log.stat().st_size
    try:
        yield stack.server
    finally:
        stack.settle()
        with stack.worker_log.open("rb") as log:
            log.seek(logged_before)
            print(log.read().decode("utf-8", errors="replace")[-4000:])


def wait_for_http(url: str, process: subprocess.Popen[bytes], timeout_s: float = 30) -> None:
    """Wait until ``url`` answers with any HTTP status, or fail if the process dies."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with code {process.returncode}")
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer within {timeout_s} s")


def end_subprocess_database_sessions() -> None:
    """End the test database's sessions that stopped subprocesses may have left behind.

    A server killed while its thread pool still held connections leaves them open until
    PostgreSQL notices, which would keep pytest-django from dropping the test database.
    """
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND application_name = %s",
            [SUBPROCESS_APPLICATION_NAME],
        )


def wait_for(condition: Callable[[], T], what: str, timeout_s: float = 120) -> T:
    """Poll ``condition`` until it returns something truthy, and return that; fail the test
    naming ``what`` when it does not happen within ``timeout_s``."""
    import pytest

    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.2)
    pytest.fail(f"{what} did not happen within {timeout_s} s")
