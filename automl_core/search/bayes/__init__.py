"""Model-based search: Bayesian optimisation (GP, random forest) and TPE.

Importing this package registers its searchers with :mod:`automl_core.search.registry`, which the
registry does by itself the first time a searcher is looked up.
"""

from automl_core.search.bayes.optimizer import Optimizer
from automl_core.search.bayes.searcher import (
    BayesianSearcher,
    ModelBasedSearcher,
    Proposal,
    ProposalSource,
    SurrogateKind,
    TPESearcher,
)
from automl_core.search.bayes.variants import (
    GPEISearcher,
    GPPISearcher,
    GPUCBSearcher,
    RFEISearcher,
)
from automl_core.search.registry import SearcherKind, register_searcher

register_searcher(SearcherKind.GP_EI, GPEISearcher)
register_searcher(SearcherKind.GP_UCB, GPUCBSearcher)
register_searcher(SearcherKind.GP_PI, GPPISearcher)
register_searcher(SearcherKind.RF_EI, RFEISearcher)
register_searcher(SearcherKind.TPE, TPESearcher)

__all__ = [
    "BayesianSearcher", "GPEISearcher", "GPPISearcher", "GPUCBSearcher", "ModelBasedSearcher",
    "Optimizer", "Proposal", "ProposalSource", "RFEISearcher", "SurrogateKind", "TPESearcher",
]
