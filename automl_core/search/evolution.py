"""Evolutionary search over a CASH space: aging (regularized) evolution with tournaments.

The first ``population_size`` trials are random configurations (configurations enqueued by the
caller, such as the engine's portfolio, count towards them). After that each proposal:

1. takes the population: the ``population_size`` most recent evaluated trials, by trial number
   (aging evolution, Real et al. 2019: old members drop out even when good, which keeps the
   search moving and tolerates noisy scores). Failed and timed-out trials stay in the population
   with an infinite loss, so they lose to any scored member they meet in a tournament; pruned
   and cancelled trials, which never ran, are left out;
2. picks a parent by a tournament: ``tournament_size`` members drawn at random, the lowest loss
   wins;
3. with probability ``crossover_rate``, picks a second parent of the *same* algorithm family by
   another tournament and mixes their hyperparameters (uniform crossover);
4. mutates the child: with probability ``family_mutation_rate`` it jumps to another algorithm
   family with fresh random hyperparameters; otherwise each of the ``k`` active hyperparameters
   that can change does so with probability ``1 / k`` (at least one changes). A number takes a
   Gaussian step of ``mutation_scale`` times its range (in log space for log-scaled parameters),
   reflected into its bounds and rounded for integers; a category takes another choice.

Conditional parameters are respected: parameters are visited in declared order, and when a change
makes a parameter active it is sampled afresh, and when it makes one inactive it is dropped.

No configuration already tried or pending is proposed: a child that repeats one is mutated again
(a few times), then replaced by a random unseen configuration, and finally by the first unseen
point of the space's grid, so a small discrete space is covered without repeats.

Every proposal is computed from the history, the pending configurations and a generator seeded by
the seed and the number of finished and pending trials, so a searcher rebuilt with
:meth:`Searcher.from_history` proposes exactly what the original would have.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import cast

import numpy as np

from automl_core.search.base import Searcher
from automl_core.search.grid import GridSearcher
from automl_core.search.space import (
    CashSpace,
    CategoricalParam,
    Configuration,
    FloatParam,
    IntParam,
    JsonScalar,
    Param,
)
from automl_core.search.trial import TrialRecord, TrialState

CHILD_ATTEMPTS = 10
EVALUATED_STATES = frozenset({TrialState.COMPLETE, TrialState.FAILED, TrialState.TIMEOUT})
RANDOM_REDRAWS = 100


class EvolutionSearcher(Searcher):
    """Aging evolution with tournament selection, same-family crossover and typed mutation."""

    def __init__(self, space: CashSpace, seed: int, minimize: bool = True,
                 population_size: int = 10, tournament_size: int = 3,
                 crossover_rate: float = 0.5, mutation_scale: float = 0.2,
                 family_mutation_rate: float = 0.1) -> None:
        super().__init__(space, seed, minimize)
        if population_size < 2:
            raise ValueError(f"population_size must be >= 2, got {population_size}")
        if tournament_size < 1:
            raise ValueError(f"tournament_size must be >= 1, got {tournament_size}")
        for name, rate in (("crossover_rate", crossover_rate),
                           ("family_mutation_rate", family_mutation_rate)):
            if not 0.0 <= rate <= 1.0:
                raise ValueError(f"{name} must be in [0, 1], got {rate}")
        if mutation_scale <= 0:
            raise ValueError(f"mutation_scale must be > 0, got {mutation_scale}")
        self.population_size = int(population_size)
        self.tournament_size = int(tournament_size)
        self.crossover_rate = float(crossover_rate)
        self.mutation_scale = float(mutation_scale)
        self.family_mutation_rate = float(family_mutation_rate)

    def population(self) -> list[TrialRecord]:
        """The ``population_size`` most recent evaluated trials, by trial number.

        Pruned and cancelled trials never ran, so they take no place in the population.
        """
        evaluated = [r for r in self._history if r.state in EVALUATED_STATES]
        return sorted(evaluated, key=lambda r: r.number)[-self.population_size:]

    def _propose(self, rng: np.random.Generator) -> Configuration:
        seen = self._seen()
        population = self.population()
        started = len(self._history) + len(self._pending)
        scored = [r for r in population if math.isfinite(self.loss_of(r))]
        if started >= self.population_size and scored:
            for _ in range(CHILD_ATTEMPTS):
                child = self._child(population, rng)
                if child not in seen:
                    return child
        return self._unseen(rng, seen)

    def _child(self, population: list[TrialRecord], rng: np.random.Generator) -> Configuration:
        parent = self._tournament(population, rng)
        child = parent.config
        if rng.random() < self.crossover_rate:
            relatives = [r for r in population
                         if r.algorithm == parent.algorithm and r.number != parent.number]
            if relatives:
                other = self._tournament(relatives, rng)
                child = crossover(self.space, child, other.config, rng)
        return mutate(self.space, child, rng, self.mutation_scale, self.family_mutation_rate)

    def _tournament(self, members: list[TrialRecord], rng: np.random.Generator) -> TrialRecord:
        size = min(self.tournament_size, len(members))
        drawn = rng.choice(len(members), size=size, replace=False)
        return min((members[int(i)] for i in drawn), key=lambda r: (self.loss_of(r), r.number))

    def _unseen(self, rng: np.random.Generator, seen: set[Configuration]) -> Configuration:
        """A random configuration not tried or pending; the first unseen grid point if none is
        found quickly (a small, nearly covered discrete space)."""
        for _ in range(RANDOM_REDRAWS):
            config = self.space.sample(rng)
            if config not in seen:
                return config
        grid = GridSearcher.from_history(self.space, self._history, self.seed, self._pending)
        (config,) = grid.ask()
        return config


def mutate(space: CashSpace, config: Configuration, rng: np.random.Generator,
           scale: float = 0.2, family_rate: float = 0.1) -> Configuration:
    """A valid neighbour of ``config`` that differs from it whenever the space allows.

    With probability ``family_rate`` (and more than one family) the result is a random
    configuration of another family. Otherwise each of the ``k`` active parameters that can
    change does so with probability ``1 / k``, and at least one does; parameters that become
    active are sampled, those that become inactive are dropped.
    """
    others = [a for a in space.algorithms if a != config.algorithm]
    if others and rng.random() < family_rate:
        algorithm = others[int(rng.integers(len(others)))]
        return _fill(space, algorithm, {}, rng)
    active = space.active_params(config.algorithm, config.params)
    changeable = [p for p in active if _can_change(p)]
    if not changeable:
        return config
    chosen = {p.name for p in changeable if rng.random() < 1.0 / len(changeable)}
    if not chosen:
        chosen = {changeable[int(rng.integers(len(changeable)))].name}
    changed = {p.name: (mutate_value(p, config.params[p.name], rng, scale)
                        if p.name in chosen else config.params[p.name]) for p in active}
    return _fill(space, config.algorithm, changed, rng)


def mutate_value(param: Param, value: JsonScalar, rng: np.random.Generator,
                 scale: float = 0.2) -> JsonScalar:
    """A different value of ``param`` near ``value`` (for numbers), or another category.

    Numbers take a Gaussian step of ``scale`` times the range, in log space for log-scaled
    parameters, reflected back into the bounds; integers are rounded and moved by one when the
    step rounds back to ``value``.
    """
    if isinstance(param, CategoricalParam):
        choices = [c for i, c in enumerate(param.choices) if i != param.index(value)]
        return choices[int(rng.integers(len(choices)))] if choices else value
    if param.low == param.high:
        return value
    low, high = _scaled(param, param.low), _scaled(param, param.high)
    step = float(rng.normal(0.0, scale))
    number = float(cast(float, value))  # a float or int parameter's value is a number
    unit = _reflect((_scaled(param, number) - low) / (high - low) + step)
    moved = _unscaled(param, low + unit * (high - low))
    if isinstance(param, IntParam):
        new = int(min(max(round(moved), param.low), param.high))
        if new == value:  # the step rounded back: move by one, towards the step if possible
            direction = 1 if step >= 0 else -1
            inside = param.low <= new + direction <= param.high
            new = new + direction if inside else new - direction
        return new
    return float(min(max(moved, param.low), param.high))


def crossover(space: CashSpace, first: Configuration, second: Configuration,
              rng: np.random.Generator) -> Configuration:
    """Uniform crossover of two configurations of the same family.

    Parameters are visited in declared order; each active one takes the value of a parent picked
    at random among those that have it, or a fresh sample when neither has it (it became active
    through the other parent's value of its parent).
    """
    if first.algorithm != second.algorithm:
        raise ValueError(f"crossover needs one family, got {first.algorithm!r} and "
                         f"{second.algorithm!r}")
    params: dict[str, JsonScalar] = {}
    for param in space.params_of(first.algorithm):
        if param.condition is not None and not param.condition.holds(params):
            continue
        holders = [c.params[param.name] for c in (first, second) if param.name in c.params]
        if holders:
            params[param.name] = holders[int(rng.integers(len(holders)))]
        else:
            params[param.name] = param.sample(rng)
    return Configuration(first.algorithm, params)


def _fill(space: CashSpace, algorithm: str, values: Mapping[str, JsonScalar],
          rng: np.random.Generator) -> Configuration:
    """The configuration of ``algorithm`` keeping ``values`` where active, sampling new actives."""
    params: dict[str, JsonScalar] = {}
    for param in space.params_of(algorithm):
        if param.condition is not None and not param.condition.holds(params):
            continue
        params[param.name] = values[param.name] if param.name in values else param.sample(rng)
    return Configuration(algorithm, params)


def _can_change(param: Param) -> bool:
    if isinstance(param, CategoricalParam):
        return len(param.choices) > 1
    return param.low < param.high


def _scaled(param: FloatParam | IntParam, value: float) -> float:
    return math.log(value) if param.log else float(value)


def _unscaled(param: FloatParam | IntParam, value: float) -> float:
    return math.exp(value) if param.log else value


def _reflect(u: float) -> float:
    """Fold ``u`` back into [0, 1] by reflecting at the ends (a step past a bound bounces)."""
    u = abs(u) % 2.0
    return 2.0 - u if u > 1.0 else u
