"""Shared fitting for the two bagged-tree families: grow trees in chunks until the deadline.

A forest grown to leaves of one or two rows holds about two nodes per training row in every tree,
so 300 such trees on a few thousand rows reach hundreds of MB: more than all the other families
together. Each forest is therefore held to ``FOREST_BYTES`` by capping its trees' leaf count.
"""

from __future__ import annotations

from typing import Any, cast

import numpy as np
from sklearn.utils.class_weight import compute_class_weight

from automl_core.pipelines.family import FitContext, Params
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

    A binary tree with L leaves has 2L - 1 nodes (see :func:`node_bytes`).
    """
    nodes_per_tree = FOREST_BYTES // (node_bytes(n_classes) * n_trees)
    return max(2, (nodes_per_tree + 1) // 2)


def node_bytes(n_classes: int) -> int:
    """Bytes of one tree node: a record and one float per class (one value in regression, where
    ``n_classes`` is 0)."""
    return NODE_BYTES + 8 * max(1, n_classes)


def forest_bytes(params: Params, n_rows: int, n_classes: int) -> int:
    """An upper bound of the node memory of a forest with ``params`` fitted on ``n_rows`` rows.

    Each tree has at most the leaf cap's leaves, and no more than its rows allow
    (``n_rows / min_samples_leaf``): on small data a forest stays far below ``FOREST_BYTES``.
    """
    n_trees = int(cast(int, params["n_estimators"]))
    by_rows = max(1, n_rows // int(cast(int, params.get("min_samples_leaf", 1))))
    leaves = min(max_leaves(n_trees, n_classes), by_rows)
    return n_trees * (2 * leaves - 1) * node_bytes(n_classes)


def fitted_forest_bytes(estimator: Any, n_classes: int) -> int:
    """The node memory of a fitted forest (what :func:`forest_bytes` bounds in advance)."""
    nodes = sum(int(tree.tree_.node_count) for tree in estimator.estimators_)
    return nodes * node_bytes(n_classes)


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
