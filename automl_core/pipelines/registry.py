"""All estimator families, by name, and the CASH space they span."""

from __future__ import annotations

from automl_core.data.task import Task
from automl_core.exceptions import ConfigError
from automl_core.pipelines.estimators import (
    extra_trees,
    hist_gradient_boosting,
    knn,
    lightgbm,
    linear,
    random_forest,
)
from automl_core.pipelines.family import Family
from automl_core.search.space import CashSpace, Configuration

FAMILIES: dict[str, Family] = {
    family.name: family
    for family in (lightgbm.FAMILY, hist_gradient_boosting.FAMILY, random_forest.FAMILY,
                   extra_trees.FAMILY, linear.FAMILY, knn.FAMILY)
}


def get_family(name: str) -> Family:
    """The family called ``name``."""
    try:
        return FAMILIES[name]
    except KeyError:
        raise ConfigError("unknown_algorithm", f"Unknown algorithm '{name}'; choose among "
                          f"{', '.join(FAMILIES)}.", {"algorithm": name}) from None


def cash_space(task: Task, n_rows: int, algorithms: list[str] | None = None) -> CashSpace:
    """The CASH space of the chosen families that are worth trying at this data size."""
    names = algorithms or list(FAMILIES)
    families = [get_family(n) for n in names]
    usable = [f for f in families if f.max_rows is None or n_rows <= f.max_rows]
    return CashSpace({f.name: f.space(task) for f in usable or families})


def portfolio(space: CashSpace, task: Task) -> list[Configuration]:
    """Strong default configurations, interleaved across families (best-known first)."""
    per_family = [[Configuration(name, c) for c in get_family(name).portfolio(task)]
                  for name in space.algorithms]
    ordered: list[Configuration] = []
    for rank in range(max((len(p) for p in per_family), default=0)):
        ordered.extend(p[rank] for p in per_family if rank < len(p))
    return ordered
