"""The state of an asynchronous Hyperband search, derived from the trials alone.

Every configuration climbs the rungs of its bracket. The :class:`Ladder` is rebuilt from the
finished trials and the pending configurations each time a searcher proposes, so any worker
continues any search: it holds, for each configuration (its hyperparameters without the
fidelity), the loss reached on each rung it was evaluated on, or ``None`` while that trial runs.

Promotion follows ASHA (Li et al., 2020): on a rung where ``m`` configurations of a bracket have
finished, the best ``floor(m / eta)`` of them go up one rung, as soon as they qualify, without
waiting for the rung to fill up. Parallel workers therefore never wait for a straggler, and the
decision depends only on the results in hand.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from automl_core.search.multifidelity.schedule import Schedule
from automl_core.search.space import Configuration
from automl_core.search.trial import TrialRecord

# (loss, trial number) of a finished evaluation on a rung; None while it is pending.
Result = tuple[float, int] | None


@dataclass(frozen=True)
class Promotion:
    """Evaluate ``config`` (hyperparameters only) on ``rung``."""

    config: Configuration
    rung: int


class Ladder:
    """Each configuration's result on each rung, and the ASHA decisions they imply."""

    def __init__(self, schedule: Schedule) -> None:
        self.schedule = schedule
        self._results: dict[Configuration, dict[int, Result]] = {}

    @classmethod
    def build(cls, schedule: Schedule, history: Iterable[TrialRecord],
              pending: Iterable[Configuration],
              loss_of: Callable[[TrialRecord], float]) -> Ladder:
        """The ladder of ``history`` (any order) and the still ``pending`` configurations.

        Trials at a fidelity that is not a rung of ``schedule`` are left out.
        """
        ladder = cls(schedule)
        for record in sorted(history, key=lambda r: r.number):
            ladder._add(record.config, (loss_of(record), record.number))
        for config in pending:
            ladder._add(config, None)
        return ladder

    def _add(self, config: Configuration, result: Result) -> None:
        rung = self.schedule.rung_of(config.fidelity)
        if rung is None:
            return
        # A configuration is evaluated once per rung (ask skips what was tried); keep the first.
        self._results.setdefault(config.at_fidelity(1.0), {}).setdefault(rung, result)

    @property
    def configs(self) -> list[Configuration]:
        """Every configuration on the ladder (hyperparameters only), in order of arrival."""
        return list(self._results)

    def bracket_of(self, config: Configuration) -> int:
        """The bracket of ``config``: the lowest rung it was evaluated on."""
        return min(self._results[config])

    def started(self, bracket: int) -> int:
        """How many configurations started in ``bracket``."""
        return sum(1 for config in self._results if self.bracket_of(config) == bracket)

    def next_bracket(self) -> int:
        """The bracket furthest behind its share of an iteration (ties: the cheaper one)."""
        return min(self.schedule.rungs,
                   key=lambda b: (self.started(b) / self.schedule.bracket_size(b), b))

    def finished(self, rung: int, bracket: int | None = None) -> list[tuple[float, int,
                                                                             Configuration]]:
        """(loss, trial number, configuration) of the evaluations finished on ``rung``, best
        first; only the configurations of ``bracket`` when it is given."""
        done = [(*result, config) for config, rungs in self._results.items()
                if (result := rungs.get(rung)) is not None
                and (bracket is None or self.bracket_of(config) == bracket)]
        return sorted(done, key=lambda entry: entry[:2])

    def pending(self) -> list[Configuration]:
        """Configurations with an evaluation still running, in order of arrival."""
        return [c for c, rungs in self._results.items() if None in rungs.values()]

    def promotion(self, quota: bool = True) -> Promotion | None:
        """The next promotion: the highest rung first, then the lowest loss, then the earliest.

        With ``quota`` only the best ``floor(m / eta)`` of a bracket's ``m`` finished
        evaluations on a rung qualify (ASHA); without it any finite result does (used once the
        space has no new configuration left).
        """
        candidates: list[tuple[int, float, int, Promotion]] = []
        for bracket in self.schedule.rungs:
            for rung in range(bracket, self.schedule.top):
                done = self.finished(rung, bracket)
                allowed = len(done) // self.schedule.eta if quota else len(done)
                for loss, number, config in done[:allowed]:
                    if math.isfinite(loss) and rung + 1 not in self._results[config]:
                        candidates.append((-rung, loss, number, Promotion(config, rung + 1)))
        if not candidates:
            return None
        return min(candidates, key=lambda c: c[:3])[3]

    def observations(self, rung: int) -> tuple[Sequence[Configuration], list[float]]:
        """Configurations and finite losses finished on ``rung``, by trial number."""
        done = sorted((number, loss, config) for loss, number, config in self.finished(rung)
                      if math.isfinite(loss))
        return [config for _, _, config in done], [loss for _, loss, _ in done]
