"""The ask/tell searcher interface every search strategy implements.

A searcher proposes configurations (``ask``) and learns from finished trials (``tell``). It keeps no
state that cannot be recomputed from the trial history, so :meth:`Searcher.from_history` rebuilds it
on any worker: the same history, pending configurations and seed give the same next proposal.
"""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Sequence
from typing import Any, Self

import numpy as np

from automl_core.search.space import CashSpace, Configuration
from automl_core.search.trial import TrialRecord, TrialState


class Searcher(ABC):
    """Base class of all searchers over a :class:`CashSpace`.

    Subclasses implement :meth:`_propose` (and may override :meth:`_observe`). ``minimize`` says
    whether a lower ``TrialRecord.score`` is better; :meth:`loss_of` turns any record into a value
    to minimise, so subclasses never need to think about the metric's direction.
    """

    def __init__(self, space: CashSpace, seed: int, minimize: bool = True) -> None:
        self.space = space
        self.seed = int(seed)
        self.minimize = minimize
        self._queue: deque[Configuration] = deque()
        self._history: list[TrialRecord] = []
        self._pending: list[Configuration] = []

    @property
    def history(self) -> tuple[TrialRecord, ...]:
        """Every finished trial told so far, in the order told."""
        return tuple(self._history)

    @property
    def pending(self) -> tuple[Configuration, ...]:
        """Configurations asked for but not yet told."""
        return tuple(self._pending)

    def loss_of(self, record: TrialRecord) -> float:
        """The record's score as "lower is better"; ``inf`` when the trial has no score."""
        return record.loss(greater_is_better=not self.minimize)

    def ask(self, n: int = 1) -> list[Configuration]:
        """Propose ``n`` configurations: enqueued ones first, then the strategy's own."""
        if n < 1:
            raise ValueError(f"ask(n) needs n >= 1, got n={n}")
        asked: list[Configuration] = []
        seen = self._seen()
        while self._queue and len(asked) < n:
            config = self._queue.popleft()
            if config not in seen:
                asked.append(config)
                seen.add(config)
                self._pending.append(config)
        while len(asked) < n:
            rng = np.random.default_rng([self.seed, len(self._history), len(self._pending)])
            config = self.space.validate(self._propose(rng))
            asked.append(config)
            self._pending.append(config)
        return asked

    def tell(self, record: TrialRecord) -> None:
        """Learn from a finished trial."""
        if not record.state.is_finished:
            raise ValueError(f"trial {record.number} is {record.state}; tell only finished trials")
        config = record.config
        if config in self._pending:
            self._pending.remove(config)
        self._history.append(record)
        self._observe(record)

    def enqueue(self, config: Configuration) -> None:
        """Ask ``config`` before any proposal of the strategy (skipped if already tried)."""
        self._queue.append(self.space.validate(config))

    @classmethod
    def from_history(
        cls,
        space: CashSpace,
        history: Sequence[TrialRecord],
        seed: int,
        pending: Sequence[Configuration] = (),
        **options: Any,
    ) -> Self:
        """Rebuild a searcher from the finished trials (by number) and the still-pending ones."""
        searcher = cls(space, seed, **options)
        for record in sorted(history, key=lambda r: r.number):
            if record.state.is_finished:
                searcher.tell(record)
        searcher._pending = list(pending)
        return searcher

    def best(self) -> TrialRecord | None:
        """The finished trial with the lowest loss, or ``None``."""
        scored = [r for r in self._history if r.state is TrialState.COMPLETE]
        if not scored:
            return None
        return min(scored, key=self.loss_of)

    @abstractmethod
    def _propose(self, rng: np.random.Generator) -> Configuration:
        """Propose one configuration; ``rng`` is seeded from the seed and the search's progress."""

    def _observe(self, record: TrialRecord) -> None:  # noqa: B027 - optional hook
        """Hook for subclasses that keep derived state; the default keeps nothing extra."""

    def _seen(self) -> set[Configuration]:
        return {r.config for r in self._history} | set(self._pending)


def finite_losses(searcher: Searcher) -> list[tuple[Configuration, float]]:
    """The (configuration, loss) pairs of the history whose loss is finite."""
    pairs = [(r.config, searcher.loss_of(r)) for r in searcher.history]
    return [(c, loss) for c, loss in pairs if math.isfinite(loss)]
