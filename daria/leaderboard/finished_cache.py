"""Per-process memory of what a finished experiment's leaderboard computes on every page.

A finished experiment's trials no longer change, yet every page needs the same row count, the
best trial and the list of algorithms, each a scan of all its trials (10,000 in the load
benchmark), each sort and filter reads the same order of trials (a deep page costs PostgreSQL a
sort of all of them), and the same query asks for the same rows again and again (the first page
sorted by score above all). They are kept here, keyed by the experiment's identity *and* its event
sequence number and status: every later trial change goes through ``record_trial`` or
``fail_lost_trial``, which take a new event sequence number, so a changed experiment gets a new
key and the stale entry is never read again (it ages out of the bounded memory). Running
experiments are never cached.

Nothing here checks who may read an experiment: callers look it up with the reader's membership
on every request first (``services.leaderboard_experiment``), and the experiment's id is part of
every key, so a value computed for one experiment is never served for another.
"""

from __future__ import annotations

import threading
from array import array
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

from daria.experiments.models import Experiment

T = TypeVar("T")
RowsT = TypeVar("RowsT", bound=Sequence[object])

MAX_ENTRIES = 2048
# Leaderboard rows kept per process, all pages together: a row takes 1-3 KB of memory (more
# with more hyperparameters and metrics), so at most some 30 MB.
MAX_ROWS = 10_000
# Trial ids kept per process, every sort and filter together (8 bytes each: 8 MB).
MAX_ORDERED_IDS = 1_000_000


class BoundedMemory:
    """Least recently used values, dropped oldest first once their total weight passes a limit."""

    def __init__(self, max_weight: int) -> None:
        self.max_weight = max_weight
        self._entries: OrderedDict[tuple[Hashable, ...], tuple[object, int]] = OrderedDict()
        self._weight = 0
        self._lock = threading.Lock()

    def get(self, key: tuple[Hashable, ...]) -> tuple[bool, object]:
        """``(True, value)`` when ``key`` is kept (it becomes the most recent), else
        ``(False, None)``."""
        with self._lock:
            if key not in self._entries:
                return False, None
            self._entries.move_to_end(key)
            return True, self._entries[key][0]

    def put(self, key: tuple[Hashable, ...], value: object, weight: int = 1) -> None:
        """Keep ``value`` under ``key`` unless it alone outweighs the limit."""
        if weight > self.max_weight:
            return
        with self._lock:
            if key in self._entries:
                self._weight -= self._entries.pop(key)[1]
            self._entries[key] = (value, weight)
            self._weight += weight
            while self._weight > self.max_weight:
                self._weight -= self._entries.popitem(last=False)[1][1]


_summaries = BoundedMemory(MAX_ENTRIES)
_rows = BoundedMemory(MAX_ROWS)
_orders = BoundedMemory(MAX_ORDERED_IDS)


def _full_key(experiment: Experiment, key: tuple[Hashable, ...]) -> tuple[Hashable, ...]:
    # created_at tells apart two experiments given the same id (a test database recreated);
    # the metric and its direction decide the best trial and the order of the rows.
    return (experiment.pk, experiment.created_at, experiment.status, experiment.event_seq,
            experiment.metric, experiment.greater_is_better, *key)


def remembered(experiment: Experiment, key: tuple[Hashable, ...], compute: Callable[[], T]) -> T:
    """``compute()``, computed once per process while ``experiment`` stays finished and
    unchanged; computed afresh on every call for a running experiment.

    The value is shared between callers: it must be immutable (a number, a tuple, a frozen
    record).
    """
    return _cached(_summaries, experiment, key, compute, lambda value: 1)


def remembered_rows(experiment: Experiment, key: tuple[Hashable, ...],
                    compute: Callable[[], RowsT]) -> RowsT:
    """Like ``remembered`` for a page of leaderboard rows, which weigh their number of rows
    (at most ``MAX_ROWS`` rows are kept per process).

    The rows are shared between callers, which must never change them.
    """
    return _cached(_rows, experiment, key, compute, len)


def remembered_order(experiment: Experiment, key: tuple[Hashable, ...],
                     compute: Callable[[], array[int]]) -> array[int]:
    """Like ``remembered`` for the ids of a sorted, filtered list of trials (at most
    ``MAX_ORDERED_IDS`` ids are kept per process). Callers must never change the array."""
    return _cached(_orders, experiment, key, compute, len)


def _cached(memory: BoundedMemory, experiment: Experiment, key: tuple[Hashable, ...],
            compute: Callable[[], T], weigh: Callable[[T], int]) -> T:
    if not experiment.is_finished:
        return compute()
    full_key = _full_key(experiment, key)
    found, value = memory.get(full_key)
    if found:
        return value  # type: ignore[return-value]
    computed = compute()
    memory.put(full_key, computed, weigh(computed))
    return computed
