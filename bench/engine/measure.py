"""Run one command in its own process group, measuring wall time and peak memory from outside.

Peak RSS is the largest sum of RSS over the process tree, sampled by psutil every ``POLL_S``, so
frameworks that fork workers are not under-counted. (``wait4``'s ``ru_maxrss`` is not used: it
counts the driver's own memory, copied into the child by ``fork`` before ``exec``.)
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

POLL_S = 0.1
STDERR_TAIL = 2000


@dataclass(frozen=True)
class Measured:
    """How a run ended: exit code, wall seconds, peak RSS in MiB, and the end of stderr."""

    returncode: int
    wall_s: float
    peak_rss_mb: float
    timed_out: bool
    stderr_tail: str


def run_measured(command: list[str], timeout_s: float, log_path: Path,
                 cwd: Path | None = None, env: dict[str, str] | None = None) -> Measured:
    """Run ``command``; kill its whole process group if it outlives ``timeout_s``."""
    with open(log_path, "wb") as log:
        started = time.monotonic()
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=cwd,
                                   env=env, start_new_session=True)
        tree_peak, timed_out, status = 0, False, None
        root = psutil.Process(process.pid)
        while status is None:
            tree_peak = max(tree_peak, _tree_rss(root))
            pid, raw_status = os.waitpid(process.pid, os.WNOHANG)
            if pid:
                status = raw_status
                break
            if time.monotonic() - started > timeout_s and not timed_out:
                timed_out = True
                os.killpg(process.pid, signal.SIGKILL)
            time.sleep(POLL_S)
        wall = time.monotonic() - started
        process.returncode = os.waitstatus_to_exitcode(status)
    tail = log_path.read_bytes()[-STDERR_TAIL:].decode("utf-8", errors="replace")
    return Measured(process.returncode, wall, tree_peak / 2**20, timed_out,
                    tail)


def _tree_rss(root: psutil.Process) -> int:
    """The summed RSS of ``root`` and its descendants (0 once they are gone)."""
    total = 0
    try:
        processes = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    for process in processes:
        try:
            total += process.memory_info().rss
        except psutil.NoSuchProcess:
            continue
    return total
