"""Peer optimizers behind the ask/tell protocol: Optuna, Hyperopt, scikit-optimize, SMAC3.

They are only importable in the benchmark virtualenv (``bench/.venv``, from
``bench/requirements-peers.txt``), never in the app's; a peer whose package is missing is left
out of :data:`PEERS` (``optuna-gp`` needs PyTorch). A CASH space maps to each library's
conditional space: an ``algorithm`` choice (when there is more than one family) and every
family's parameters, named ``<family>:<name>``, conditional on it (Hyperopt: one ``hp.choice``
branch per family). scikit-optimize has no conditional spaces: its space is the flat product of
the choice and every family's parameters, and the parameters of the families not chosen are
ignored by the objective (the searcher still models them).
"""

from __future__ import annotations

import importlib.util
import math
import tempfile
import warnings
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


class HyperoptAgent:
    """Hyperopt's TPE (``tpe.suggest``, its defaults) driven trial by trial on a ``Trials``."""

    def __init__(self, space: CashSpace, seed: int) -> None:
        import numpy as np
        from hyperopt import Domain, Trials, hp

        self.space = space
        branches = [{"algorithm": a, **{f"{a}:{p.name}": _hyperopt_param(hp, f"{a}:{p.name}", p)
                                        for p in space.params_of(a)}}
                    for a in space.algorithms]
        self.hp_space: Any = hp.choice("algorithm", branches) if len(branches) > 1 else branches[0]
        self.domain = Domain(lambda _: 0.0, self.hp_space)
        self.trials = Trials()
        self.rng = np.random.default_rng(seed)
        self.doc: Any = None

    def ask(self) -> Configuration:
        """One ``tpe.suggest`` on the trials so far, mapped back to the CASH space."""
        from hyperopt import space_eval, tpe

        ids = self.trials.new_trial_ids(1)
        self.trials.refresh()
        docs = tpe.suggest(ids, self.domain, self.trials, self.rng.integers(2**31 - 1))
        self.trials.insert_trial_docs(docs)
        self.trials.refresh()
        self.doc = self.trials._dynamic_trials[-1]
        assignment = {k: v[0] for k, v in self.doc["misc"]["vals"].items() if v}
        values = space_eval(self.hp_space, assignment)
        algorithm = values["algorithm"]
        params = {p.name: _clip(p, values[f"{algorithm}:{p.name}"])
                  for p in self.space.params_of(algorithm)}
        return Configuration(algorithm, params)

    def tell(self, config: Configuration, value: float) -> None:
        """Mark the trial last asked as done with loss ``value``."""
        from hyperopt import JOB_STATE_DONE, STATUS_OK

        self.doc["state"] = JOB_STATE_DONE
        self.doc["result"] = {"loss": value, "status": STATUS_OK}
        self.trials.refresh()


def _hyperopt_param(hp: Any, label: str, p: Any) -> Any:
    if isinstance(p, FloatParam):
        return (hp.loguniform(label, math.log(p.low), math.log(p.high)) if p.log
                else hp.uniform(label, p.low, p.high))
    if isinstance(p, IntParam):
        return (hp.qloguniform(label, math.log(p.low), math.log(p.high), 1) if p.log
                else hp.quniform(label, p.low, p.high, 1))
    return hp.choice(label, list(p.choices))


def _clip(p: Any, value: Any) -> Any:
    """Integers from Hyperopt's quantised floats, inside the bounds."""
    if isinstance(p, IntParam):
        return min(max(int(round(value)), p.low), p.high)
    if isinstance(p, FloatParam):
        return min(max(float(value), p.low), p.high)
    return value


class SkoptAgent:
    """scikit-optimize's ``Optimizer`` set up as ``gp_minimize`` (GP) or ``forest_minimize`` (RF).

    The GP gets what ``gp_minimize`` builds by default: a Matern kernel with Gaussian noise,
    the ``gp_hedge`` acquisition optimised by L-BFGS from 5 restarts, 10 random initial points.
    The forest gets ``forest_minimize``'s EI over 10,000 sampled points, but a random forest
    (``"RF"``) where ``forest_minimize`` defaults to extra trees.
    """

    def __init__(self, space: CashSpace, seed: int, estimator: str) -> None:
        import numpy as np
        from skopt import Optimizer
        from skopt.space import Categorical, Integer, Real
        from skopt.utils import cook_estimator, normalize_dimensions

        self.space = space
        self.algorithms = list(space.algorithms)
        self.keys: list[tuple[str, Any]] = []
        dimensions: list[Any] = []
        if len(self.algorithms) > 1:
            dimensions.append(Categorical(self.algorithms, name="algorithm"))
        for a in self.algorithms:
            for p in space.params_of(a):
                prior = "log-uniform" if getattr(p, "log", False) else "uniform"
                if isinstance(p, FloatParam):
                    dimensions.append(Real(p.low, p.high, prior=prior))
                elif isinstance(p, IntParam):
                    dimensions.append(Integer(p.low, p.high, prior=prior))
                else:
                    dimensions.append(Categorical(list(p.choices)))
                self.keys.append((a, p))
        rng = np.random.RandomState(seed)
        if estimator == "GP":
            base: Any = cook_estimator("GP", space=normalize_dimensions(dimensions),
                                       random_state=rng.randint(0, np.iinfo(np.int32).max),
                                       noise="gaussian")
            acq_func = "gp_hedge"
        else:
            base, acq_func = estimator, "EI"
        self.optimizer = Optimizer(
            dimensions, base, n_initial_points=10, acq_func=acq_func, random_state=rng,
            acq_optimizer_kwargs={"n_points": 10000, "n_restarts_optimizer": 5, "n_jobs": 1},
            acq_func_kwargs={"xi": 0.01, "kappa": 1.96})
        self.point: list[Any] = []

    def ask(self) -> Configuration:
        """The optimizer's next point; only the chosen family's parameters are passed on."""
        self.point = self.optimizer.ask()
        values = iter(self.point)
        algorithm = next(values) if len(self.algorithms) > 1 else self.algorithms[0]
        params = {p.name: _native(p, v) for (a, p), v in zip(self.keys, values, strict=True)
                  if a == algorithm}
        return Configuration(str(algorithm), params)

    def tell(self, config: Configuration, value: float) -> None:
        """Tell the whole flat point last asked (inactive parameters included)."""
        self.optimizer.tell(self.point, value)


def _native(p: Any, value: Any) -> Any:
    """numpy scalars from scikit-optimize as the Python types the space expects."""
    if isinstance(p, IntParam):
        return int(value)
    if isinstance(p, FloatParam):
        return float(value)
    return next(c for c in p.choices if c == value)


def _optuna_peers() -> dict[str, Callable[[CashSpace, int, int], Agent]]:
    import optuna

    warnings.filterwarnings("ignore", category=optuna.exceptions.ExperimentalWarning)
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
    if importlib.util.find_spec("hyperopt") is not None:
        peers["hyperopt-tpe"] = lambda space, seed, budget: HyperoptAgent(space, seed)
    if importlib.util.find_spec("skopt") is not None:
        peers["skopt-gp"] = lambda space, seed, budget: SkoptAgent(space, seed, "GP")
        peers["skopt-rf"] = lambda space, seed, budget: SkoptAgent(space, seed, "RF")
    if importlib.util.find_spec("smac") is not None:
        peers["smac"] = SmacAgent
    return peers


PEERS = _available_peers()
