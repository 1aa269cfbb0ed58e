"""Benchmark problems with a known optimum, expressed as CASH spaces (losses to minimise).

The continuous test functions are single-family spaces; the conditional problem chooses among
three families, each a shifted test function with its own integer, log-scaled and categorical
parameters, so a searcher must both pick the right family and tune inside it. The real HPO
problem (LightGBM on credit_g, ``hpo.py``) has no known optimum.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from automl_core.search.space import CashSpace, CategoricalParam, FloatParam, IntParam
from bench.search.hpo import LGBM_SPACE, lgbm_credit_g

Params = Mapping[str, Any]


@dataclass(frozen=True)
class Problem:
    """A minimisation problem: space, objective, best value, evaluation budget and seeds.

    ``optimum`` is ``None`` when the best value is unknown (the real HPO problem); the report
    then measures regret against the best value any searcher found in the same run.
    """

    name: str
    space: CashSpace
    objective: Callable[[str, Params], float]
    optimum: float | None
    budget: int
    seeds: int = 10


def branin(x1: float, x2: float) -> float:
    """Branin-Hoo on [-5, 10] x [0, 15]; minimum 0.397887 at three points."""
    b, c = 5.1 / (4 * math.pi**2), 5 / math.pi
    return (x2 - b * x1**2 + c * x1 - 6) ** 2 + 10 * (1 - 1 / (8 * math.pi)) * math.cos(x1) + 10


_H3_A = np.array([[3.0, 10, 30], [0.1, 10, 35], [3.0, 10, 30], [0.1, 10, 35]])
_H3_P = 1e-4 * np.array([[3689, 1170, 2673], [4699, 4387, 7470], [1091, 8732, 5547],
                         [381, 5743, 8828]])
_H6_A = np.array([[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14],
                  [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]])
_H6_P = 1e-4 * np.array([[1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
                         [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]])
_H_ALPHA = np.array([1.0, 1.2, 3.0, 3.2])


def hartmann(x: np.ndarray) -> float:
    """Hartmann 3 or 6 (by ``len(x)``) on the unit cube; minima -3.86278 and -3.32237."""
    A, P = (_H3_A, _H3_P) if len(x) == 3 else (_H6_A, _H6_P)
    return float(-np.sum(_H_ALPHA * np.exp(-np.sum(A * (x - P) ** 2, axis=1))))


def rosenbrock(x: np.ndarray) -> float:
    """Rosenbrock; minimum 0 at all ones."""
    return float(np.sum(100 * (x[1:] - x[:-1] ** 2) ** 2 + (1 - x[:-1]) ** 2))


def ackley(x: np.ndarray) -> float:
    """Ackley; minimum 0 at the origin."""
    d = len(x)
    return float(-20 * math.exp(-0.2 * math.sqrt(np.sum(x * x) / d))
                 - math.exp(np.sum(np.cos(2 * math.pi * x)) / d) + 20 + math.e)


def levy(x: np.ndarray) -> float:
    """Levy; minimum 0 at all ones."""
    w = 1 + (x - 1) / 4
    head = math.sin(math.pi * w[0]) ** 2
    body = np.sum((w[:-1] - 1) ** 2 * (1 + 10 * np.sin(math.pi * w[:-1] + 1) ** 2))
    tail = (w[-1] - 1) ** 2 * (1 + math.sin(2 * math.pi * w[-1]) ** 2)
    return float(head + body + tail)


def _vector(params: Params, d: int) -> np.ndarray:
    return np.array([params[f"x{i}"] for i in range(d)], dtype=float)


def _box(d: int, low: float, high: float) -> CashSpace:
    return CashSpace({"f": tuple(FloatParam(f"x{i}", low, high) for i in range(d))})


def _conditional(algorithm: str, p: Params) -> float:
    """Three families; the global minimum 0 is in family ``b``."""
    if algorithm == "a":
        kernel_penalty = {"rbf": 0.0, "poly": 0.2, "linear": 0.4}[p["kernel"]]
        return branin(p["x1"], p["x2"]) - 0.397887 + 1.0 + kernel_penalty
    if algorithm == "b":
        x = np.array([p["u0"], p["u1"], p["u2"]])
        return hartmann(x) + 3.86278 + 0.5 * (math.log10(p["lr"]) + 2.0) ** 2
    offsets = {"l1": 0.3, "l2": 0.0, "linf": 0.1}
    distance = math.hypot(p["n1"] - 3, p["n2"] + 2) / 10
    return 0.5 + distance + offsets[p["mode"]]


CONDITIONAL_SPACE = CashSpace({
    "a": (FloatParam("x1", -5, 10), FloatParam("x2", 0, 15),
          CategoricalParam("kernel", ("rbf", "poly", "linear"))),
    "b": (FloatParam("u0", 0, 1), FloatParam("u1", 0, 1), FloatParam("u2", 0, 1),
          FloatParam("lr", 1e-4, 1.0, log=True)),
    "c": (IntParam("n1", -10, 10), IntParam("n2", -10, 10),
          CategoricalParam("mode", ("l1", "l2", "linf"))),
})

PROBLEMS: dict[str, Problem] = {
    p.name: p for p in (
        Problem("branin", CashSpace({"f": (FloatParam("x0", -5, 10), FloatParam("x1", 0, 15))}),
                lambda _, p: branin(p["x0"], p["x1"]), 0.397887, 50),
        Problem("hartmann3", _box(3, 0, 1), lambda _, p: hartmann(_vector(p, 3)), -3.86278, 50),
        Problem("hartmann6", _box(6, 0, 1), lambda _, p: hartmann(_vector(p, 6)), -3.32237, 100),
        Problem("rosenbrock5", _box(5, -5, 10), lambda _, p: rosenbrock(_vector(p, 5)), 0.0, 100),
        Problem("ackley5", _box(5, -32.768, 32.768), lambda _, p: ackley(_vector(p, 5)), 0.0, 100),
        Problem("levy10", _box(10, -10, 10), lambda _, p: levy(_vector(p, 10)), 0.0, 100),
        Problem("conditional", CONDITIONAL_SPACE, _conditional, 0.0, 100),
        Problem("lgbm-credit_g", LGBM_SPACE, lgbm_credit_g, None, 100, seeds=5),
    )
}
