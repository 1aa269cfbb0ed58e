"""Exports of the leaderboard: CSV with a BOM and XLSX, same filters and sort, final model first."""

import io
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from daria.leaderboard.exports import XLSX_CONTENT_TYPE
from daria.predictions.models import TrainedModel
from tests.daria.factories import TrialFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def finished(experiment: object, data_dir: Path) -> object:
    TrialFactory(experiment=experiment, number=0, algorithm="lightgbm", score=0.8,
                 params={"note": "=HYPERLINK(\"x\")"})
    TrialFactory(experiment=experiment, number=1, algorithm="random_forest", score=0.9)
    TrialFactory(experiment=experiment, number=2, algorithm="lightgbm", score=0.7)
    (data_dir / "models").mkdir()
    (data_dir / "models" / "m.skops").write_bytes(b"x" * 1234)
    TrainedModel.objects.create(
        experiment=experiment, project=experiment.project, file="models/m.skops",
        target="churn", task="binary", metric="roc_auc", algorithm="lightgbm", score=0.9,
        metrics={"roc_auc": 0.93, "log_loss": 0.31, "accuracy": 0.88})
    return experiment


def export(client: object, experiment: object, **params: object) -> object:
    response = client.get(f"/api/v1/experiments/{experiment.pk}/leaderboard/export/", params)
    assert response.status_code == 200, response.content
    return response


def test_csv_has_a_bom_the_final_model_first_and_the_filters(as_alice: object,
                                                            finished: object) -> None:
    response = export(as_alice, finished, algorithm="lightgbm")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert response.content.startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(io.BytesIO(response.content), encoding="utf-8-sig")
    assert list(frame["Kind"]) == ["final model", "trial", "trial"]
    assert list(frame["Trial"].iloc[1:]) == [0, 2]
    assert list(frame.columns[4:7]) == ["roc_auc", "log_loss", "accuracy"]
    assert frame["log_loss"].iloc[0] == pytest.approx(0.31)
    assert frame["Model size (bytes)"].iloc[0] == 1234
    # Formula-looking text is kept as text.
    assert frame["Hyperparameters"].iloc[1].startswith("{")


def test_xlsx_respects_the_sort(as_alice: object, finished: object) -> None:
    response = export(as_alice, finished, file_format="xlsx", sort="number", order="desc")
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    rows = list(workbook.active.iter_rows(values_only=True))
    header = rows[0]
    numbers = [row[header.index("Trial")] for row in rows[1:]]
    assert numbers == [None, 2, 1, 0]
    assert rows[1][header.index("roc_auc")] == pytest.approx(0.93)


def test_format_is_another_name_of_file_format(as_alice: object, finished: object) -> None:
    response = export(as_alice, finished, format="xlsx")
    assert response["Content-Type"] == XLSX_CONTENT_TYPE
    assert openpyxl.load_workbook(io.BytesIO(response.content)).active.max_row == 5


def test_headers_are_translated(as_alice: object, finished: object) -> None:
    response = as_alice.get(f"/api/v1/experiments/{finished.pk}/leaderboard/export/",
                            HTTP_ACCEPT_LANGUAGE="ko")
    frame = pd.read_csv(io.BytesIO(response.content), encoding="utf-8-sig")
    assert "Kind" not in frame.columns


def test_an_unknown_format_answers_400(as_alice: object, finished: object) -> None:
    response = as_alice.get(f"/api/v1/experiments/{finished.pk}/leaderboard/export/",
                            {"file_format": "pdf"})
    assert response.status_code == 400
