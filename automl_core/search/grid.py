"""Grid search over a CASH space, visited in an order that covers the space early.

The grid is derived from the space: ``points_per_numeric`` values per numeric parameter (evenly
spaced, or log-spaced where the parameter is log-scaled; integers rounded and deduplicated) and
every category. Over a CASH space the grid is the union of the per-family grids.

Visit order. Each axis lists its values from the middle outwards (the middle, then the ends, then
the points halfway between, ...). A family's grid is walked in *shells*: shell ``m`` holds the
points whose furthest-out axis is at position ``m`` of its axis order, so the family's centre
comes first, then the points made of centre and low ends, then those with high ends, then the
finer points. Inside a shell the points come in a seeded, scrambled (affine permutation) order
rather than lexicographically. Families take turns: one point of each family per round.

The searcher keeps no state of its own: its next proposal is the first grid point, in that
order, that is neither in the history nor pending, so a searcher rebuilt from the trial history
continues exactly where the original was. Once every grid point has been tried, it goes on with
random configurations of the space that were not tried yet (see :attr:`GridSearcher.exhausted`).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np

from automl_core.search.base import Searcher
from automl_core.search.space import (
    CashSpace,
    CategoricalParam,
    Configuration,
    IntParam,
    JsonScalar,
    Param,
)

DEFAULT_POINTS_PER_NUMERIC = 5
GOLDEN_RATIO = (1 + math.sqrt(5)) / 2
FLOAT_DIGITS = 4  # significant digits of the inner float grid values (the ends stay exact)
RANDOM_REDRAWS = 100


def axis_values(param: Param, points_per_numeric: int = DEFAULT_POINTS_PER_NUMERIC
                ) -> tuple[JsonScalar, ...]:
    """The grid values of one parameter, in ascending order (categories in declared order).

    Floats get ``points_per_numeric`` values from ``low`` to ``high`` (geometrically spaced on a
    log scale, a single middle value when ``points_per_numeric`` is 1); integers the same, rounded
    and deduplicated; categories all their choices.
    """
    if points_per_numeric < 1:
        raise ValueError(f"points_per_numeric must be >= 1, got {points_per_numeric}")
    if isinstance(param, CategoricalParam):
        return param.choices
    low, high = float(param.low), float(param.high)
    if points_per_numeric == 1:
        raw = np.array([math.sqrt(low * high) if param.log else (low + high) / 2])
    elif param.log:
        raw = np.geomspace(low, high, points_per_numeric)
    else:
        raw = np.linspace(low, high, points_per_numeric)
    if isinstance(param, IntParam):
        rounded = np.clip(np.round(raw), param.low, param.high).astype(int)
        return tuple(sorted({int(v) for v in rounded}))
    values = [_round_inner(float(v), low, high) for v in raw]
    if points_per_numeric > 1:
        values[0], values[-1] = low, high  # exact ends, whatever the float rounding did
    return tuple(sorted(set(values)))


def coverage_order(n: int) -> tuple[int, ...]:
    """Positions ``0..n-1`` from the middle outwards: each next one farthest from those before.

    ``coverage_order(5) == (2, 0, 4, 1, 3)``: the middle, the ends, then the quarters.
    """
    if n <= 0:
        return ()
    order = [(n - 1) // 2]
    left = set(range(n)) - set(order)
    while left:
        best = max(left, key=lambda i: (min(abs(i - c) for c in order), -i))
        order.append(best)
        left.remove(best)
    return tuple(order)


class FamilyGrid:
    """The grid of one algorithm family, indexed in visit order by ``0 .. n_indices - 1``.

    The index walks the full product of the family's axes; with conditional parameters several
    indices can give the same configuration (an inactive parameter is dropped), and the searcher
    skips the repeats because they are already seen. :attr:`size` counts distinct points.
    """

    def __init__(self, algorithm: str, params: tuple[Param, ...], points_per_numeric: int,
                 seed: int) -> None:
        self.algorithm = algorithm
        self.params = params
        self.axes: tuple[tuple[JsonScalar, ...], ...] = tuple(
            _in_coverage_order(p, axis_values(p, points_per_numeric)) for p in params)
        self.radices = tuple(len(axis) for axis in self.axes)
        self._shell_starts = self._starts()
        starts = self._shell_starts
        self._permutations = [_affine_permutation(starts[m + 1] - starts[m], seed + m)
                              for m in range(len(starts) - 1)]

    @property
    def n_indices(self) -> int:
        """How many indices the product of the axes has (at least the number of points)."""
        return self._shell_starts[-1]

    @cached_property
    def size(self) -> int:
        """The number of distinct configurations of this family's grid."""
        return _count_distinct(self.params, self.axes, 0, {})

    def config_at(self, index: int) -> Configuration:
        """The configuration at position ``index`` of the visit order."""
        digits = self._digits(index)
        params: dict[str, JsonScalar] = {}
        for param, axis, digit in zip(self.params, self.axes, digits, strict=True):
            if param.condition is None or param.condition.holds(params):
                params[param.name] = axis[digit]
        return Configuration(self.algorithm, params)

    def _starts(self) -> list[int]:
        """Where each shell starts in the index, and the total as the last entry."""
        shells = max(self.radices, default=1)
        return [0] + [self._points_up_to(m) for m in range(shells)]

    def _points_up_to(self, shell: int) -> int:
        return math.prod(min(shell + 1, r) for r in self.radices)

    def _digits(self, index: int) -> list[int]:
        """The axis positions of ``index``: find its shell, scramble, then decode inside it."""
        if not 0 <= index < self.n_indices:
            raise IndexError(f"{self.algorithm}: grid index {index} outside [0, {self.n_indices})")
        shell = next(m for m in range(len(self._shell_starts) - 1)
                     if index < self._shell_starts[m + 1])
        size, stride, shift = self._permutations[shell]
        offset = (stride * (index - self._shell_starts[shell]) + shift) % size
        for pinned, radix in enumerate(self.radices):
            if shell >= radix:
                continue
            inner = [min(shell, r) for r in self.radices[:pinned]]
            outer = [min(shell + 1, r) for r in self.radices[pinned + 1:]]
            count = math.prod(inner) * math.prod(outer)
            if offset < count:
                return [*_mixed_radix(offset // math.prod(outer), inner), shell,
                        *_mixed_radix(offset % math.prod(outer), outer)]
            offset -= count
        return []  # a family without parameters: its one (empty) point


class GridSearcher(Searcher):
    """Propose the grid points of the space in coverage order, families taking turns.

    ``points_per_numeric`` sets how many values each numeric parameter gets (default 5).
    """

    def __init__(self, space: CashSpace, seed: int, minimize: bool = True,
                 points_per_numeric: int = DEFAULT_POINTS_PER_NUMERIC) -> None:
        super().__init__(space, seed, minimize)
        self.points_per_numeric = int(points_per_numeric)
        self.grids = family_grids(space, self.points_per_numeric, self.seed)

    @property
    def size(self) -> int:
        """The number of configurations in the grid."""
        return sum(grid.size for grid in self.grids)

    @property
    def exhausted(self) -> bool:
        """Whether every grid point has been tried or is pending (proposals are random now)."""
        return self._next_grid_point(self._seen()) is None

    def _propose(self, rng: np.random.Generator) -> Configuration:
        seen = self._seen()
        config = self._next_grid_point(seen)
        if config is not None:
            return config
        config = self.space.sample(rng)
        for _ in range(RANDOM_REDRAWS):
            if config not in seen:
                break
            config = self.space.sample(rng)
        return config

    def _next_grid_point(self, seen: set[Configuration]) -> Configuration | None:
        return next((c for c in visit_order(self.grids) if c not in seen), None)


def family_grids(space: CashSpace, points_per_numeric: int = DEFAULT_POINTS_PER_NUMERIC,
                 seed: int = 0) -> list[FamilyGrid]:
    """One :class:`FamilyGrid` per algorithm family, in the space's declaration order."""
    return [FamilyGrid(algorithm, space.params_of(algorithm), points_per_numeric, seed + i)
            for i, algorithm in enumerate(space.algorithms)]


def visit_order(grids: list[FamilyGrid]) -> Iterator[Configuration]:
    """Every grid point (conditional repeats included), one of each family per round."""
    rounds = max((grid.n_indices for grid in grids), default=0)
    for index in range(rounds):
        for grid in grids:
            if index < grid.n_indices:
                yield grid.config_at(index)


def grid_size(space: CashSpace, points_per_numeric: int = DEFAULT_POINTS_PER_NUMERIC) -> int:
    """How many distinct configurations the grid of ``space`` has (the sum over families)."""
    return sum(grid.size for grid in family_grids(space, points_per_numeric))


@dataclass(frozen=True)
class GridSummary:
    """How a grid compares with a time budget (for a "will the grid fit?" message).

    ``fits`` is about how many trials the budget allows (``None`` without a budget), so the web
    app can phrase its own (translated) message from ``size``, ``fits`` and ``covers_all``;
    :meth:`message` is the English wording.
    """

    size: int
    per_family: Mapping[str, int]
    points_per_numeric: int
    fits: int | None = None

    @property
    def covers_all(self) -> bool:
        """Whether the whole grid fits in the budget."""
        return self.fits is not None and self.fits >= self.size

    def message(self) -> str:
        """E.g. ``"1,296 configurations; about 40 fit in your budget."``"""
        noun = "configuration" if self.size == 1 else "configurations"
        head = f"{self.size:,} {noun}"
        if self.fits is None:
            return f"{head}."
        if self.covers_all:
            return (f"{head}; all fit in your budget (room for about {self.fits:,} trials; "
                    "the rest of the budget samples the space at random).")
        return f"{head}; about {self.fits:,} fit in your budget."

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able description, the message included."""
        return {"size": self.size, "per_family": dict(self.per_family),
                "points_per_numeric": self.points_per_numeric, "fits": self.fits,
                "covers_all": self.covers_all, "message": self.message()}


def describe_grid(space: CashSpace, budget_s: float | None = None,
                  seconds_per_trial: float | None = None,
                  points_per_numeric: int = DEFAULT_POINTS_PER_NUMERIC) -> GridSummary:
    """Size of the grid of ``space`` and, given a budget and a per-trial estimate, how much fits.

    ``fits`` is ``floor(budget_s / seconds_per_trial)``; it is left out (``None``) unless both are
    given and positive.
    """
    per_family = {grid.algorithm: grid.size for grid in family_grids(space, points_per_numeric)}
    fits = None
    if budget_s is not None and seconds_per_trial is not None and seconds_per_trial > 0:
        fits = max(int(budget_s // seconds_per_trial), 0)
    return GridSummary(sum(per_family.values()), per_family, points_per_numeric, fits)


def _in_coverage_order(param: Param, values: tuple[JsonScalar, ...]) -> tuple[JsonScalar, ...]:
    if isinstance(param, CategoricalParam):
        return values  # the declared order: the first choice is usually the default
    return tuple(values[i] for i in coverage_order(len(values)))


def _round_inner(value: float, low: float, high: float) -> float:
    rounded = float(f"{value:.{FLOAT_DIGITS}g}")
    return min(max(rounded, low), high)


def _affine_permutation(size: int, seed: int) -> tuple[int, int, int]:
    """``(size, stride, shift)`` of the seeded bijection ``k -> (stride * k + shift) % size``.

    ``stride`` is the integer nearest ``size / golden ratio`` that is coprime with ``size``, so
    consecutive offsets land far apart (a Fibonacci-lattice-like stride); ``shift`` comes from
    the seed.
    """
    if size <= 1:
        return max(size, 1), 1, 0
    stride = max(round(size / GOLDEN_RATIO), 1)
    while math.gcd(stride, size) != 1:
        stride += 1
    return size, stride, int(np.random.default_rng(seed).integers(size))


def _mixed_radix(value: int, radices: list[int]) -> list[int]:
    """``value`` as digits of the given radices, the last digit changing fastest."""
    digits = []
    for radix in reversed(radices):
        value, digit = divmod(value, radix)
        digits.append(digit)
    return digits[::-1]


def _count_distinct(params: tuple[Param, ...], axes: tuple[tuple[JsonScalar, ...], ...],
                    position: int, assigned: dict[str, JsonScalar]) -> int:
    """Distinct configurations of ``params[position:]`` given the earlier ``assigned`` values.

    Only parameters that some later condition reads are branched on; the others multiply.
    """
    if position == len(params):
        return 1
    param, axis = params[position], axes[position]
    if param.condition is not None and not param.condition.holds(assigned):
        return _count_distinct(params, axes, position + 1, assigned)
    later = params[position + 1:]
    if not any(p.condition is not None and p.condition.parent == param.name for p in later):
        return len(axis) * _count_distinct(params, axes, position + 1, assigned)
    return sum(_count_distinct(params, axes, position + 1, {**assigned, param.name: value})
               for value in axis)

