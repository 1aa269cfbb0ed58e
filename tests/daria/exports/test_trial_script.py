"""The generated script reproduces a trial's cross-validated score from the dataset file."""

import ast
import os
import subprocess
import sys

import pytest

from daria.experiments.models import Trial
from tests.conftest import REPO
from tests.daria.exports.conftest import finished_experiment

pytestmark = pytest.mark.django_db

PYTHON = REPO / ".venv" / "bin" / "python"
HOSTILE = '"""; import os; os.system("echo pwned") #\\'


def _run(script: str, data_path: str, tmp_path: object) -> dict[str, str]:
    path = tmp_path / "trial.py"
    path.write_text(script, encoding="utf-8")
    done = subprocess.run([str(PYTHON if PYTHON.exists() else sys.executable), str(path),
                           data_path], cwd=tmp_path, capture_output=True, text=True, timeout=300,
                          check=False, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.returncode == 0, done.stderr
    assert "pwned" not in done.stdout
    return dict(line.split("=", 1) for line in done.stdout.splitlines() if "=" in line)


@pytest.mark.parametrize("task", ["binary", "multiclass", "regression"])
def test_the_script_prints_the_trials_cv_score(alice: object, as_alice: object, task: str,
                                               tmp_path: object) -> None:
    experiment = finished_experiment(alice, task)
    for trial in Trial.objects.filter(experiment=experiment, state="complete"):
        response = as_alice.get(f"/api/v1/experiments/{experiment.pk}/trials/{trial.number}"
                                "/script/")
        assert response.status_code == 200
        assert response["Content-Disposition"].endswith(f'-trial-{trial.number}.py"')
        printed = _run(response.content.decode(), experiment.dataset.file.path, tmp_path)
        assert abs(float(printed["cv_score"]) - trial.score) <= 1e-6, (trial.algorithm, printed)


def test_hostile_column_names_stay_data_in_the_script(alice: object, as_alice: object,
                                                      tmp_path: object) -> None:
    content = (f'age,"{HOSTILE.replace(chr(34), chr(34) * 2)}",usage,churn\n'
               + "".join(f"{20 + i % 50},{['a', 'b'][i % 2]},{i % 17},{['yes', 'no'][i % 3 == 0]}\n"
                         for i in range(120))).encode()
    experiment = finished_experiment(alice, "binary", content, name=HOSTILE[:30] + ".csv")
    trial = Trial.objects.filter(experiment=experiment, state="complete").first()

    script = as_alice.get(f"/api/v1/experiments/{experiment.pk}/trials/{trial.number}/script/")

    source = script.content.decode()
    ast.parse(source)  # still valid Python
    printed = _run(source, experiment.dataset.file.path, tmp_path)
    assert abs(float(printed["cv_score"]) - trial.score) <= 1e-6


def test_another_projects_trial_script_is_a_404(alice: object, bob: object,
                                                binary_experiment: object) -> None:
    from tests.conftest import client_for

    response = client_for(bob).get(f"/api/v1/experiments/{binary_experiment.pk}/trials/0/script/")
    assert response.status_code == 404
