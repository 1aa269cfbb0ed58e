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
