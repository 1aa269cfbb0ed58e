"""Saving and loading fitted models with skops: an explicit list of trusted types, never pickle.

skops is imported when a model is saved or loaded, not with the engine: it pulls in about 15 MB
(scikit-learn's test utilities among them) that a search never needs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from automl_core.exceptions import AutoMLError

# Every type a saved model may contain. Loading refuses a file with any other type.
TRUSTED_TYPES: tuple[str, ...] = (
    "automl_core.data.column_types.ColumnKind",
    "automl_core.data.task.Task",
    "automl_core.pipelines.model.EnsembleModel",
    "automl_core.pipelines.model.FittedPipeline",
    "automl_core.pipelines.preprocessing.Encoding",
    "automl_core.pipelines.preprocessing.TabularPreprocessor",
    "lightgbm.basic.Booster",
    "lightgbm.sklearn.LGBMClassifier",
    "lightgbm.sklearn.LGBMRegressor",
    "collections.OrderedDict",
    "collections.defaultdict",
    "builtins.slice",
    "numpy.dtype",
    "numpy.ndarray",
    "numpy.float64",
    "numpy.int64",
    "numpy.random.RandomState",
    "numpy.random.mtrand.RandomState",
    "numpy.random._mt19937.MT19937",
    "sklearn._loss.link.Interval",
    "sklearn._loss.link.IdentityLink",
    "sklearn._loss.link.LogitLink",
    "sklearn._loss.link.MultinomialLogit",
    "sklearn._loss.loss.HalfBinomialLoss",
    "sklearn._loss.loss.HalfMultinomialLoss",
    "sklearn._loss.loss.HalfSquaredError",
    "sklearn.ensemble._hist_gradient_boosting.binning._BinMapper",
    "sklearn.ensemble._hist_gradient_boosting.predictor.TreePredictor",
    "sklearn.ensemble._hist_gradient_boosting.gradient_boosting.HistGradientBoostingClassifier",
    "sklearn.ensemble._hist_gradient_boosting.gradient_boosting.HistGradientBoostingRegressor",
    "sklearn.ensemble._forest.ExtraTreesClassifier",
    "sklearn.ensemble._forest.ExtraTreesRegressor",
    "sklearn.ensemble._forest.RandomForestClassifier",
    "sklearn.ensemble._forest.RandomForestRegressor",
    "sklearn.tree._classes.DecisionTreeClassifier",
    "sklearn.tree._classes.DecisionTreeRegressor",
    "sklearn.tree._classes.ExtraTreeClassifier",
    "sklearn.tree._classes.ExtraTreeRegressor",
    "sklearn.tree._tree.Tree",
    "sklearn.linear_model._logistic.LogisticRegression",
    "sklearn.linear_model._ridge.Ridge",
    "sklearn.neighbors._classification.KNeighborsClassifier",
    "sklearn.neighbors._regression.KNeighborsRegressor",
    "sklearn.neighbors._kd_tree.KDTree",
    "sklearn.neighbors._ball_tree.BallTree",
    # The distances kNN's trees keep: p=1 is Manhattan, p=2 Euclidean, others Minkowski.
    "sklearn.metrics._dist_metrics.EuclideanDistance64",
    "sklearn.metrics._dist_metrics.ManhattanDistance64",
    "sklearn.metrics._dist_metrics.MinkowskiDistance64",
    "sklearn.utils._bunch.Bunch",
    # The MLP family: scikit-learn's MLP with a deadline check, and the Adam state it keeps.
    "automl_core.pipelines.estimators.mlp.ClipToTrainingRange",
    "automl_core.pipelines.estimators.mlp.DeadlineMLPClassifier",
    "automl_core.pipelines.estimators.mlp.DeadlineMLPRegressor",
    "sklearn.neural_network._stochastic_optimizers.AdamOptimizer",
    # HistGradientBoosting with native categories keeps a partial of check_array; skops lists
    # the wrapped function as its own type, so trusting partial does not trust arbitrary code.
    "functools.partial",
    "sklearn.utils.validation.check_array",
)


def save_state(state: dict[str, Any], path: str | Path) -> None:
    """Write ``state`` to ``path`` in the skops format."""
    import skops.io as sio  # see the module docstring

    sio.dump(state, Path(path))


def load_state(path: str | Path) -> dict[str, Any]:
    """Read a state written by :func:`save_state`, refusing any type not in the trusted list."""
    import skops.io as sio  # see the module docstring

    path = Path(path)
    untrusted = sorted(set(sio.get_untrusted_types(file=path)) - set(TRUSTED_TYPES))
    if untrusted:
        raise AutoMLError("untrusted_model_file", "The model file contains types that are not "
                          f"trusted: {', '.join(untrusted[:5])}.", {"types": untrusted})
    state = sio.load(path, trusted=list(TRUSTED_TYPES))
    if not isinstance(state, dict):
        raise AutoMLError("bad_model_file", "The file is not a saved automl_core model.")
    return state
