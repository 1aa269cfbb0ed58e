"""Multilayer perceptrons whose architecture is searched: 1 to 3 hidden layers of chosen widths.

The depth ``n_layers`` is an ordinary hyperparameter and the width of layer ``k`` is a conditional
one, active only when the network has at least ``k`` layers, so every searcher explores the
architecture together with the optimiser's settings (a small neural architecture search).

Training is Adam for at most ``MAX_EPOCHS`` epochs, with a searched early-stopping rule
(``early_stopping``): ``"valid"`` stops when the score on an inner validation split has not
improved for ``PATIENCE`` epochs (the training loss decides instead when that split is impossible),
``"train"`` when the training loss has not, training on every row. Training also stops at the
trial's deadline after the current epoch. Inputs arrive scaled and one-hot encoded
(``Encoding.LINEAR``); regression targets are standardised too, because an MLP's squared loss and
initialisation assume targets near unit scale. At prediction time inputs are clipped to the range
seen in training: a ReLU network extrapolates linearly, and on ``taxis`` one test trip dated a
month before every training trip got a predicted fare of 215 instead of about 5 (trees, by
contrast, extrapolate flat).
Above ``MAX_TRAIN_ROWS`` rows the network trains on a random subset, so an epoch stays short.

Threads: scikit-learn's MLP has no ``n_jobs``; its matrix products run on BLAS, capped here at one
thread (below any ``FitContext.n_jobs``): mini-batch products are small, and on a busy two-core
machine two OpenBLAS threads made a 128x67 by 67x128 product 36 times slower than one (an epoch of
22,000 ``adult`` rows took 16 s instead of well under one). Class imbalance: scikit-learn's
MLP has no ``class_weight`` option, so unlike the other families the search cannot rebalance
classes for it; its probabilities stay calibrated to the training frequencies.
"""

from __future__ import annotations

import time
import warnings
from contextvars import ContextVar
from typing import Any, cast

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.compose import TransformedTargetRegressor
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier, MLPRegressor
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from threadpoolctl import threadpool_limits

from automl_core.data.task import Task
from automl_core.pipelines.family import Family, FitContext, Params
from automl_core.pipelines.preprocessing import Encoding
from automl_core.search.space import (
    CategoricalParam,
    Condition,
    FloatParam,
    IntParam,
    JsonScalar,
    Param,
)

MAX_LAYERS = 3
MAX_EPOCHS = 200
PATIENCE = 20  # epochs without validation improvement before stopping
VALID_SHARE = 0.1
MIN_ROWS_FOR_EARLY_STOPPING = 50
MAX_TRAIN_ROWS = 50_000

# The deadline of the fit in progress. A context variable rather than an estimator attribute:
# TransformedTargetRegressor clones its regressor, and a clone keeps only constructor parameters.
_DEADLINE: ContextVar[float | None] = ContextVar("mlp_deadline", default=None)


# What decides when training stops early: the score on an inner validation split, or the loss.
STOP_ON = ("valid", "train")


def space(task: Task) -> tuple[Param, ...]:
    """Depth, the width of each active layer, activation, Adam's settings and the
    early-stopping rule."""
    return (
        IntParam("n_layers", 1, MAX_LAYERS),
        *(_width(k) for k in range(1, MAX_LAYERS + 1)),
        CategoricalParam("activation", ("relu", "tanh")),
        FloatParam("learning_rate_init", 1e-4, 1e-1, log=True),
        FloatParam("alpha", 1e-7, 1e-1, log=True),
        IntParam("batch_size", 32, 512, log=True),
        CategoricalParam("early_stopping", STOP_ON),
    )


def _width(layer: int) -> IntParam:
    """The width of hidden layer ``layer`` (1-based), used only by networks that deep."""
    depths = tuple(range(layer, MAX_LAYERS + 1))
    condition = None if layer == 1 else Condition("n_layers", depths)
    return IntParam(f"units_{layer}", 16, 256, log=True, condition=condition)


def portfolio(task: Task) -> list[dict[str, JsonScalar]]:
    """A funnel of two ReLU layers with Adam's usual rate and a little weight decay."""
    return [{"n_layers": 2, "units_1": 128, "units_2": 64, "activation": "relu",
             "learning_rate_init": 1e-3, "alpha": 1e-4, "batch_size": 128,
             "early_stopping": "valid"}]


def hidden_layer_sizes(params: Params) -> tuple[int, ...]:
    """The architecture a configuration describes, e.g. ``(128, 64)``."""
    depth = int(params["n_layers"])  # type: ignore[arg-type]
    return tuple(int(params[f"units_{k}"]) for k in range(1, depth + 1))  # type: ignore[arg-type]


class DeadlineMLPClassifier(MLPClassifier):  # type: ignore[misc]  # sklearn has no types
    """An MLP classifier that ends training after the epoch in which the fit's deadline passed."""

    def _update_no_improvement_count(self, *args: Any) -> None:
        super()._update_no_improvement_count(*args)
        _stop_at_deadline(self)


class DeadlineMLPRegressor(MLPRegressor):  # type: ignore[misc]  # sklearn has no types
    """An MLP regressor that ends training after the epoch in which the fit's deadline passed."""

    def _update_no_improvement_count(self, *args: Any) -> None:
        super()._update_no_improvement_count(*args)
        _stop_at_deadline(self)


class ClipToTrainingRange(TransformerMixin, BaseEstimator):  # type: ignore[misc]
    """Clip every column to the [min, max] it had in training."""

    def fit(self, X: np.ndarray, y: Any = None) -> ClipToTrainingRange:  # noqa: N803
        """Remember each column's range."""
        self.low_ = np.min(X, axis=0)
        self.high_ = np.max(X, axis=0)
        return self

    def transform(self, X: np.ndarray) -> np.ndarray:  # noqa: N803
        """``X`` with each column clipped to its training range."""
        return cast(np.ndarray, np.clip(X, self.low_, self.high_))


def network_of(estimator: Any) -> MLPClassifier | MLPRegressor:
    """The MLP inside an estimator :func:`build` returned (the fitted one once it is fitted)."""
    if isinstance(estimator, TransformedTargetRegressor):
        estimator = getattr(estimator, "regressor_", estimator.regressor)
    return estimator[-1]


def _stop_at_deadline(network: MLPClassifier | MLPRegressor) -> None:
    """Make the epoch loop stop as if patience ran out (Adam then stops; best weights kept).

    scikit-learn offers no per-epoch callback, so this hooks its private per-epoch method
    ``_update_no_improvement_count`` (scikit-learn 1.9); ``test_mlp.py`` checks that an expired
    deadline still stops training after one epoch, which would catch a rename.
    """
    deadline = _DEADLINE.get()
    if deadline is not None and time.monotonic() > deadline:
        network._no_improvement_count = network.n_iter_no_change + 1


def build(params: Params, context: FitContext) -> Any:
    """Clipping to the training range, then an MLP classifier, or an MLP regressor on a
    standardised target."""
    options: dict[str, Any] = {
        "hidden_layer_sizes": hidden_layer_sizes(params),
        "activation": params["activation"],
        "solver": "adam",
        "learning_rate_init": float(params["learning_rate_init"]),  # type: ignore[arg-type]
        "alpha": float(params["alpha"]),  # type: ignore[arg-type]
        "batch_size": int(params["batch_size"]),  # type: ignore[arg-type]
        "max_iter": MAX_EPOCHS,
        # Configurations stored before the rule was searched stopped on the validation split.
        "early_stopping": params.get("early_stopping", "valid") == "valid",
        "validation_fraction": VALID_SHARE,
        "n_iter_no_change": PATIENCE,
        "random_state": context.seed,
    }
    if context.task.is_classification:
        return Pipeline([("clip", ClipToTrainingRange()),
                         ("mlp", DeadlineMLPClassifier(**options))])
    network = Pipeline([("clip", ClipToTrainingRange()), ("mlp", DeadlineMLPRegressor(**options))])
    return TransformedTargetRegressor(regressor=network, transformer=StandardScaler())


def fit(estimator: Any, X: np.ndarray, y: np.ndarray, context: FitContext) -> Any:  # noqa: N803
    """Fit on at most ``MAX_TRAIN_ROWS`` rows on one BLAS thread, stopping after the epoch in
    which the deadline passed."""
    if len(y) > MAX_TRAIN_ROWS:
        rows = np.sort(np.random.default_rng(context.seed).choice(len(y), MAX_TRAIN_ROWS,
                                                                   replace=False))
        X, y = X[rows], y[rows]  # noqa: N806
    network = network_of(estimator)
    early_stopping = bool(network.early_stopping) and _can_early_stop(y, context.task)
    train_rows = len(y) - (int(np.ceil(VALID_SHARE * len(y))) if early_stopping else 0)
    network.set_params(early_stopping=early_stopping,
                       batch_size=max(1, min(network.batch_size, train_rows)))
    token = _DEADLINE.set(context.deadline)
    try:
        with warnings.catch_warnings(), threadpool_limits(limits=1, user_api="blas"):
            # Reaching MAX_EPOCHS or the deadline is the intended bound, not a problem to report.
            warnings.simplefilter("ignore", ConvergenceWarning)
            return estimator.fit(X, y)
    finally:
        _DEADLINE.reset(token)


def _can_early_stop(y: np.ndarray, task: Task) -> bool:
    """Whether the inner validation split is possible: enough rows, and for classification a
    stratified split (every class twice, at least one validation row per class)."""
    if len(y) < MIN_ROWS_FOR_EARLY_STOPPING:
        return False
    if not task.is_classification:
        return True
    _, counts = np.unique(y, return_counts=True)
    return bool(counts.min() >= 2 and np.ceil(VALID_SHARE * len(y)) >= len(counts))


FAMILY = Family("mlp", Encoding.LINEAR, space, build, fit, portfolio)
