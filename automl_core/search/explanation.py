"""Why a configuration was proposed, as plain JSON for a user interface ("why this trial").

A model-based searcher keeps a :class:`~automl_core.search.bayes.searcher.Proposal` per proposed
configuration, in loss units (lower is better). :func:`explain_configuration` turns it into a
JSON-safe dict in the metric's own units and direction (``loss = -score`` for a metric where
higher is better, as :meth:`Searcher.loss_of` defines it), so a page can say "predicted ROC AUC
0.912 ± 0.015". Every other proposal only names its source: a hand-written or portfolio
configuration the caller enqueued, a replayed one, or the searcher's own strategy.

Keys of the dict (absent when they do not apply, ``null`` when a number is not finite):

* ``source`` - an :class:`ExplanationSource` value; ``searcher`` - the searcher's name.
* ``fidelity`` - the share of training rows, when below 1 (Hyperband and BOHB);
  ``promoted_from`` - the number of the trial that earned the promotion (source ``promotion``).
* Model proposals: ``predicted_score`` and ``predicted_std`` (metric units; absent for TPE, which
  has no regression model), ``acquisition`` and ``acquisition_kind`` (``ei``, ``pi``, ``ucb``:
  the maximised ``log EI``, ``log PI`` or ``-LCB`` on the model's warped scale; ``tpe``: ``log
  l/g``), ``expected_improvement`` over the incumbent in metric units (from the predicted mean
  and standard deviation, a Gaussian approximation), and ``incumbent`` - ``{number, algorithm,
  score}`` of the best trial when the configuration was proposed.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from enum import StrEnum
from typing import Any, cast

from scipy import stats

from automl_core.search.base import Searcher
from automl_core.search.bayes.searcher import (
    BayesianSearcher,
    ModelBasedSearcher,
    Proposal,
    ProposalSource,
)
from automl_core.search.space import Configuration
from automl_core.search.trial import TrialRecord, TrialState


class ExplanationSource(StrEnum):
    """Where a proposed configuration came from.

    A strategy without a model names itself (``random``, ``grid``, ``evolution``, ``hyperband``,
    ``bohb``): the searcher's name is the source.
    """

    MANUAL = "manual"
    PORTFOLIO = "portfolio"
    REPLAY = "replay"
    INITIAL_DESIGN = "initial_design"
    MODEL = "model"
    RANDOM = "random"
    PROMOTION = "promotion"


_MODEL_SOURCES = {
    ProposalSource.DESIGN: ExplanationSource.INITIAL_DESIGN,
    ProposalSource.MODEL: ExplanationSource.MODEL,
    ProposalSource.RANDOM: ExplanationSource.RANDOM,
}


def explain_configuration(
    searcher: Searcher, config: Configuration, searcher_name: str,
    enqueued: Mapping[Configuration, ExplanationSource] | None = None,
) -> dict[str, Any]:
    """Why ``searcher`` (called ``searcher_name``) proposed ``config`` in its last ``ask``.

    ``enqueued`` names the source of each configuration the caller enqueued (hand-written,
    portfolio); those are asked before any of the strategy's own proposals.
    """
    explanation = _source_explanation(searcher, config, searcher_name, enqueued or {})
    if config.fidelity < 1.0:
        explanation["fidelity"] = config.fidelity
    return explanation


def source_only(source: ExplanationSource | str, searcher_name: str,
                **details: int | float | str) -> dict[str, Any]:
    """An explanation that only names its source, e.g. a trial added by hand while running."""
    return {"source": str(source), "searcher": searcher_name, **details}


def _source_explanation(searcher: Searcher, config: Configuration, searcher_name: str,
                        enqueued: Mapping[Configuration, ExplanationSource]) -> dict[str, Any]:
    if config in enqueued:
        return source_only(enqueued[config], searcher_name)
    proposal = searcher.explain(config) if isinstance(searcher, ModelBasedSearcher) else None
    if proposal is not None:
        # Only a model-based searcher explains a proposal.
        return _model_explanation(cast(ModelBasedSearcher, searcher), proposal, searcher_name)
    promoted_from = _promoted_from(searcher.history, config)
    if promoted_from is not None:
        return source_only(ExplanationSource.PROMOTION, searcher_name,
                           promoted_from=promoted_from.number)
    return source_only(searcher_name, searcher_name)


def _model_explanation(searcher: ModelBasedSearcher, proposal: Proposal,
                       searcher_name: str) -> dict[str, Any]:
    explanation = source_only(_MODEL_SOURCES[proposal.source], searcher_name)
    if proposal.source is not ProposalSource.MODEL:
        return explanation
    sign = 1.0 if searcher.minimize else -1.0  # loss = score, or loss = -score
    if proposal.predicted_mean is not None and proposal.predicted_std is not None:
        explanation["predicted_score"] = _finite(sign * proposal.predicted_mean)
        explanation["predicted_std"] = _finite(proposal.predicted_std)
        if proposal.incumbent_loss is not None:
            explanation["expected_improvement"] = _finite(expected_improvement(
                proposal.predicted_mean, proposal.predicted_std, proposal.incumbent_loss))
    explanation["acquisition"] = _finite(proposal.acquisition)
    explanation["acquisition_kind"] = (searcher.acquisition_kind.value
                                       if isinstance(searcher, BayesianSearcher) else "tpe")
    explanation["incumbent"] = _incumbent(searcher, proposal)
    return explanation


def expected_improvement(mean: float, std: float, best: float) -> float:
    """``E[max(best - f, 0)]`` for ``f ~ N(mean, std^2)``: the expected gain over ``best``
    (losses; the gain is the same amount in the metric's units)."""
    gap = best - mean
    if not std > 0:
        return max(gap, 0.0)
    z = gap / std
    return float(gap * stats.norm.cdf(z) + std * stats.norm.pdf(z))


def _incumbent(searcher: Searcher, proposal: Proposal) -> dict[str, Any] | None:
    """The incumbent at proposal time as ``{number, algorithm, score}``."""
    if proposal.incumbent is None:
        return None
    matches = [r for r in searcher.history
               if r.state is TrialState.COMPLETE and r.config == proposal.incumbent]
    if not matches:
        return None
    record = min(matches, key=lambda r: (searcher.loss_of(r), r.number))
    return {"number": record.number, "algorithm": record.algorithm,
            "score": _finite(record.score)}


def _promoted_from(history: tuple[TrialRecord, ...], config: Configuration) -> TrialRecord | None:
    """The highest-fidelity earlier trial of the same hyperparameters at a lower fidelity."""
    same = config.at_fidelity(1.0)
    lower = [r for r in history
             if r.config.at_fidelity(1.0) == same and r.config.fidelity < config.fidelity]
    return max(lower, key=lambda r: (r.config.fidelity, r.number), default=None)


def _finite(value: float | None) -> float | None:
    """``value`` as a float, or ``None`` when it is missing or not finite (not valid JSON)."""
    if value is None or not math.isfinite(value):
        return None
    return float(value)
