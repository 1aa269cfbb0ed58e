"""Search: the CASH space, trial records and ask/tell searchers."""

from automl_core.search.base import Searcher
from automl_core.search.bayes import Optimizer
from automl_core.search.random import RandomSearcher
from automl_core.search.registry import SearcherKind, make_searcher, register_searcher
from automl_core.search.space import (
    CashSpace,
    CategoricalParam,
    Configuration,
    FloatParam,
    IntParam,
    Param,
    SpaceError,
)
from automl_core.search.trial import TrialRecord, TrialState

__all__ = [
    "CashSpace",
    "CategoricalParam",
    "Configuration",
    "FloatParam",
    "IntParam",
    "Optimizer",
    "Param",
    "RandomSearcher",
    "Searcher",
    "SearcherKind",
    "SpaceError",
    "TrialRecord",
    "TrialState",
    "make_searcher",
    "register_searcher",
]
