"""Peer optimizers behind the benchmark's ask/tell protocol: Optuna, Hyperopt-style TPE, SMAC3.

They are only importable in the benchmark virtualenv (``bench/.venv``, from
``bench/requirements-peers.txt``), never in the app's; without them :data:`PEERS` is empty.
A CASH space maps to each library's conditional space: an ``algorithm`` choice (when there is
more than one family) and every family's parameters, named ``<family>:<name>``, conditional on it.
"""

from __future__ import annotations

import importlib.util
import tempfile
from collections.abc import Callable
from typing import Any, Protocol

from automl_core.search.space import (
    CashSpace,
    CategoricalParam,
    Configuration,
    FloatParam,
    IntParam,
)


class Agent(Protocol):
    """What the benchmark drives: propose a configuration, then hear its loss."""

    def ask(self) -> Configuration:
        """The next configuration to evaluate."""
        ...

    def tell(self, config: Configuration, value: float) -> None:
        """The loss of the configuration last asked."""
        ...


class OptunaAgent:
    """An Optuna study with one sampler, asked and told trial by trial."""

    def __init__(self, space: CashSpace, sampler: Any) -> None:
        import optuna

        optuna.logging.set_verbosity(optuna.logging.ERROR)
        self.space = space
        self.study = optuna.create_study(sampler=sampler)
        self.trial: Any = None

    def ask(self) -> Configuration:
        """Suggest the algorithm, then its parameters (define-by-run)."""
        self.trial = self.study.ask()
        algorithms = list(self.space.algorithms)
        algorithm = (self.trial.suggest_categorical("algorithm", algorithms)
                     if len(algorithms) > 1 else algorithms[0])
        params = {}
        for p in self.space.params_of(algorithm):
            key = f"{algorithm}:{p.name}"
            if isinstance(p, FloatParam):
                params[p.name] = self.trial.suggest_float(key, p.low, p.high, log=p.log)
            elif isinstance(p, IntParam):
                params[p.name] = self.trial.suggest_int(key, p.low, p.high, log=p.log)
            else:
                params[p.name] = self.trial.suggest_categorical(key, list(p.choices))
        return Configuration(algorithm, params)

    def tell(self, config: Configuration, value: float) -> None:
        """Finish the current trial with ``value``."""
        self.study.tell(self.trial, value)


class SmacAgent:
    """SMAC3's hyperparameter-optimisation facade (random forest + local search)."""

    def __init__(self, space: CashSpace, seed: int, budget: int) -> None:
        from ConfigSpace import (
            Categorical,
            ConfigurationSpace,
            EqualsCondition,
            Float,
            Integer,
        )
        from smac import HyperparameterOptimizationFacade, Scenario

        self.space = space
        cs = ConfigurationSpace(seed=seed)
        algorithms = list(space.algorithms)
        root = Categorical("algorithm", algorithms) if len(algorithms) > 1 else None
        if root is not None:
            cs.add(root)
        for algorithm in algorithms:
            for p in space.params_of(algorithm):
                key = f"{algorithm}:{p.name}"
                if isinstance(p, FloatParam):
                    hp = Float(key, (p.low, p.high), log=p.log)
                elif isinstance(p, IntParam):
                    hp = Integer(key, (p.low, p.high), log=p.log)
                else:
                    hp = Categorical(key, [str(c) for c in p.choices])
                cs.add(hp)
                if root is not None:
                    cs.add(EqualsCondition(hp, root, algorithm))
        self._dir = tempfile.TemporaryDirectory()
        scenario = Scenario(cs, deterministic=True, n_trials=budget, seed=seed,
                            output_directory=self._dir.name)
        self.smac = HyperparameterOptimizationFacade(
            scenario, target_function=lambda config, seed=0: 0.0, overwrite=True,
            logging_level=40)
        self.info: Any = None

    def ask(self) -> Configuration:
        """SMAC's next configuration, mapped back to the CASH space."""
        self.info = self.smac.ask()
        values = dict(self.info.config)
        algorithm = values.get("algorithm", self.space.algorithms[0])
        params = {}
        for p in self.space.params_of(algorithm):
            value = values[f"{algorithm}:{p.name}"]
            if isinstance(p, CategoricalParam):
                value = next(c for c in p.choices if str(c) == value)
            params[p.name] = value
        return Configuration(algorithm, params)

    def tell(self, config: Configuration, value: float) -> None:
        """Report the cost of the configuration last asked."""
        from smac.runhistory.dataclasses import TrialValue

        self.smac.tell(self.info, TrialValue(cost=value))


def _optuna_peers() -> dict[str, Callable[[CashSpace, int, int], Agent]]:
    import optuna

    samplers: dict[str, Callable[[int], Any]] = {
        "optuna-tpe": lambda seed: optuna.samplers.TPESampler(seed=seed),
        "optuna-tpe-indep": lambda seed: optuna.samplers.TPESampler(seed=seed,
                                                                    multivariate=False),
        "optuna-qmc": lambda seed: optuna.samplers.QMCSampler(seed=seed, scramble=True),
    }
    if importlib.util.find_spec("cmaes") is not None:
        samplers["optuna-cmaes"] = lambda seed: optuna.samplers.CmaEsSampler(seed=seed)
    if importlib.util.find_spec("torch") is not None:
        samplers["optuna-gp"] = lambda seed: optuna.samplers.GPSampler(seed=seed)
    return {name: _optuna_agent(make) for name, make in samplers.items()}


def _optuna_agent(make_sampler: Callable[[int], Any]) -> Callable[[CashSpace, int, int], Agent]:
    return lambda space, seed, budget: OptunaAgent(space, make_sampler(seed))


def _available_peers() -> dict[str, Callable[[CashSpace, int, int], Agent]]:
    peers: dict[str, Callable[[CashSpace, int, int], Agent]] = {}
    if importlib.util.find_spec("optuna") is not None:
        peers.update(_optuna_peers())
    if importlib.util.find_spec("smac") is not None:
        peers["smac"] = SmacAgent
    return peers


PEERS = _available_peers()
