"""The Bayesian-optimisation searchers offered by name (see ``automl_core.search.registry``)."""

from __future__ import annotations

from automl_core.search.bayes.acquisition import AcquisitionKind
from automl_core.search.bayes.searcher import BayesianSearcher, SurrogateKind


class GPEISearcher(BayesianSearcher):
    """Gaussian process with log expected improvement (``gp-ei``)."""

    default_surrogate = SurrogateKind.GP
    default_acquisition = AcquisitionKind.EI


class GPUCBSearcher(BayesianSearcher):
    """Gaussian process with the GP-UCB confidence bound (``gp-ucb``)."""

    default_surrogate = SurrogateKind.GP
    default_acquisition = AcquisitionKind.UCB


class GPPISearcher(BayesianSearcher):
    """Gaussian process with log probability of improvement (``gp-pi``)."""

    default_surrogate = SurrogateKind.GP
    default_acquisition = AcquisitionKind.PI


class RFEISearcher(BayesianSearcher):
    """SMAC-style random forest with log expected improvement (``rf-ei``)."""

    default_surrogate = SurrogateKind.RF
    default_acquisition = AcquisitionKind.EI
