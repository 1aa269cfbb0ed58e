"""The multilayer-perceptron family: architecture from the configuration, training, deadlines."""

import subprocess
import sys
import time

import numpy as np
import pandas as pd
import pytest
from conftest import REPO_ROOT
from sklearn.compose import TransformedTargetRegressor
from sklearn.datasets import load_breast_cancer, load_diabetes, load_wine
from sklearn.metrics import accuracy_score, r2_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

from automl_core import AutoML
from automl_core.data.reading import read_csv
from automl_core.data.task import Task
from automl_core.pipelines.estimators import mlp
from automl_core.pipelines.family import FitContext
from automl_core.pipelines.model import align_proba
from automl_core.pipelines.preprocessing import Encoding
from automl_core.pipelines.registry import FAMILIES, cash_space
from automl_core.search.space import Configuration, SpaceError

FAMILY = FAMILIES["mlp"]
THREE_LAYERS = {"n_layers": 3, "units_1": 64, "units_2": 32, "units_3": 16, "activation": "relu",
                "learning_rate_init": 3e-3, "alpha": 1e-4, "batch_size": 64,
                "early_stopping": "valid"}


def scaled_split(loader):
    X, y = loader(return_X_y=True)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)
    scaler = StandardScaler().fit(X_train)
    return scaler.transform(X_train), scaler.transform(X_test), y_train, y_test


def fit(params, task, X, y, n_classes=0, **context):
    context = FitContext(task, n_classes, seed=0, **context)
    return FAMILY.fit(FAMILY.build(params, context), X, y, context)


def test_the_family_is_registered_on_scaled_one_hot_inputs():
    assert FAMILY.name == "mlp"
    assert FAMILY.encoding is Encoding.LINEAR
    assert "mlp" in cash_space(Task.BINARY, n_rows=1_000).algorithms


def test_the_architecture_in_the_configuration_becomes_the_hidden_layers():
    context = FitContext(Task.BINARY, 2, seed=0)
    assert mlp.network_of(FAMILY.build(THREE_LAYERS, context)).hidden_layer_sizes == (64, 32, 16)
    shallow = {**FAMILY.portfolio(Task.BINARY)[0], "n_layers": 1}
    del shallow["units_2"]
    assert mlp.network_of(FAMILY.build(shallow, context)).hidden_layer_sizes == (128,)


def test_a_binary_classifier_trains_the_configured_network():
    X_train, X_test, y_train, y_test = scaled_split(load_breast_cancer)
    model = fit(THREE_LAYERS, Task.BINARY, X_train, y_train, n_classes=2)
    network = mlp.network_of(model)
    assert [c.shape for c in network.coefs_] == [(30, 64), (64, 32), (32, 16), (16, 1)]
    assert roc_auc_score(y_test, align_proba(model, X_test, 2)[:, 1]) > 0.97
    assert network.early_stopping


def test_a_multiclass_classifier_predicts_probabilities_for_every_class():
    X_train, X_test, y_train, y_test = scaled_split(load_wine)
    model = fit(FAMILY.portfolio(Task.MULTICLASS)[0], Task.MULTICLASS, X_train, y_train,
                n_classes=3)
    proba = align_proba(model, X_test, 3)
    assert np.allclose(proba.sum(axis=1), 1.0)
    assert accuracy_score(y_test, proba.argmax(axis=1)) > 0.9


def test_a_regressor_learns_on_a_standardised_target_whatever_its_scale():
    X_train, X_test, y_train, y_test = scaled_split(load_diabetes)
    config = FAMILY.portfolio(Task.REGRESSION)[0]
    model = fit(config, Task.REGRESSION, X_train, y_train * 1e4)
    assert isinstance(model, TransformedTargetRegressor)
    # The same network on the raw target scores R² of about -4.7 here (diabetes is noisy: a
    # linear model reaches about 0.4).
    assert r2_score(y_test * 1e4, model.predict(X_test)) > 0.2


def test_inputs_outside_the_training_range_are_clipped_to_it():
    X_train, X_test, y_train, _ = scaled_split(load_diabetes)
    model = fit(THREE_LAYERS, Task.REGRESSION, X_train, y_train)
    far = X_test[:5].copy()
    far[:, 2] = 100.0  # far beyond any training value of the column
    edge = X_test[:5].copy()
    edge[:, 2] = X_train[:, 2].max()
    assert np.array_equal(model.predict(far), model.predict(edge))


def test_the_same_seed_gives_the_same_model():
    X_train, X_test, y_train, _ = scaled_split(load_breast_cancer)
    first = fit(THREE_LAYERS, Task.BINARY, X_train, y_train, n_classes=2)
    second = fit(THREE_LAYERS, Task.BINARY, X_train, y_train, n_classes=2)
    assert np.array_equal(first.predict_proba(X_test), second.predict_proba(X_test))


def test_training_stops_after_the_epoch_in_which_the_deadline_passed():
    X_train, _, y_train, _ = scaled_split(load_breast_cancer)
    model = fit(THREE_LAYERS, Task.BINARY, X_train, y_train, n_classes=2,
                deadline=time.monotonic() - 1.0)
    assert mlp.network_of(model).n_iter_ == 1
    unhurried = fit(THREE_LAYERS, Task.BINARY, X_train, y_train, n_classes=2)
    assert mlp.network_of(unhurried).n_iter_ > 1


def test_the_deadline_also_stops_the_regressor_inside_the_target_scaler():
    X_train, _, y_train, _ = scaled_split(load_diabetes)
    model = fit(THREE_LAYERS, Task.REGRESSION, X_train, y_train, deadline=time.monotonic() - 1.0)
    assert mlp.network_of(model).n_iter_ == 1


def test_large_data_trains_on_a_capped_random_subset(monkeypatch):
    monkeypatch.setattr(mlp, "MAX_TRAIN_ROWS", 100)
    X_train, _, y_train, _ = scaled_split(load_breast_cancer)
    model = fit(THREE_LAYERS, Task.BINARY, X_train, y_train, n_classes=2)
    # ``t_`` counts the training rows seen: 90 per epoch (100 rows less the 10% validation).
    network = mlp.network_of(model)
    assert network.t_ == network.n_iter_ * 90


def test_stopping_on_the_training_loss_trains_on_every_row(monkeypatch):
    monkeypatch.setattr(mlp, "MAX_TRAIN_ROWS", 100)
    X_train, X_test, y_train, _ = scaled_split(load_breast_cancer)
    model = fit({**THREE_LAYERS, "early_stopping": "train"}, Task.BINARY, X_train, y_train,
                n_classes=2)
    network = mlp.network_of(model)
    assert not network.early_stopping and network.validation_scores_ is None
    assert network.t_ == network.n_iter_ * 100  # no rows held out for validation
    assert align_proba(model, X_test, 2).shape == (len(X_test), 2)


def test_the_stopping_rule_is_searched_and_older_configurations_keep_the_validation_split():
    space = cash_space(Task.BINARY, n_rows=1_000, algorithms=["mlp"])
    rule = next(p for p in space.params_of("mlp") if p.name == "early_stopping")
    assert rule.choices == ("valid", "train")
    context = FitContext(Task.BINARY, 2, seed=0)
    older = {k: v for k, v in THREE_LAYERS.items() if k != "early_stopping"}
    assert mlp.network_of(FAMILY.build(older, context)).early_stopping
    assert not mlp.network_of(
        FAMILY.build({**THREE_LAYERS, "early_stopping": "train"}, context)).early_stopping


def test_a_class_too_small_to_stratify_turns_early_stopping_off():
    X_train, X_test, y_train, _ = scaled_split(load_wine)
    y_rare = y_train.copy()
    y_rare[0] = 3  # a fourth class with a single row
    model = fit(FAMILY.portfolio(Task.MULTICLASS)[0], Task.MULTICLASS, X_train, y_rare,
                n_classes=4)
    assert not mlp.network_of(model).early_stopping
    assert align_proba(model, X_test, 4).shape == (len(X_test), 4)


def test_widths_of_unused_layers_are_rejected_with_a_clear_message():
    space = cash_space(Task.BINARY, n_rows=1_000, algorithms=["mlp"])
    two_layers = {**THREE_LAYERS, "n_layers": 2}
    with pytest.raises(SpaceError, match=r"mlp\.units_3 is only used when n_layers is 3 "
                                         r"\(here n_layers is 2\)"):
        space.validate(Configuration("mlp", two_layers))
    del two_layers["units_3"], two_layers["units_2"]
    with pytest.raises(SpaceError, match=r"mlp\.units_2 is required when n_layers is 2 or 3"):
        space.validate(Configuration("mlp", two_layers))
    with pytest.raises(SpaceError, match=r"mlp\.units_1=1024 is not allowed; expected an "
                                         r"integer in \[16, 256\]"):
        space.validate(Configuration("mlp", {**THREE_LAYERS, "units_1": 1024}))


def test_sampled_architectures_have_exactly_one_width_per_layer():
    space = cash_space(Task.REGRESSION, n_rows=1_000, algorithms=["mlp"])
    rng = np.random.default_rng(0)
    for _ in range(30):
        config = space.validate(space.sample(rng))
        depth = config.params["n_layers"]
        widths = sorted(k for k in config.params if k.startswith("units_"))
        assert widths == [f"units_{k}" for k in range(1, depth + 1)]
        assert len(mlp.hidden_layer_sizes(config.params)) == depth


def test_a_search_restricted_to_mlp_fits_saves_and_loads(shared_dir, tmp_path):
    frame = read_csv(shared_dir / "datasets" / "car.csv").frame
    test = frame.sample(300, random_state=0)
    automl = AutoML(time_budget_s=8, seed=0, n_jobs=1, n_folds=3, algorithms=["mlp"])
    automl.fit(frame.drop(test.index), "class")
    assert {r.algorithm for r in automl.store.all()} == {"mlp"}
    features = test.drop(columns=["class"])
    assert (automl.predict(features) == test["class"].to_numpy()).mean() > 0.8
    path = tmp_path / "model.skops"
    automl.save(path)
    loaded = AutoML.load(path)
    pd.testing.assert_frame_equal(loaded.predict_proba(features), automl.predict_proba(features))


def test_the_cli_rejects_an_unknown_algorithm_in_one_line():
    result = subprocess.run([sys.executable, "-m", "automl_core", "run", "--train", "x.csv",
                             "--test", "x.csv", "--target", "y", "--time-budget", "5",
                             "--output", "p.csv", "--algorithms", "mlp,perceptron"],
                            cwd=REPO_ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "unknown algorithm(s) perceptron; choose among" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_cli_passes_the_chosen_algorithms_on():
    from automl_core.cli import build_parser

    args = build_parser().parse_args(["run", "--train", "a", "--test", "b", "--target", "y",
                                      "--time-budget", "5", "--output", "p",
                                      "--algorithms", " mlp, linear,mlp"])
    assert args.algorithms == ["mlp", "linear"]
    assert build_parser().parse_args(["run", "--train", "a", "--test", "b", "--target", "y",
                                      "--time-budget", "5", "--output", "p"]).algorithms is None
