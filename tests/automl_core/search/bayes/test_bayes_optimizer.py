import math

import pytest

from automl_core.search.bayes.optimizer import Optimizer
from automl_core.search.space import SpaceError

SPACE = [
    {"name": "model", "type": "cat", "choices": ["svm", "knn"], "condition": None},
    {"name": "C", "type": "float", "low": 1e-3, "high": 1e3, "log": True,
     "condition": {"parent": "model", "values": ["svm"]}},
    {"name": "kernel", "type": "cat", "choices": ["rbf", "poly"],
     "condition": {"parent": "model", "values": ["svm"]}},
    {"name": "degree", "type": "int", "low": 2, "high": 5, "log": False,
     "condition": {"parent": "kernel", "values": ["poly"]}},
    {"name": "k", "type": "int", "low": 1, "high": 50, "log": False,
     "condition": {"parent": "model", "values": ["knn"]}},
    {"name": "shift", "type": "float", "low": -1.0, "high": 1.0, "log": False, "condition": None},
]


def objective(config):
    base = config["shift"] ** 2
    if config["model"] == "svm":
        extra = 0.5 * (config["degree"] - 3) ** 2 if config["kernel"] == "poly" else 0.3
        return base + abs(math.log10(config["C"]) - 1) + extra
    return base + abs(config["k"] - 20) / 10


def test_it_returns_only_the_active_parameters_with_their_types():
    opt = Optimizer(SPACE, seed=0, budget=20, surrogate="tpe")
    for _ in range(20):
        config = opt.ask()
        active = {"model", "shift"} | (
            {"C", "kernel"} | ({"degree"} if config.get("kernel") == "poly" else set())
            if config["model"] == "svm" else {"k"})
        assert set(config) == active
        assert all(isinstance(config[n], int) for n in ("degree", "k") if n in config)
        opt.tell(config, objective(config))


@pytest.mark.parametrize("surrogate", ["gp", "rf", "tpe", "random"])
def test_it_minimises_a_conditional_function(surrogate):
    opt = Optimizer(SPACE, seed=1, budget=30, surrogate=surrogate)
    best = math.inf
    for _ in range(30):
        config = opt.ask()
        value = objective(config)
        opt.tell(config, value)
        best = min(best, value)
    assert best < 1.0


def test_a_failed_evaluation_is_recorded_and_not_asked_again():
    opt = Optimizer(SPACE, seed=2, budget=10, surrogate="gp")
    first = opt.ask()
    opt.tell(first, float("nan"))
    assert all(opt.ask() != first for _ in range(5))


def test_it_rejects_a_condition_on_a_numeric_parent():
    bad = [{"name": "x", "type": "float", "low": 0, "high": 1, "condition": None},
           {"name": "y", "type": "float", "low": 0, "high": 1,
            "condition": {"parent": "x", "values": [0.5]}}]
    with pytest.raises(SpaceError, match="'x' must be a categorical"):
        Optimizer(bad, seed=0, budget=10)
