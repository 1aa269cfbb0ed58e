"""How big a fitted pipeline is and how fast it predicts, for the leaderboard.

The size is the length of the pipeline (fitted preprocessor and estimator) pickled with the
highest protocol: close to what saving it costs on disk, without writing it anywhere. The bytes
are counted as they are written, so a large forest is never held twice in memory.
"""

from __future__ import annotations

import pickle
from typing import Any


class _ByteCounter:
    """A write-only file that only counts what it is given."""

    def __init__(self) -> None:
        self.size = 0

    def write(self, data: bytes | pickle.PickleBuffer) -> int:
        """Count ``data``: bytes, or a buffer the pickler hands over without copying (large
        arrays under protocol 5)."""
        size = memoryview(data).nbytes
        self.size += size
        return size


def pickled_size(obj: Any) -> int:
    """The length in bytes of ``obj`` pickled with the highest protocol."""
    counter = _ByteCounter()
    pickle.Pickler(counter, protocol=pickle.HIGHEST_PROTOCOL).dump(obj)
    return counter.size


def per_thousand_rows(seconds: float, n_rows: int) -> float | None:
    """``seconds`` spent on ``n_rows`` scaled to 1,000 rows (None when no row was predicted)."""
    if n_rows <= 0:
        return None
    return seconds / n_rows * 1000
