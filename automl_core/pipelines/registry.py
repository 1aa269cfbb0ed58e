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
    mlp,
    random_forest,
)
from automl_core.pipelines.family import Family
from automl_core.search.space import CashSpace, Configuration

FAMILIES: dict[str, Family] = {
    family.name: family
    for family in (lightgbm.FAMILY, hist_gradient_boosting.FAMILY, random_forest.FAMILY,
                   extra_trees.FAMILY, linear.FAMILY, knn.FAMILY, mlp.FAMILY)
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


# Which family's n-th portfolio entry comes when. Gradient boosting is the strongest family on
# tabular data (Grinsztajn et al. 2022; the AutoGluon and FLAML portfolios), so its variants come
# before the slower forests; a cheap linear model and the forests follow early because ensembles
# gain most from members that err differently.
PORTFOLIO_ORDER = (("lightgbm", 0), ("hist_gradient_boosting", 0), ("linear", 0), ("lightgbm", 1),
                   ("extra_trees", 0), ("lightgbm", 2), ("random_forest", 0), ("lightgbm", 3),
                   ("knn", 0))


def portfolio(space: CashSpace, task: Task) -> list[Configuration]:
    """Strong default configurations of the space's families, in ``PORTFOLIO_ORDER``.

    Entries the order does not name (a family's further defaults) follow, interleaved by rank.
    """
    per_family = {name: [Configuration(name, c) for c in get_family(name).portfolio(task)]
                  for name in space.algorithms}
    slots = [*PORTFOLIO_ORDER, *((name, rank) for rank in range(max(
        (len(p) for p in per_family.values()), default=0)) for name in per_family)]
    ordered: list[Configuration] = []
    for name, rank in slots:
        configs = per_family.get(name, [])
        if rank < len(configs) and configs[rank] not in ordered:
            ordered.append(configs[rank])
    return ordered
