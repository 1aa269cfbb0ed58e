"""The ask/tell loop searcher tests drive a searcher with: ask one, evaluate it, tell the result."""

from collections.abc import Callable

from automl_core.search.base import Searcher
from automl_core.search.space import Configuration
from automl_core.search.trial import TrialRecord, TrialState


def run(searcher: Searcher, objective: Callable[[Configuration], float], n_trials: int,
        start: int = 0) -> list[TrialRecord]:
    """Ask, evaluate with ``objective`` and tell ``n_trials`` times; the records, in order."""
    records = []
    for number in range(start, start + n_trials):
        (config,) = searcher.ask()
        record = TrialRecord(number, TrialState.COMPLETE, config.algorithm, config.params,
                             objective(config))
        searcher.tell(record)
        records.append(record)
    return records
