"""Manual search on its own: the experiment runs only the configurations its user wrote.

An experiment whose searcher is :data:`MANUAL` asks no search method. Its starting
configurations (``initial_configurations``, checked against the space when it was created) are
queued in order, as many at a time as its parallelism allows; configurations queued by hand while
it runs (:func:`daria.experiments.control.add_trial`) run too. The search is over once every
starting configuration has been queued, or when the budget runs out first; the finished trials
then become the model as in any other search. With another searcher, the same starting
configurations are only its first trials (see :func:`automl_core.distributed.rebuild_searcher`).
"""

from __future__ import annotations

from collections.abc import Sequence

from automl_core.search.manual import MANUAL_SEARCH
from automl_core.search.space import Configuration
from daria.experiments.adapters import trial_config
from daria.experiments.models import Experiment, Trial

MANUAL = MANUAL_SEARCH  # the searcher name of a search that runs only hand-written configurations


def is_manual(experiment: Experiment) -> bool:
    """Whether the experiment runs only its hand-written configurations."""
    return experiment.searcher == MANUAL


def next_configurations(experiment: Experiment, trials: Sequence[Trial],
                        free: int) -> list[Configuration]:
    """The next ``free`` starting configurations, in order, that no trial has run or queued."""
    tried = {trial_config(trial) for trial in trials}
    planned = [Configuration.from_dict(c) for c in experiment.initial_configurations]
    return [config for config in planned if config not in tried][:max(free, 0)]


def plan_done(experiment: Experiment, trials: Sequence[Trial]) -> bool:
    """Whether every starting configuration has been queued (nothing is left to propose)."""
    return not next_configurations(experiment, trials, 1)
