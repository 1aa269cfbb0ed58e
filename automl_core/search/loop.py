"""The ask/tell search loop: ask a configuration, evaluate it, store and tell the record.

The loop knows nothing of machine learning; the objective turns a configuration into a
:class:`TrialRecord`. Callbacks observe every trial and may stop the loop by raising
:class:`SearchCancelled`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from automl_core.callbacks import TrialCallback
from automl_core.exceptions import SearchCancelled
from automl_core.search.base import Searcher
from automl_core.search.space import Configuration
from automl_core.search.trial import TrialRecord, TrialState
from automl_core.storage import TrialStore

Objective = Callable[[int, Configuration], TrialRecord]


def run_search(
    searcher: Searcher,
    objective: Objective,
    store: TrialStore,
    deadline: Callable[[], float],
    callbacks: Sequence[TrialCallback] = (),
    max_trials: int | None = None,
) -> bool:
    """Run trials until ``deadline()`` (a monotonic time, re-read each round) or ``max_trials``.

    Returns ``True`` when a callback cancelled the search.
    """
    trials = 0
    while time.monotonic() < deadline() and (max_trials is None or trials < max_trials):
        (config,) = searcher.ask()
        number = store.next_number()
        try:
            for callback in callbacks:
                callback.on_trial_start(number, config.algorithm, dict(config.params))
        except SearchCancelled:
            _record(searcher, store, TrialRecord(number, TrialState.CANCELLED, config.algorithm,
                                                 config.params))
            return True
        record = objective(number, config)
        trials += 1
        _record(searcher, store, record)
        try:
            for callback in callbacks:
                callback.on_trial_end(record)
        except SearchCancelled:
            return True
    return False


def _record(searcher: Searcher, store: TrialStore, record: TrialRecord) -> None:
    store.add(record)
    searcher.tell(record)
