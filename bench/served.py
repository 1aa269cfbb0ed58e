"""Serve Daria for a load benchmark: uvicorn as ``make run`` starts it, one process, loopback."""

from __future__ import annotations

import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
APP_PYTHON = REPO / ".venv" / "bin" / "python"


@contextmanager
def serve_daria(env: dict[str, str], port: int, timeout_s: float = 60,
                workers: int = 1) -> Iterator[str]:
    """Run ``daria.asgi`` under uvicorn (``workers`` processes) on ``port`` until the block
    ends; yield its base URL once it answers (any HTTP status counts)."""
    with serve_asgi("daria.asgi:application", "/api/v1/setup/", env, port, timeout_s,
                    workers) as url:
        yield url


@contextmanager
def serve_asgi(app: str, probe_path: str, env: dict[str, str], port: int,
               timeout_s: float = 60, workers: int = 1) -> Iterator[str]:
    """Run the ASGI ``app`` (``module:attribute``) under uvicorn on ``port`` until the block
    ends; yield its base URL once ``probe_path`` answers."""
    server = subprocess.Popen([REPO / ".venv" / "bin" / "uvicorn", app,
                               "--host", "127.0.0.1", "--port", str(port), "--workers",
                               str(workers), "--log-level", "warning"], cwd=REPO, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{url}{probe_path}", server, timeout_s)
        yield url
    finally:
        stop(server)


def stop(process: subprocess.Popen[bytes]) -> None:
    """Terminate a process the bench started, killing it if it has not stopped in 30 s."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_until_up(url: str, process: subprocess.Popen[bytes], timeout_s: float = 60) -> None:
    """Return once ``url`` answers with any HTTP status; fail if ``process`` exits first."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("uvicorn exited")
        try:
            urllib.request.urlopen(url, timeout=1)  # noqa: S310 - loopback
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("uvicorn did not answer")
