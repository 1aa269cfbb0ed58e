"""Multi-fidelity search: asynchronous Hyperband and BOHB over a share of the training rows.

Importing this package registers ``hyperband`` and ``bohb`` with
:mod:`automl_core.search.registry`, which the registry does by itself on first look-up.
"""

from automl_core.search.multifidelity.bohb import BOHBSearcher
from automl_core.search.multifidelity.hyperband import HyperbandSearcher
from automl_core.search.multifidelity.ladder import Ladder, Promotion
from automl_core.search.multifidelity.schedule import Schedule
from automl_core.search.registry import SearcherKind, register_searcher

register_searcher(SearcherKind.HYPERBAND, HyperbandSearcher)
register_searcher(SearcherKind.BOHB, BOHBSearcher)

__all__ = ["BOHBSearcher", "HyperbandSearcher", "Ladder", "Promotion", "Schedule"]
