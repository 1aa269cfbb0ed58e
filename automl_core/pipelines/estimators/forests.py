"""Shared fitting for the two bagged-tree families: grow trees in chunks until the deadline.

A forest grown to leaves of one or two rows holds about two nodes per training row in every tree,
so 300 such trees on a few thousand rows reach hundreds of MB: more than all the other families
together. Each forest is therefore held to ``FOREST_BYTES`` by capping its trees' leaf count.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from sklearn.utils.class_weight import compute_class_weight

from automl_core.pipelines.family import FitContext
from automl_core.search.space import CategoricalParam, FloatParam, IntParam, Param

CHUNK = 50
FOREST_BYTES = 64 * 2**20  # memory budget of one fitted forest (its trees' node arrays)
NODE_BYTES = 64  # scikit-learn's tree node record, without the node's value array


def forest_space(classification: bool) -> tuple[Param, ...]:
    """The hyperparameters random forests and extra trees share."""
    params: tuple[Param, ...] = (
        IntParam("n_estimators", 100, 500, log=True),
        FloatParam("max_features", 0.1, 1.0),
        IntParam("min_samples_leaf", 1, 20, log=True),
        CategoricalParam("bootstrap", (True, False)),
    )
    if classification:
        params += (CategoricalParam("criterion", ("gini", "entropy")),
                   CategoricalParam("class_weight", ("none", "balanced")))
    return params


def forest_options(params: dict[str, Any], context: FitContext) -> dict[str, Any]:
    """Constructor options shared by both forests."""
    options = dict(params)
    if "class_weight" in options:
        options["class_weight"] = None if options["class_weight"] == "none" else "balanced"
    options.update(random_state=context.seed, n_jobs=context.n_jobs, warm_start=True,
                   max_leaf_nodes=max_leaves(int(options["n_estimators"]), context.n_classes))
    return options


def max_leaves(n_trees: int, n_classes: int) -> int:
    """The most leaves per tree that keep ``n_trees`` trees within ``FOREST_BYTES``.

    A binary tree with L leaves has 2L - 1 nodes; each node holds a record and one float per
    class (one value in regression, where ``n_classes`` is 0).
    """
    node_bytes = NODE_BYTES + 8 * max(1, n_classes)
    nodes_per_tree = FOREST_BYTES // (node_bytes * n_trees)
    return max(2, (nodes_per_tree + 1) // 2)


def fit_in_chunks(estimator: Any, X: np.ndarray, y: np.ndarray,  # noqa: N803
                  context: FitContext) -> Any:
    """Grow ``CHUNK`` trees at a time (warm start), stopping at the deadline."""
    if estimator.get_params().get("class_weight") == "balanced":
        # Warm start re-reads the preset on each chunk; fixed weights keep every chunk the same.
        classes = np.unique(y)
        weights = compute_class_weight("balanced", classes=classes, y=y)
        estimator.set_params(class_weight=dict(zip(classes.tolist(), weights, strict=True)))
    target = estimator.get_params()["n_estimators"]
    grown = 0
    while grown < target:
        grown = min(target, grown + CHUNK)
        estimator.set_params(n_estimators=grown)
        estimator.fit(X, y)
        if context.time_left() <= 0:
            break
    return estimator
