import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from conftest import REPO_ROOT


def _run(*args):
    return subprocess.run([sys.executable, "-m", "automl_core", *args], cwd=REPO_ROOT,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def split(shared_dir, tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli")
    frame = pd.read_csv(shared_dir / "datasets" / "car.csv")
    test = frame.sample(200, random_state=0)
    train = frame.drop(test.index)
    train.to_csv(folder / "train.csv", index=False)
    test.to_csv(folder / "test.csv", index=False)
    return folder, test


def test_the_cli_writes_one_probability_column_per_class_and_a_prediction(split):
    folder, test = split
    result = _run("run", "--train", str(folder / "train.csv"), "--test", str(folder / "test.csv"),
                  "--target", "class", "--time-budget", "10", "--seed", "0",
                  "--output", str(folder / "pred.csv"), "--n-jobs", "1")
    assert result.returncode == 0, result.stderr
    out = pd.read_csv(folder / "pred.csv")
    classes = sorted(test["class"].unique())
    assert list(out.columns) == [*classes, "prediction"]
    assert len(out) == len(test)
    assert np.allclose(out[classes].sum(axis=1), 1.0)
    # Input row order: predictions agree with the row's own most likely class.
    assert (out[classes].idxmax(axis=1) == out["prediction"]).all()
    assert (out["prediction"] == test["class"].to_numpy()).mean() > 0.8
    assert "done in" in result.stderr.splitlines()[-1]


def test_the_cli_reports_an_error_in_one_line_with_exit_code_2(shared_dir, tmp_path):
    result = _run("run", "--train", str(shared_dir / "bad-inputs" / "target_single_class.csv"),
                  "--test", str(shared_dir / "bad-inputs" / "target_single_class.csv"),
                  "--target", "label", "--time-budget", "5", "--output", str(tmp_path / "p.csv"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("error: ")


def test_the_budget_given_to_fit_leaves_out_start_up_and_a_prediction_reserve():
    from automl_core.cli import fit_budget_s

    assert fit_budget_s(30, spent_s=3.0) == pytest.approx(30 - 3.0 - 0.9)
    assert fit_budget_s(10, spent_s=2.0) == pytest.approx(10 - 2.0 - 0.5)
    assert fit_budget_s(2, spent_s=5.0) == 1.0  # never below the engine's minimum


def test_a_large_test_file_gets_a_larger_prediction_reserve():
    from automl_core.cli import fit_budget_s

    assert fit_budget_s(30, spent_s=3.0, test_rows=10_000) == pytest.approx(30 - 3.0 - 0.9 - 1.0)


def test_the_process_age_counts_the_time_since_the_interpreter_started():
    code = "import time; time.sleep(1.0); from automl_core.cli import process_age_s; " \
           "print(process_age_s())"
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True,
                            text=True, timeout=60, check=True)
    assert 1.0 <= float(result.stdout) < 30
