"""A general-purpose ask/tell optimizer over plain-dict spaces, for notebooks and benchmarks.

``Optimizer(space, seed, budget, surrogate="gp", acq="ei")`` where ``space`` is a list of dicts
``{"name", "type": "float"|"int"|"cat", "low", "high", "log", "choices", "condition"}`` and a
condition is ``None`` or ``{"parent": <categorical name>, "values": [...]}`` (parents listed
before their children). ``ask()`` returns the active parameters as a dict; ``tell(config, value)``
records a value to minimise (``nan``/``inf`` count as a failed evaluation).

Conditional spaces become a :class:`CashSpace`: every combination of the values of the
categorical parameters that other parameters depend on is one "family", holding exactly the
parameters active under that combination, so every searcher handles the conditions natively.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from automl_core.search.base import Searcher
from automl_core.search.bayes.searcher import BayesianSearcher, TPESearcher
from automl_core.search.random import RandomSearcher
from automl_core.search.space import (
    CashSpace,
    Configuration,
    JsonScalar,
    Param,
    SpaceError,
    param_from_dict,
)
from automl_core.search.trial import TrialRecord, TrialState

MAX_FAMILIES = 512


class Optimizer:
    """Minimise a black-box function: ``ask`` a dict of parameters, ``tell`` its value."""

    def __init__(self, space: Sequence[Mapping[str, Any]], seed: int, budget: int,
                 surrogate: str = "gp", acq: str = "ei", **options: Any) -> None:
        self.budget = int(budget)
        self._specs = [dict(spec) for spec in space]
        self._families = _families(self._specs)
        cash = CashSpace({name: params for name, (_, params) in self._families.items()})
        if surrogate != "random":
            # Keep at least three quarters of a small budget for the model.
            options.setdefault("n_initial", max(2, min(10, self.budget // 4)))
        self.searcher = _make(surrogate, cash, seed, acq, options)
        self._numbers: dict[Configuration, list[int]] = {}
        self._next_number = 0

    def ask(self) -> dict[str, JsonScalar]:
        """The next parameters to evaluate (active ones only)."""
        (config,) = self.searcher.ask()
        self._numbers.setdefault(config, []).append(self._take_number())
        fixed, _ = self._families[config.algorithm]
        values = {**fixed, **config.params}
        return {spec["name"]: values[spec["name"]] for spec in self._specs
                if spec["name"] in values}

    def tell(self, config: Mapping[str, Any], value: float) -> None:
        """Record ``value`` (to minimise) for a configuration returned by :meth:`ask`."""
        configuration = self._configuration(config)
        finite = value is not None and math.isfinite(float(value))
        state = TrialState.COMPLETE if finite else TrialState.FAILED
        numbers = self._numbers.get(configuration)
        number = numbers.pop(0) if numbers else self._take_number()
        self.searcher.tell(TrialRecord(number, state, configuration.algorithm,
                                       configuration.params, float(value) if finite else None))

    def _take_number(self) -> int:
        """Trial numbers follow the order of asks, so a rebuilt search replays the same order."""
        self._next_number += 1
        return self._next_number - 1

    def _configuration(self, config: Mapping[str, Any]) -> Configuration:
        for name, (fixed, params) in self._families.items():
            if all(config.get(k) == v for k, v in fixed.items()) and all(
                    p.name in config for p in params):
                return Configuration(name, {p.name: config[p.name] for p in params})
        raise SpaceError(f"{dict(config)!r} does not match any branch of the space")


def _families(
    specs: list[dict[str, Any]],
) -> dict[str, tuple[dict[str, JsonScalar], tuple[Param, ...]]]:
    """One family per combination of the values of the parents named in conditions."""
    by_name = {spec["name"]: spec for spec in specs}
    parents = sorted({spec["condition"]["parent"] for spec in specs if spec.get("condition")},
                     key=[s["name"] for s in specs].index)
    for parent in parents:
        if by_name.get(parent, {}).get("type") != "cat":
            raise SpaceError(f"condition parent {parent!r} must be a categorical parameter")
    combos = list(itertools.product(*(by_name[p]["choices"] for p in parents)))
    if len(combos) > MAX_FAMILIES:
        raise SpaceError(f"{len(combos)} condition branches; at most {MAX_FAMILIES} supported")
    families: dict[str, tuple[dict[str, JsonScalar], tuple[Param, ...]]] = {}
    for combo in combos:
        fixed = dict(zip(parents, combo, strict=True))
        active = _active_names(specs, fixed)
        fixed = {p: v for p, v in fixed.items() if p in active}
        # The branch already settles every condition, so its parameters carry none.
        params = tuple(param_from_dict({k: v for k, v in s.items() if k != "condition"})
                       for s in specs if s["name"] in active and s["name"] not in fixed)
        name = ",".join(f"{p}={v!r}" for p, v in fixed.items()) or "default"
        families.setdefault(name, (fixed, params))
    return families


def _active_names(specs: list[dict[str, Any]], fixed: Mapping[str, Any]) -> set[str]:
    active: set[str] = set()
    for spec in specs:  # parents come before children, so one pass settles nesting
        condition = spec.get("condition")
        if not condition or (condition["parent"] in active
                             and fixed[condition["parent"]] in condition["values"]):
            active.add(spec["name"])
    return active


_STRATEGIES: dict[str, Callable[..., Searcher]] = {
    "random": lambda space, seed, acq, **options: RandomSearcher(space, seed),
    "tpe": lambda space, seed, acq, **options: TPESearcher(space, seed, **options),
    "gp": lambda space, seed, acq, **options: BayesianSearcher(
        space, seed, surrogate="gp", acquisition=acq, **options),
    "rf": lambda space, seed, acq, **options: BayesianSearcher(
        space, seed, surrogate="rf", acquisition=acq, **options),
}


def _make(surrogate: str, space: CashSpace, seed: int, acq: str,
          options: dict[str, Any]) -> Searcher:
    try:
        strategy = _STRATEGIES[surrogate]
    except KeyError:
        raise ValueError(f"unknown surrogate {surrogate!r}; choose one of {sorted(_STRATEGIES)}"
                         ) from None
    return strategy(space, seed, acq, **options)
