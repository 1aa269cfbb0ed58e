"""Model-based searchers: Bayesian optimisation (GP or random forest) and TPE behind ask/tell.

Each proposal is recomputed from the history, the pending configurations and a generator seeded by
the search's progress, never from state carried between calls, so a searcher rebuilt with
:meth:`Searcher.from_history` proposes exactly what the original would have. Observations are
ordered by trial number before modelling, so the order in which workers reported does not matter.

Proposal sequence: configurations enqueued by the caller (the engine's portfolio warm start), then
a scrambled Sobol design, then the model. Failed and timed-out trials enter the model with the
worst loss seen (so the search steers away from them); pruned and cancelled ones are only kept
from being proposed again.
"""

from __future__ import annotations

import math
from abc import abstractmethod
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

import numpy as np
from threadpoolctl import ThreadpoolController

from automl_core.search.base import Searcher
from automl_core.search.bayes.acquisition import AcquisitionKind, make_acquisition
from automl_core.search.bayes.encoding import SpaceEncoder
from automl_core.search.bayes.initial_design import (
    DesignKind,
    default_initial_size,
    initial_design,
)
from automl_core.search.bayes.maximizer import MaximizerSettings, maximize
from automl_core.search.bayes.surrogates.base import Surrogate
from automl_core.search.bayes.surrogates.gp import GaussianProcess, GPPosterior
from automl_core.search.bayes.surrogates.per_family import PerFamilyGP, PerFamilyPosterior
from automl_core.search.bayes.surrogates.random_forest import RandomForest
from automl_core.search.bayes.surrogates.tpe import TreeParzen
from automl_core.search.bayes.warping import OutputWarp
from automl_core.search.space import CashSpace, Configuration
from automl_core.search.trial import TrialRecord, TrialState

PENALISED_STATES = (TrialState.FAILED, TrialState.TIMEOUT)
# The surrogates' matrices have a few hundred rows at most: multithreaded BLAS only adds overhead,
# and on a busy machine (Celery workers training models) it slows a proposal several times over.
_THREADPOOLS = ThreadpoolController()
N_CLIMB_FROM_BEST = 5
RANDOM_FRACTION = 0.2
MAX_GP_OBSERVATIONS_PER_FAMILY = 200


class ProposalSource(StrEnum):
    """Where a proposed configuration came from."""

    DESIGN = "initial design"
    MODEL = "model"
    RANDOM = "random"


@dataclass(frozen=True)
class Proposal:
    """Why a configuration was proposed: the GUI's "why this trial".

    ``predicted_mean`` and ``predicted_std`` are the surrogate's loss prediction in loss units
    (lower is better; ``None`` when no regression model was used), ``acquisition`` is the value
    the maximizer reached (``log EI``, ``log PI``, ``-LCB`` or TPE's ``log l/g``).
    """

    source: ProposalSource
    predicted_mean: float | None = None
    predicted_std: float | None = None
    acquisition: float | None = None
    incumbent: Configuration | None = None
    incumbent_loss: float | None = None


class SurrogateKind(StrEnum):
    """Regression surrogates of :class:`BayesianSearcher`."""

    GP = "gp"
    RF = "rf"


class ModelBasedSearcher(Searcher):
    """Shared machinery: initial design, training data, exclusion of seen points, explanations.

    ``random_fraction`` interleaves uniformly random proposals (SMAC's random design), which
    guards against a surrogate that is confidently wrong.
    """

    def __init__(self, space: CashSpace, seed: int, minimize: bool = True,
                 n_initial: int | None = None, design: DesignKind | str = DesignKind.SOBOL,
                 random_fraction: float = 0.0) -> None:
        super().__init__(space, seed, minimize)
        self.encoder = SpaceEncoder(space)
        size = default_initial_size(self.encoder) if n_initial is None else int(n_initial)
        self._design = [self.encoder.decode(x)
                        for x in initial_design(self.encoder, size, self.seed, DesignKind(design))]
        self.random_fraction = float(random_fraction)
        self._explanations: dict[Configuration, Proposal] = {}

    def explain(self, config: Configuration) -> Proposal | None:
        """Why ``config`` was proposed by this searcher instance, if it was."""
        return self._explanations.get(config)

    def _propose(self, rng: np.random.Generator) -> Configuration:
        seen = self._seen()
        X, y = self._training_data()
        started = len(self._history) + len(self._pending)
        config: Configuration | None = None
        proposal = Proposal(ProposalSource.DESIGN)
        if started < len(self._design) or len(y) < 2:
            config = next((c for c in self._design if c not in seen), None)
        elif rng.random() >= self.random_fraction:
            excluded = set(self.encoder.keys(self.encoder.encode_many(sorted_configs(seen))))
            pending = self.encoder.encode_many(sorted_configs(set(self._pending)))
            with _THREADPOOLS.limit(limits=1, user_api="blas"):
                found = self._propose_from_model(X, y, pending, excluded, rng)
            if found is not None:
                config, proposal = found
        if config is None:
            config, proposal = self._random_unseen(rng, seen), Proposal(ProposalSource.RANDOM)
        incumbent = self.best()
        self._explanations[config] = _with_incumbent(proposal, incumbent, self)
        return config

    @abstractmethod
    def _propose_from_model(
        self, X: np.ndarray, y: np.ndarray, X_pending: np.ndarray, excluded: set[bytes],
        rng: np.random.Generator,
    ) -> tuple[Configuration, Proposal] | None:
        """The model's best unexcluded configuration, or ``None`` if every candidate is excluded.

        ``X``/``y`` are the encoded observations and losses, ``X_pending`` the encoded pending
        configurations and ``excluded`` the keys of everything evaluated or pending.
        """

    def _training_data(self) -> tuple[np.ndarray, np.ndarray]:
        """Encoded configurations and losses, by trial number; failures get the worst loss."""
        records = sorted(self._history, key=lambda r: r.number)
        complete = [r for r in records if r.state is TrialState.COMPLETE]
        penalised = [r for r in records if r.state in PENALISED_STATES]
        losses = [self.loss_of(r) for r in complete]
        finite = [loss for loss in losses if math.isfinite(loss)]
        if not finite:
            return np.empty((0, self.encoder.n_columns)), np.empty(0)
        worst = max(finite)
        used: list[TrialRecord] = [r for r, loss in zip(complete, losses, strict=True)
                                   if math.isfinite(loss)] + penalised
        used_losses = [loss for loss in losses if math.isfinite(loss)] + [worst] * len(penalised)
        kept = capped_per_family(used, used_losses, self.max_per_family)
        y = np.array([used_losses[i] for i in kept])
        return self.encoder.encode_many([used[i].config for i in kept]), y

    # The most observations of one algorithm family the surrogate is fitted on (None: all).
    max_per_family: int | None = None

    def _random_unseen(self, rng: np.random.Generator, seen: set[Configuration]) -> Configuration:
        config = self.space.sample(rng)
        for _ in range(100):
            if config not in seen:
                break
            config = self.space.sample(rng)
        return config


def capped_per_family(records: list[TrialRecord], losses: list[float],
                      cap: int | None) -> list[int]:
    """Indices of the observations a surrogate is fitted on, in their order: all of them, or for
    each algorithm family with more than ``cap``, its ``cap // 2`` lowest losses and then its
    most recent others up to ``cap`` (by trial number; a deterministic choice, so a rebuilt
    searcher proposes the same)."""
    if cap is None:
        return list(range(len(records)))
    families: dict[str, list[int]] = {}
    for index, record in enumerate(records):
        families.setdefault(record.config.algorithm, []).append(index)
    kept: set[int] = set()
    for indices in families.values():
        if len(indices) <= cap:
            kept.update(indices)
            continue
        best = sorted(indices, key=lambda i: (losses[i], records[i].number))[:cap // 2]
        recent = sorted(set(indices) - set(best), key=lambda i: records[i].number)
        kept.update(best, recent[len(recent) - (cap - len(best)):])
    return sorted(kept)


class BayesianSearcher(ModelBasedSearcher):
    """SMBO with a GP or random-forest surrogate, an acquisition function and the maximizer.

    ``surrogate`` and ``acquisition`` default to the class attributes, so a registered variant
    (``gp-ucb``, ``rf-ei``, ...) is a subclass that only changes them and still rebuilds with
    :meth:`Searcher.from_history`.
    """

    default_surrogate = SurrogateKind.GP
    default_acquisition = AcquisitionKind.EI

    def __init__(self, space: CashSpace, seed: int, minimize: bool = True,
                 surrogate: SurrogateKind | str | None = None,
                 acquisition: AcquisitionKind | str | None = None,
                 maximizer: MaximizerSettings | None = None, **options: Any) -> None:
        kind = SurrogateKind(surrogate or self.default_surrogate)
        # SMAC's random design (one proposal in five drawn uniformly) for the forest, and for the
        # GP on CASH spaces: there a few observations of a family can make its GP confidently
        # wrong about the whole family (see ``surrogates/per_family.py``), and random draws keep
        # every family sampled. On a single family the GP needs no such insurance.
        conditional = len(space.algorithms) > 1
        options.setdefault("random_fraction",
                           RANDOM_FRACTION if kind is SurrogateKind.RF or conditional else 0.0)
        super().__init__(space, seed, minimize, **options)
        self.surrogate_kind = kind
        if kind is SurrogateKind.GP:
            # A GP's fit grows with the cube of its observations (11 s an ask at 1,000 of one
            # family, 79 s at 2,000): long searches keep its best and most recent ones.
            self.max_per_family = MAX_GP_OBSERVATIONS_PER_FAMILY
        self.acquisition_kind = AcquisitionKind(acquisition or self.default_acquisition)
        self.maximizer = maximizer or MaximizerSettings()

    def _surrogate(self) -> Surrogate:
        """The GP (one per algorithm family when there are several) or the random forest."""
        if self.surrogate_kind is SurrogateKind.RF:
            return RandomForest()
        if len(self.encoder.algorithms) > 1:
            return PerFamilyGP(self.encoder.family, self.encoder.n_choices)
        return GaussianProcess(self.encoder.n_choices)

    def _propose_from_model(
        self, X: np.ndarray, y: np.ndarray, X_pending: np.ndarray, excluded: set[bytes],
        rng: np.random.Generator,
    ) -> tuple[Configuration, Proposal] | None:
        warp = OutputWarp(y)
        targets = warp.transform(y)
        posterior = self._surrogate().fit(X, targets, rng).with_pending(X_pending)
        acquisition = make_acquisition(self.acquisition_kind, posterior.incumbent_value,
                                       len(y), self.encoder.n_columns - 1)

        def score(Z: np.ndarray) -> np.ndarray:
            return acquisition(*posterior.predict(Z))

        gradient = None
        if isinstance(posterior, GPPosterior | PerFamilyPosterior):
            gp = posterior

            def gradient(Z: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
                mean, std, dmean, dstd = gp.predict_with_gradient(Z)
                da_dmean, da_dstd = acquisition.gradient(mean, std)
                return (acquisition(mean, std),
                        da_dmean[:, None] * dmean + da_dstd[:, None] * dstd)

        best_rows = X[np.argsort(targets, kind="stable")[:N_CLIMB_FROM_BEST]]
        found = maximize(score, self.encoder, rng, best_rows, excluded, gradient, self.maximizer)
        if found is None:
            return None
        x, value = found
        # The per-family GP's acquisition frame is not the targets' scale; explain in targets.
        predict = (posterior.predict_targets if isinstance(posterior, PerFamilyPosterior)
                   else posterior.predict)
        mean, std = predict(x[None, :])
        proposal = Proposal(
            ProposalSource.MODEL, predicted_mean=float(warp.inverse(mean)[0]),
            predicted_std=float(warp.inverse_std(mean, std)[0]), acquisition=value,
        )
        return self.encoder.decode(x), proposal


class TPESearcher(ModelBasedSearcher):
    """Multivariate, conditional-aware TPE: the best of ``n_candidates`` samples from ``l``."""

    def __init__(self, space: CashSpace, seed: int, minimize: bool = True,
                 n_candidates: int = 64, **options: Any) -> None:
        super().__init__(space, seed, minimize, **options)
        self.n_candidates = int(n_candidates)
        self.model = TreeParzen(self.encoder)

    def _propose_from_model(
        self, X: np.ndarray, y: np.ndarray, X_pending: np.ndarray, excluded: set[bytes],
        rng: np.random.Generator,
    ) -> tuple[Configuration, Proposal] | None:
        ratio = self.model.fit(X, y, X_pending)
        candidates = ratio.sample(self.n_candidates, rng)
        values = ratio(candidates)
        keys = self.encoder.keys(candidates)
        for i in np.argsort(-values, kind="stable"):
            if keys[i] not in excluded:
                proposal = Proposal(ProposalSource.MODEL, acquisition=float(values[i]))
                return self.encoder.decode(candidates[i]), proposal
        return None


def sorted_configs(configs: set[Configuration]) -> list[Configuration]:
    """Configurations in a canonical order, so set iteration order never changes a proposal."""
    return sorted(configs, key=lambda c: repr(c.to_dict()))


def _with_incumbent(proposal: Proposal, incumbent: TrialRecord | None,
                    searcher: Searcher) -> Proposal:
    if incumbent is None:
        return proposal
    return replace(proposal, incumbent=incumbent.config, incumbent_loss=searcher.loss_of(incumbent))
