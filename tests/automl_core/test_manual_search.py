"""Manual search in the engine and the CLI: the user's configurations run first, or alone with
``searcher="manual"``; a configuration outside the space is refused naming what is wrong."""

import json
import subprocess
import sys

import pytest
from conftest import REPO_ROOT

from automl_core import AutoML
from automl_core.data.reading import read_csv
from automl_core.exceptions import ConfigError
from automl_core.search.space import Configuration

WRITTEN = [{"algorithm": "linear", "params": {"C": 0.5, "class_weight": "balanced"}},
           {"algorithm": "knn", "params": {"n_neighbors": 7, "p": 1, "weights": "uniform"}},
           {"algorithm": "linear", "params": {"C": 0.5, "class_weight": "balanced"}}]


@pytest.fixture(scope="module")
def reference(shared_dir):
    return read_csv(shared_dir / "bad-inputs" / "train_reference.csv").frame


def _tried(automl: AutoML) -> list[Configuration]:
    return [Configuration(r.algorithm, dict(r.params)) for r in automl.store.all()]


def test_manual_search_runs_each_written_configuration_once_and_nothing_else(reference):
    automl = AutoML(time_budget_s=20, searcher="manual", configurations=WRITTEN, seed=0,
                    n_jobs=1, n_folds=3).fit(reference, "churn")
    assert _tried(automl) == [Configuration.from_dict(c) for c in WRITTEN[:2]]
    assert automl.best_trial.algorithm in {"linear", "knn"}
    assert len(automl.predict(reference)) == len(reference)


def test_another_searcher_tries_the_written_configurations_first(reference):
    automl = AutoML(time_budget_s=4, searcher="random", configurations=WRITTEN[1:2], seed=0,
                    n_jobs=1, n_folds=3, algorithms=["linear", "knn"]).fit(reference, "churn")
    tried = _tried(automl)
    assert tried[0] == Configuration.from_dict(WRITTEN[1])
    assert len(tried) > 1  # the portfolio and the searcher's own proposals follow


@pytest.mark.parametrize(("params", "named"), [
    ({"C": "high", "class_weight": "none"}, "linear.C='high' is not allowed"),
    ({"C": 1e6, "class_weight": "none"}, "linear.C=1000000.0 is not allowed"),
    ({"C": 1.0}, "missing parameters ['class_weight']"),
])
def test_a_configuration_outside_the_space_is_refused_naming_the_parameter(
        reference, params, named):
    automl = AutoML(time_budget_s=5, searcher="manual",
                    configurations=[WRITTEN[0], {"algorithm": "linear", "params": params}])
    with pytest.raises(ConfigError) as error:
        automl.fit(reference, "churn")
    assert error.value.code == "bad_configuration"
    assert error.value.message.startswith("configuration 2: ")
    assert named in error.value.message
    assert not automl.store.all()  # refused before any trial ran


def test_manual_search_without_a_configuration_is_refused_at_once():
    with pytest.raises(ConfigError) as error:
        AutoML(searcher="manual")
    assert error.value.code == "no_configurations"


def test_the_cli_runs_a_manual_search_from_a_json_file(shared_dir, tmp_path):
    configurations = tmp_path / "configurations.json"
    configurations.write_text(json.dumps(WRITTEN[:2]))
    result = subprocess.run(
        [sys.executable, "-m", "automl_core", "run",
         "--train", str(shared_dir / "bad-inputs" / "train_reference.csv"),
         "--test", str(shared_dir / "bad-inputs" / "train_reference.csv"), "--target", "churn",
         "--time-budget", "30", "--searcher", "manual", "--configurations", str(configurations),
         "--output", str(tmp_path / "pred.csv"), "--n-jobs", "1"],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert ": 2 trials, best " in result.stderr.splitlines()[-1]


def test_the_cli_refuses_a_configuration_file_that_is_not_a_list(tmp_path):
    configurations = tmp_path / "configurations.json"
    configurations.write_text(json.dumps({"algorithm": "linear"}))
    result = subprocess.run(
        [sys.executable, "-m", "automl_core", "run", "--train", "t.csv", "--test", "t.csv",
         "--target", "y", "--time-budget", "5", "--output", "o.csv",
         "--configurations", str(configurations)],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "must hold a JSON list" in result.stderr
