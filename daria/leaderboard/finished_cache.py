"""Per-process memory of what a finished experiment's leaderboard computes on every page.

A finished experiment's trials no longer change, yet every page needs the same row count, the
best trial and the list of algorithms, each a scan of all its trials (10,000 in the load
benchmark). They are kept here, keyed by the experiment's identity *and* its event sequence
number and status: every later trial change goes through ``record_trial`` or
``fail_lost_trial``, which take a new event sequence number, so a changed experiment gets a new
key and the stale entry is never read again (it ages out of the bounded memory). Running
experiments are never cached.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

from daria.experiments.models import Experiment

T = TypeVar("T")

MAX_ENTRIES = 2048

_entries: OrderedDict[tuple[Hashable, ...], object] = OrderedDict()
_lock = threading.Lock()


def remembered(experiment: Experiment, key: tuple[Hashable, ...], compute: Callable[[], T]) -> T:
    """``compute()``, computed once per process while ``experiment`` stays finished and
    unchanged; computed afresh on every call for a running experiment.

    The value is shared between callers: it must be immutable (a number, a tuple, a frozen
    record).
    """
    if not experiment.is_finished:
        return compute()
    # created_at tells apart two experiments given the same id (a test database recreated).
    full_key = (experiment.pk, experiment.created_at, experiment.status, experiment.event_seq,
                *key)
    with _lock:
        if full_key in _entries:
            _entries.move_to_end(full_key)
            return _entries[full_key]  # type: ignore[return-value]
    value = compute()
    with _lock:
        _entries[full_key] = value
        while len(_entries) > MAX_ENTRIES:
            _entries.popitem(last=False)
    return value
