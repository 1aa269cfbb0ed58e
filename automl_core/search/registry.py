"""Choose a searcher by name through an enum-keyed registry (no string if-chains).

Every searcher name the product knows is declared in :class:`SearcherKind`. The random, grid and
evolutionary searchers are registered here; the Bayesian-optimization package
``automl_core.search.bayes`` and the multi-fidelity package ``automl_core.search.multifidelity``
(Hyperband, BOHB) register their own factories with :func:`register_searcher` when imported,
which :func:`searcher_factory` does on first use if those packages are present.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from enum import StrEnum
from typing import Any

from automl_core.search.base import Searcher
from automl_core.search.evolution import EvolutionSearcher
from automl_core.search.grid import GridSearcher
from automl_core.search.random import RandomSearcher
from automl_core.search.space import CashSpace


class SearcherKind(StrEnum):
    """Names of the searchers (the CLI's ``--searcher`` and the web app's option)."""

    RANDOM = "random"
    GP_EI = "gp-ei"
    GP_UCB = "gp-ucb"
    GP_PI = "gp-pi"
    RF_EI = "rf-ei"
    TPE = "tpe"
    HYPERBAND = "hyperband"
    BOHB = "bohb"
    GRID = "grid"
    EVOLUTION = "evolution"


# The engine's and the web app's default: the searcher with the best mean rank and mean
# normalized score in the AutoML benchmark (docs/benchmarks.md, "Choosing the default searcher").
DEFAULT_SEARCHER = SearcherKind.GP_EI

SearcherFactory = Callable[..., Searcher]

SEARCHERS: dict[SearcherKind, SearcherFactory] = {
    SearcherKind.RANDOM: RandomSearcher,
    SearcherKind.GRID: GridSearcher,
    SearcherKind.EVOLUTION: EvolutionSearcher,
}

_PLUGIN_MODULES = ("automl_core.search.bayes", "automl_core.search.multifidelity")


def register_searcher(kind: SearcherKind, factory: SearcherFactory) -> None:
    """Add or replace the factory behind ``kind`` (plug-in searchers call this on import)."""
    SEARCHERS[SearcherKind(kind)] = factory


def available_searchers() -> list[SearcherKind]:
    """The kinds that can be built right now."""
    _load_plugins()
    return list(SEARCHERS)


def searcher_factory(kind: SearcherKind | str) -> SearcherFactory:
    """The factory (a Searcher subclass or callable) for ``kind``; raises ValueError naming it."""
    _load_plugins()
    try:
        return SEARCHERS[SearcherKind(kind)]
    except (ValueError, KeyError):
        known = ", ".join(k.value for k in SEARCHERS)
        raise ValueError(
            f"unknown or unavailable searcher {kind!r}; choose one of: {known}") from None


def make_searcher(
    kind: SearcherKind | str, space: CashSpace, seed: int, minimize: bool = True, **options: Any
) -> Searcher:
    """Build a fresh searcher of ``kind`` over ``space``."""
    return searcher_factory(kind)(space, seed, minimize=minimize, **options)


def _load_plugins() -> None:
    for name in _PLUGIN_MODULES:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as error:
            # Only a missing plug-in is fine; a plug-in that fails on its own imports must surface.
            if error.name != name:
                raise
