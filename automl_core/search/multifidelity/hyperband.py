"""Asynchronous Hyperband: random configurations, started cheaply, the best promoted (ASHA).

Each proposal is either a promotion (a configuration that earned the next rung of its bracket)
or a new configuration started on the bottom rung of the bracket furthest behind its share of a
Hyperband iteration. Both are decided from the :class:`Ladder` rebuilt from the history and the
pending configurations, so a searcher rebuilt with :meth:`Searcher.from_history` proposes what
the original would have.

A proposal's fidelity is the share of training rows its trial uses (see
``automl_core.evaluation.fidelity``); full-fidelity proposals carry none, like every other
searcher's. Only full-fidelity trials are candidates for the final model.
"""

from __future__ import annotations

import numpy as np

from automl_core.search.base import Searcher
from automl_core.search.multifidelity.ladder import Ladder
from automl_core.search.multifidelity.schedule import Schedule
from automl_core.search.space import CashSpace, Configuration
from automl_core.search.trial import TrialRecord, TrialState

MAX_REDRAWS = 100


class HyperbandSearcher(Searcher):
    """Hyperband with ASHA promotion (``hyperband``); ``eta`` and ``min_fidelity`` set the rungs.

    New configurations are drawn uniformly; :class:`BOHBSearcher` replaces that draw with a
    model. The defaults give three rungs: 1/9, 1/3 and all of the training rows.
    """

    def __init__(self, space: CashSpace, seed: int, minimize: bool = True, eta: int = 3,
                 min_fidelity: float = 1 / 9) -> None:
        super().__init__(space, seed, minimize)
        self.schedule = Schedule(eta, min_fidelity)

    def ladder(self) -> Ladder:
        """The search's state on the rungs, from the history and the pending configurations."""
        return Ladder.build(self.schedule, self._history, self._pending, self.loss_of)

    def best(self) -> TrialRecord | None:
        """The best completed trial at the highest fidelity reached (full, once there is one)."""
        complete = sorted((r for r in self._history if r.state is TrialState.COMPLETE),
                          key=lambda r: r.number)
        if not complete:
            return None
        top = max(r.config.fidelity for r in complete)
        return min((r for r in complete if r.config.fidelity == top), key=self.loss_of)

    def _propose(self, rng: np.random.Generator) -> Configuration:
        ladder = self.ladder()
        promotion = ladder.promotion()
        if promotion is not None:
            return promotion.config.at_fidelity(self.schedule.fidelity(promotion.rung))
        bracket = ladder.next_bracket()
        config = self._new_configuration(ladder, rng)
        if config is not None:
            return config.at_fidelity(self.schedule.fidelity(bracket))
        # No configuration left to start (a small discrete space): climb without the quota.
        promotion = ladder.promotion(quota=False)
        if promotion is not None:
            return promotion.config.at_fidelity(self.schedule.fidelity(promotion.rung))
        return self.space.sample(rng)  # everything was tried on every rung

    def _new_configuration(self, ladder: Ladder,
                           rng: np.random.Generator) -> Configuration | None:
        """A configuration not yet on the ladder (hyperparameters only), or ``None``."""
        return random_unseen(self.space, set(ladder.configs), rng)


def random_unseen(space: CashSpace, seen: set[Configuration],
                  rng: np.random.Generator) -> Configuration | None:
    """A uniform draw from ``space`` that is not in ``seen``, or ``None`` after many tries."""
    for _ in range(MAX_REDRAWS):
        config = space.sample(rng)
        if config not in seen:
            return config
    return None
