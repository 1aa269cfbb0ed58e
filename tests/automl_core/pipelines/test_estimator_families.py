import numpy as np
import pytest

from automl_core.data.task import Task
from automl_core.pipelines.family import FitContext
from automl_core.pipelines.model import align_proba
from automl_core.pipelines.registry import FAMILIES, cash_space
from automl_core.search.space import Configuration

RNG = np.random.default_rng(0)
X = RNG.normal(size=(240, 5))
Y = {Task.BINARY: (X[:, 0] > 0).astype(int), Task.MULTICLASS: np.digitize(X[:, 0], [-0.5, 0.5]),
     Task.REGRESSION: X[:, 0] * 3 + X[:, 1]}


@pytest.mark.parametrize("task", list(Task))
@pytest.mark.parametrize("name", list(FAMILIES))
def test_each_family_portfolio_lies_in_its_space_and_learns(name, task):
    family = FAMILIES[name]
    space = cash_space(task, n_rows=len(X), algorithms=[name])
    rng = np.random.default_rng(1)
    configs = [Configuration(name, c) for c in family.portfolio(task)] + [space.sample(rng)]
    n_classes = len(np.unique(Y[task])) if task.is_classification else 0
    context = FitContext(task, n_classes, seed=0)
    for config in configs:
        space.validate(config)
        model = family.fit(family.build(config.params, context), X[:200], Y[task][:200], context)
        if task.is_classification:
            proba = align_proba(model, X[200:], n_classes)
            assert np.allclose(proba.sum(axis=1), 1.0)
            assert (proba.argmax(axis=1) == Y[task][200:]).mean() > 0.6
        else:
            assert np.corrcoef(model.predict(X[200:]), Y[task][200:])[0, 1] > 0.6


def test_class_weight_is_searched_only_for_classification():
    names = {p.name for p in cash_space(Task.REGRESSION, 100).params_of("lightgbm")}
    assert "class_weight" not in names
    names = {p.name for p in cash_space(Task.BINARY, 100).params_of("lightgbm")}
    assert "class_weight" in names


def test_knn_is_left_out_of_the_space_on_large_data():
    assert "knn" not in cash_space(Task.BINARY, n_rows=1_000_000).algorithms


def test_hist_gradient_boosting_splits_category_codes_as_categories():
    from automl_core.pipelines.estimators.hist_gradient_boosting import FAMILY

    codes = np.column_stack([X[:, 0], RNG.integers(0, 4, size=len(X))])
    context = FitContext(Task.BINARY, 2, seed=0, categorical=(1,))
    config = FAMILY.portfolio(Task.BINARY)[0]
    model = FAMILY.fit(FAMILY.build(config, context), codes, Y[Task.BINARY], context)
    assert list(model.is_categorical_) == [False, True]


@pytest.mark.parametrize("name", ["lightgbm", "hist_gradient_boosting"])
def test_boosting_fits_exactly_the_given_rounds_on_every_row(name):
    family = FAMILIES[name]
    config = family.portfolio(Task.REGRESSION)[0]
    context = FitContext(Task.REGRESSION, 0, seed=0, rounds=70)
    model = family.fit(family.build(config, context), X, Y[Task.REGRESSION], context)
    grown = model.n_iter_ if name == "hist_gradient_boosting" else model.booster_.num_trees()
    assert grown == 70  # no early stopping cut it short, and no rows were held out for it


def _fit_forest(name: str, task: Task, rows: int, n_trees: int, leaf: int, seed: int):
    """A forest of family ``name`` fitted on seeded data; returns it, its params and classes."""
    family = FAMILIES[name]
    rng = np.random.default_rng(seed)
    features = rng.normal(size=(rows, 5))
    target = features[:, 0] + rng.normal(size=rows)
    n_classes = 3 if task.is_classification else 0
    if n_classes:
        target = np.digitize(target, [-0.5, 0.5])
    params = {**family.portfolio(task)[0], "n_estimators": n_trees, "min_samples_leaf": leaf}
    context = FitContext(task, n_classes, seed=0)
    model = family.fit(family.build(params, context), features, target, context)
    return model, params, n_classes, (features, target)


@pytest.mark.parametrize(("name", "task"), [("random_forest", Task.REGRESSION),
                                            ("extra_trees", Task.MULTICLASS)])
def test_a_forest_stays_within_its_memory_budget(name, task, monkeypatch):
    from automl_core.pipelines.estimators import forests

    monkeypatch.setattr(forests, "FOREST_BYTES", 2**20)  # 1 MiB: leaf-1 trees would need ~4x
    model, params, n_classes, (features, target) = _fit_forest(name, task, 2000, 100, 1, seed=2)
    node_bytes = forests.NODE_BYTES + 8 * max(1, n_classes)
    nodes = sum(tree.tree_.node_count for tree in model.estimators_)
    assert len(model.estimators_) == 100
    assert nodes * node_bytes <= forests.FOREST_BYTES
    unbounded = FAMILIES[name].build(params, FitContext(task, n_classes, seed=0))
    unbounded.set_params(max_leaf_nodes=None, n_estimators=5).fit(features, target)
    assert sum(t.tree_.node_count for t in unbounded.estimators_) * 20 > nodes  # it did bind


@pytest.mark.parametrize(("name", "task", "leaf", "rows"), [
    ("random_forest", Task.REGRESSION, 1, 300), ("extra_trees", Task.MULTICLASS, 3, 300),
    ("random_forest", Task.MULTICLASS, 1, 3000), ("extra_trees", Task.REGRESSION, 2, 3000)])
def test_forest_bytes_bounds_the_fitted_forest(name, task, leaf, rows, monkeypatch):
    from automl_core.pipelines.estimators import forests

    monkeypatch.setattr(forests, "FOREST_BYTES", 2**20)  # binds at 3,000 rows, not at 300
    family = FAMILIES[name]
    model, params, n_classes, _ = _fit_forest(name, task, rows, 50, leaf, seed=3)
    used = family.fitted_bytes(model, n_classes)
    assert used == sum(t.tree_.node_count for t in model.estimators_) * (64 + 8 * max(1, n_classes))
    bound = family.model_bytes(params, rows, n_classes)
    assert used <= bound <= forests.FOREST_BYTES
    assert used > bound / 4  # a bound, but not a loose one


def test_max_leaves_shrinks_with_more_trees_and_classes():
    from automl_core.pipelines.estimators.forests import FOREST_BYTES, max_leaves

    assert max_leaves(100, 0) > max_leaves(300, 0) > max_leaves(300, 10)
    assert (2 * max_leaves(300, 0) - 1) * 300 * 72 <= FOREST_BYTES
    assert max_leaves(10**9, 2) == 2
