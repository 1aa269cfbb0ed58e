"""The Python client against the real server (uvicorn + a Celery worker): upload, train,
leaderboard, predict, downloads and errors, authenticated with an API token."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from django.contrib.auth import get_user_model

from daria.accounts.tokens import create_token
from tests.conftest import REPO
from tests.daria.factories import churn_csv

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def data_dir(tmp_path: Path, settings: object) -> Path:
    """This process's files apart from the server's (``web_server`` has its own data dir)."""
    settings.MEDIA_ROOT = tmp_path / "test-process-data"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


def _load_client(path: Path) -> object:
    spec = importlib.util.spec_from_file_location("daria_client", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_client_file_runs_without_any_server_code() -> None:
    path = REPO / "daria" / "client.py"
    standalone = (
        "import importlib.util, sys\n"
        f"spec = importlib.util.spec_from_file_location('daria_client', {str(path)!r})\n"
        "module = importlib.util.module_from_spec(spec)\n"
        "spec.loader.exec_module(module)\n"
        "loaded = {n.split('.')[0] for n in sys.modules}\n"
        "assert not loaded & {'django', 'celery', 'daria', 'automl_core', 'rest_framework'}\n"
        "module.Client('http://127.0.0.1:9', 'token')\n")
    done = subprocess.run([sys.executable, "-c", standalone], capture_output=True, text=True,
                          cwd="/", check=False)
    assert done.returncode == 0, done.stderr


def test_a_script_trains_and_predicts_with_the_client(web_server: object,
                                                      tmp_path: Path) -> None:
    alice = get_user_model().objects.create_user("alice", password="correct horse battery")
    _token, secret = create_token(alice, name="client")
    module_path = tmp_path / "daria_client.py"

    import urllib.request
    request = urllib.request.Request(f"{web_server.url}/api/v1/client.py",
                                     headers={"Authorization": f"Token {secret}"})
    with urllib.request.urlopen(request) as response:  # noqa: S310 - the test server
        module_path.write_bytes(response.read())
    daria_client = _load_client(module_path)
    client = daria_client.Client(web_server.url, secret)

    project = client.projects.create("Client")
    frame = pd.read_csv(__import__("io").BytesIO(churn_csv()))
    dataset = client.datasets.upload(project["id"], frame, name="churn.csv")
    experiment = client.experiments.create(dataset=dataset["id"], target="churn",
                                           time_budget_s=10)
    experiment.wait(timeout_s=240, poll_s=1)

    assert experiment.status == "succeeded", experiment.data
    board = experiment.leaderboard()
    assert isinstance(board, pd.DataFrame) and len(board) >= 1
    assert board["score"].iloc[0] == board["score"].max()  # roc_auc: best first
    model = experiment.model()
    predicted = model.predict(frame.drop(columns=["churn"]).head(5))
    assert list(predicted.columns) == ["prediction", "unlike_training", "probability_no",
                                       "probability_yes"]
    assert set(predicted["prediction"]) <= {"yes", "no"} and len(predicted) == 5
    batch = model.predict_file(frame.head(30), name="new.csv")
    saved = client.download(batch["download_url"], tmp_path / "out.xlsx", file_format="xlsx")
    assert len(pd.read_excel(saved)) == 30
    report = experiment.report(tmp_path / "report.html", language="ko")
    assert "리더보드" in report.read_text(encoding="utf-8")

    with pytest.raises(daria_client.DariaError) as refused:
        model.predict(frame[["age"]].head(2))
    assert refused.value.status == 400 and refused.value.code == "missing_columns"
    assert "plan" in refused.value.detail
