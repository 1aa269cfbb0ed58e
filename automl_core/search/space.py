"""The search space: validated, immutable parameter distributions and the conditional CASH space.

A CASH space (Combined Algorithm Selection and Hyperparameter optimisation) first chooses an
algorithm family, then that family's own hyperparameters. Within a family a parameter may carry a
:class:`Condition` on an earlier parameter (``units_3`` only when ``n_layers`` is 3): it is then
*active* only when the condition holds, and an inactive parameter is absent from the
configuration. Every distribution checks its arguments when it is created and round-trips through
plain JSON-able dicts, so a searcher can be rebuilt on any worker from stored records alone.

A configuration may also carry a *fidelity* in (0, 1): the fraction of each fold's training rows
a multi-fidelity searcher (Hyperband, BOHB) evaluates it on. It travels in the parameters under
the reserved name :data:`FIDELITY`, so every store that keeps a trial's parameters keeps it too;
full fidelity is the absence of that entry, which is what every other searcher proposes.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, ClassVar

import numpy as np

JsonScalar = bool | int | float | str | None
FIDELITY = "fidelity"  # reserved parameter name: the share of training rows a trial uses


class SpaceError(ValueError):
    """A parameter, distribution or configuration is invalid; the message names the bad value."""


@dataclass(frozen=True)
class Condition:
    """A parameter is active only when the earlier parameter ``parent`` takes one of ``values``."""

    parent: str
    values: tuple[JsonScalar, ...]

    def __post_init__(self) -> None:
        _check_name(self.parent)
        values = tuple(_plain(v) for v in self.values)
        if not values:
            raise SpaceError(f"a condition on {self.parent!r} needs at least one value")
        for value in values:
            if value is not None and not isinstance(value, bool | int | float | str):
                raise SpaceError(f"condition on {self.parent!r}: {value!r} is not a JSON scalar")
        object.__setattr__(self, "values", values)

    def holds(self, params: Mapping[str, JsonScalar]) -> bool:
        """Whether the parent is present in ``params`` and its value is one of :attr:`values`."""
        if self.parent not in params:
            return False
        key = _choice_key(_plain(params[self.parent]))
        return key in {_choice_key(v) for v in self.values}

    def describe(self) -> str:
        """A readable form for messages, e.g. ``n_layers is 2 or 3``."""
        shown = [repr(v) if isinstance(v, str) else str(v) for v in self.values]
        if len(shown) == 1:
            return f"{self.parent} is {shown[0]}"
        return f"{self.parent} is {', '.join(shown[:-1])} or {shown[-1]}"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able description."""
        return {"parent": self.parent, "values": list(self.values)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Condition:
        """Rebuild from :meth:`to_dict` output."""
        return cls(str(data["parent"]), tuple(data["values"]))


@dataclass(frozen=True)
class FloatParam:
    """A float in ``[low, high]``, sampled uniformly or log-uniformly."""

    name: str
    low: float
    high: float
    log: bool = False
    condition: Condition | None = None
    kind: ClassVar[str] = "float"

    def __post_init__(self) -> None:
        _check_name(self.name)
        if not (math.isfinite(self.low) and math.isfinite(self.high)):
            raise SpaceError(f"{self.name}: bounds must be finite, got [{self.low}, {self.high}]")
        if self.low > self.high:
            raise SpaceError(f"{self.name}: low={self.low} is greater than high={self.high}")
        if self.log and self.low <= 0:
            raise SpaceError(f"{self.name}: a log scale needs low > 0, got low={self.low}")
        object.__setattr__(self, "low", float(self.low))
        object.__setattr__(self, "high", float(self.high))

    def sample(self, rng: np.random.Generator) -> float:
        """Draw one value."""
        if self.log:
            drawn = math.exp(rng.uniform(math.log(self.low), math.log(self.high)))
            # exp(log(x)) can land one rounding step outside the bounds (e.g. 3.0000000000000004).
            return float(min(max(drawn, self.low), self.high))
        return float(rng.uniform(self.low, self.high))

    def contains(self, value: Any) -> bool:
        """Whether ``value`` is a number inside the bounds."""
        if isinstance(value, bool) or not isinstance(value, int | float):
            return False
        return self.low <= float(value) <= self.high

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able description."""
        return _with_condition(self, {"type": self.kind, "name": self.name, "low": self.low,
                                      "high": self.high, "log": self.log})

    def describe(self) -> str:
        """The allowed values, for messages."""
        return _describe_range(self)


@dataclass(frozen=True)
class IntParam:
    """An integer in ``[low, high]`` (both included), sampled uniformly or log-uniformly."""

    name: str
    low: int
    high: int
    log: bool = False
    condition: Condition | None = None
    kind: ClassVar[str] = "int"

    def __post_init__(self) -> None:
        _check_name(self.name)
        for bound in (self.low, self.high):
            if isinstance(bound, bool) or not isinstance(bound, int | np.integer):
                raise SpaceError(f"{self.name}: int bounds must be integers, got {bound!r}")
        if self.low > self.high:
            raise SpaceError(f"{self.name}: low={self.low} is greater than high={self.high}")
        if self.log and self.low <= 0:
            raise SpaceError(f"{self.name}: a log scale needs low >= 1, got low={self.low}")
        object.__setattr__(self, "low", int(self.low))
        object.__setattr__(self, "high", int(self.high))

    def sample(self, rng: np.random.Generator) -> int:
        """Draw one value."""
        if self.log:
            # Sample on [low - 0.5, high + 0.5) in log space so the end points are not halved.
            lo, hi = math.log(self.low - 0.5 + 1e-9), math.log(self.high + 0.5)
            value = round(math.exp(rng.uniform(lo, hi)))
            return int(min(max(value, self.low), self.high))
        return int(rng.integers(self.low, self.high + 1))

    def contains(self, value: Any) -> bool:
        """Whether ``value`` is an integer inside the bounds."""
        if isinstance(value, bool) or not isinstance(value, int | np.integer):
            return False
        return self.low <= int(value) <= self.high

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able description."""
        return _with_condition(self, {"type": self.kind, "name": self.name, "low": self.low,
                                      "high": self.high, "log": self.log})

    def describe(self) -> str:
        """The allowed values, for messages."""
        return _describe_range(self)


@dataclass(frozen=True)
class CategoricalParam:
    """One of a fixed tuple of JSON scalars."""

    name: str
    choices: tuple[JsonScalar, ...]
    condition: Condition | None = None
    kind: ClassVar[str] = "cat"

    def __post_init__(self) -> None:
        _check_name(self.name)
        choices = tuple(self.choices)
        if not choices:
            raise SpaceError(f"{self.name}: a categorical parameter needs at least one choice")
        for choice in choices:
            if choice is not None and not isinstance(choice, bool | int | float | str):
                raise SpaceError(f"{self.name}: choice {choice!r} is not a JSON scalar")
        if len(set(map(_choice_key, choices))) != len(choices):
            raise SpaceError(f"{self.name}: choices must be distinct, got {choices!r}")
        object.__setattr__(self, "choices", choices)

    def sample(self, rng: np.random.Generator) -> JsonScalar:
        """Draw one choice uniformly."""
        return self.choices[int(rng.integers(len(self.choices)))]

    def contains(self, value: Any) -> bool:
        """Whether ``value`` is one of the choices (``True`` is not ``1``)."""
        return _choice_key(value) in {_choice_key(c) for c in self.choices}

    def index(self, value: Any) -> int:
        """The position of ``value`` among the choices."""
        for i, choice in enumerate(self.choices):
            if _choice_key(choice) == _choice_key(value):
                return i
        raise SpaceError(f"{self.name}: {value!r} is not one of {self.choices!r}")

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able description."""
        return _with_condition(self, {"type": self.kind, "name": self.name,
                                      "choices": list(self.choices)})

    def describe(self) -> str:
        """The allowed values, for messages."""
        return f"one of {list(self.choices)!r}"


Param = FloatParam | IntParam | CategoricalParam


def param_from_dict(data: Mapping[str, Any]) -> Param:
    """Rebuild a parameter from :meth:`to_dict` output."""
    kind = data.get("type")
    condition = Condition.from_dict(data["condition"]) if data.get("condition") else None
    if kind == FloatParam.kind:
        return FloatParam(data["name"], data["low"], data["high"], bool(data.get("log", False)),
                          condition)
    if kind == IntParam.kind:
        return IntParam(data["name"], data["low"], data["high"], bool(data.get("log", False)),
                        condition)
    if kind == CategoricalParam.kind:
        return CategoricalParam(data["name"], tuple(data["choices"]), condition)
    raise SpaceError(f"unknown parameter type {kind!r}; expected 'float', 'int' or 'cat'")


@dataclass(frozen=True)
class Configuration:
    """One point of a CASH space: an algorithm and its hyperparameters (frozen and hashable)."""

    algorithm: str
    params: Mapping[str, JsonScalar] = field(default_factory=dict)

    def __post_init__(self) -> None:
        ordered = dict(sorted((str(k), _plain(v)) for k, v in dict(self.params).items()))
        if _is_full_fidelity(ordered.get(FIDELITY)):
            del ordered[FIDELITY]  # full fidelity has one spelling: no entry
        object.__setattr__(self, "params", MappingProxyType(ordered))

    @property
    def fidelity(self) -> float:
        """The share of training rows to evaluate on: 1.0 unless a lower fidelity is set."""
        value = self.params.get(FIDELITY, 1.0)
        return float(value) if isinstance(value, int | float) else math.nan

    @property
    def hyperparameters(self) -> dict[str, JsonScalar]:
        """The algorithm's own parameters (the fidelity entry left out), for building a model."""
        return {k: v for k, v in self.params.items() if k != FIDELITY}

    def at_fidelity(self, fidelity: float) -> Configuration:
        """The same algorithm and hyperparameters evaluated at ``fidelity`` (1.0: full)."""
        return Configuration(self.algorithm, {**self.hyperparameters, FIDELITY: fidelity})

    def _key(self) -> tuple[str, tuple[tuple[str, tuple[str, Any]], ...]]:
        return (self.algorithm, tuple((k, _choice_key(v)) for k, v in self.params.items()))

    def __hash__(self) -> int:
        return hash(self._key())

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Configuration):
            return NotImplemented
        return self._key() == other._key()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able description."""
        return {"algorithm": self.algorithm, "params": dict(self.params)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Configuration:
        """Rebuild from :meth:`to_dict` output."""
        return cls(str(data["algorithm"]), dict(data.get("params", {})))


@dataclass(frozen=True)
class CashSpace:
    """Choose an algorithm family, then that family's own hyperparameters."""

    families: Mapping[str, tuple[Param, ...]]

    def __post_init__(self) -> None:
        if not self.families:
            raise SpaceError("a CASH space needs at least one algorithm family")
        frozen: dict[str, tuple[Param, ...]] = {}
        for algorithm, params in self.families.items():
            params = tuple(params)
            names = [p.name for p in params]
            duplicates = sorted({n for n in names if names.count(n) > 1})
            if duplicates:
                raise SpaceError(f"{algorithm}: duplicate parameter names {duplicates}")
            if FIDELITY in names:
                raise SpaceError(f"{algorithm}: {FIDELITY!r} is reserved for the fidelity of a "
                                 f"trial; rename that parameter")
            _check_conditions(str(algorithm), params)
            frozen[str(algorithm)] = params
        object.__setattr__(self, "families", MappingProxyType(frozen))

    @property
    def algorithms(self) -> tuple[str, ...]:
        """The algorithm names, in declaration order."""
        return tuple(self.families)

    def params_of(self, algorithm: str) -> tuple[Param, ...]:
        """The hyperparameters of one family."""
        try:
            return self.families[algorithm]
        except KeyError:
            raise SpaceError(
                f"unknown algorithm {algorithm!r}; expected one of {list(self.algorithms)}"
            ) from None

    def active_params(self, algorithm: str,
                      params: Mapping[str, JsonScalar]) -> tuple[Param, ...]:
        """The parameters of ``algorithm`` active under a (partial) assignment, in order.

        A parameter is active when it has no condition, or when its parent is active and the
        condition holds for the parent's value in ``params`` (an absent parent does not hold).
        """
        active: list[Param] = []
        names: set[str] = set()
        for param in self.params_of(algorithm):
            condition = param.condition
            if condition is None or (condition.parent in names and condition.holds(params)):
                active.append(param)
                names.add(param.name)
        return tuple(active)

    def sample(self, rng: np.random.Generator) -> Configuration:
        """Draw an algorithm uniformly, then each of its active hyperparameters in order."""
        algorithm = self.algorithms[int(rng.integers(len(self.algorithms)))]
        params: dict[str, JsonScalar] = {}
        for param in self.families[algorithm]:
            # Only active parameters are drawn, so a parent present in ``params`` is active.
            if param.condition is None or param.condition.holds(params):
                params[param.name] = param.sample(rng)
        return Configuration(algorithm, params)

    def validate(self, config: Configuration) -> Configuration:
        """Return ``config`` if it is in this space, else raise :class:`SpaceError` naming why.

        The messages reach people who write configurations by hand, so each names the parameter
        and what it allows, or the condition under which it is used.
        """
        params = self.params_of(config.algorithm)
        if not 0.0 < config.fidelity <= 1.0 or isinstance(config.params.get(FIDELITY), bool):
            raise SpaceError(f"{config.algorithm}.{FIDELITY}={config.params[FIDELITY]!r} is not "
                             f"allowed; expected a number in (0, 1] (the share of training rows)")
        extra = sorted(set(config.hyperparameters) - {p.name for p in params})
        if extra:
            raise SpaceError(f"{config.algorithm}: unknown parameters {extra}")
        active = {p.name for p in self.active_params(config.algorithm, config.params)}
        missing = sorted(p.name for p in params
                         if p.condition is None and p.name not in config.params)
        if missing:
            raise SpaceError(f"{config.algorithm}: missing parameters {missing}")
        for param in params:
            where = f"{config.algorithm}.{param.name}"
            if param.name not in active:
                if param.name in config.params:
                    raise SpaceError(f"{where} is only used when {_when(params, param)} "
                                     f"({_current(param, config.params)}); remove it")
                continue
            if param.name not in config.params:
                assert param.condition is not None
                raise SpaceError(f"{where} is required when {param.condition.describe()}")
            value = config.params[param.name]
            if not param.contains(value):
                raise SpaceError(f"{where}={value!r} is not allowed; expected {param.describe()}")
        return config

    def __iter__(self) -> Iterator[str]:
        return iter(self.families)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able description."""
        return {"families": {a: [p.to_dict() for p in ps] for a, ps in self.families.items()}}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CashSpace:
        """Rebuild from :meth:`to_dict` output."""
        return cls({a: tuple(param_from_dict(p) for p in ps)
                    for a, ps in data["families"].items()})


def _check_conditions(algorithm: str, params: tuple[Param, ...]) -> None:
    """Every condition names an earlier categorical or integer parameter and values it can take."""
    earlier: dict[str, Param] = {}
    for param in params:
        condition = param.condition
        if condition is not None:
            where = f"{algorithm}.{param.name}"
            parent = earlier.get(condition.parent)
            if parent is None:
                raise SpaceError(f"{where}: the condition's parent {condition.parent!r} must be "
                                 f"an earlier parameter of {algorithm}")
            if isinstance(parent, FloatParam):
                raise SpaceError(f"{where}: the condition's parent {condition.parent!r} must be "
                                 f"categorical or integer, not float")
            outside = [v for v in condition.values if not parent.contains(v)]
            if outside:
                raise SpaceError(f"{where}: condition values {outside!r} are not values of "
                                 f"{condition.parent} ({parent.describe()})")
        earlier[param.name] = param


def _when(params: tuple[Param, ...], param: Param) -> str:
    """The full chain of conditions that make ``param`` active, e.g. ``a is 1 and b is 'x'``."""
    by_name = {p.name: p for p in params}
    parts: list[str] = []
    current: Param | None = param
    while current is not None and current.condition is not None:
        parts.append(current.condition.describe())
        current = by_name.get(current.condition.parent)
    return " and ".join(reversed(parts))


def _current(param: Param, params: Mapping[str, JsonScalar]) -> str:
    """The parent's value in ``params``, for the message about an inactive parameter."""
    assert param.condition is not None
    parent = param.condition.parent
    if parent not in params:
        return f"{parent} is not set"
    return f"here {parent} is {params[parent]!r}"


def _with_condition(param: Param, data: dict[str, Any]) -> dict[str, Any]:
    """Add the condition to a parameter's dict only when there is one (older dicts stay equal)."""
    if param.condition is not None:
        data["condition"] = param.condition.to_dict()
    return data


def _describe_range(param: FloatParam | IntParam) -> str:
    scale = ", log scale" if param.log else ""
    if isinstance(param, IntParam):
        return f"an integer in [{param.low}, {param.high}]{scale}"
    return f"a number in [{param.low!r}, {param.high!r}]{scale}"


def _is_full_fidelity(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value == 1


def _check_name(name: str) -> None:
    if not isinstance(name, str) or not name:
        raise SpaceError(f"a parameter name must be a non-empty string, got {name!r}")


def _choice_key(value: Any) -> tuple[str, Any]:
    # bool is a subclass of int and 1 == 1.0 == True in Python; key by type so they stay distinct.
    return (type(value).__name__, value)


def _plain(value: Any) -> JsonScalar:
    """Turn numpy scalars into plain Python ones so configurations are JSON-able and comparable."""
    if isinstance(value, np.generic):
        return value.item()  # type: ignore[no-any-return]
    return value  # type: ignore[no-any-return]
