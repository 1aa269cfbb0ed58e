"""A loop run in a daemon thread beside a block of work (heartbeats of long worker tasks)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.db import connection


@contextmanager
def side_thread(loop: Callable[[threading.Event], None], name: str) -> Iterator[None]:
    """Run ``loop(stop)`` in a daemon thread named ``name`` while the block runs; at the end set
    ``stop`` and wait for the loop to return. The thread's own database connection is closed
    when the loop ends."""
    stop = threading.Event()

    def run() -> None:
        try:
            loop(stop)
        finally:
            connection.close()  # the connection Django opened for this thread

    thread = threading.Thread(target=run, daemon=True, name=name)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()
