"""The walking skeleton's whole journey, in a real browser: sign in, create a project, upload a
CSV, pick the target, start an experiment, watch the leaderboard fill, open the model, upload new
rows and download their predictions."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from tests.processes import ServerProcess

pytestmark = pytest.mark.e2e

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
TITANIC = SHARED / "datasets" / "titanic.csv"
HANGUL = re.compile("[\uac00-\ud7a3]")


def write_rows_to_predict(path: Path, count: int) -> Path:
    """The first ``count`` passengers of the Titanic file, without the target column."""
    with TITANIC.open(newline="") as source:
        rows = list(csv.DictReader(source))[:count]
    columns = [name for name in rows[0] if name != "survived"]
    with path.open("w", newline="") as target:
        writer = csv.DictWriter(target, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_a_beginner_goes_from_csv_to_downloaded_predictions(
    web_server: ServerProcess, page, tmp_path: Path
) -> None:
    get_user_model().objects.create_user("alice", password="correct horse battery")
    expect = pytest.importorskip("playwright.sync_api").expect

    page.goto(web_server.url + "/")
    page.wait_for_url(re.compile(r"/login"))
    page.get_by_test_id("login-username").fill("alice")
    page.get_by_test_id("login-password").fill("correct horse battery")
    page.get_by_test_id("login-submit").click()

    page.get_by_test_id("project-name").fill("Titanic survival")
    page.get_by_test_id("project-create").click()
    page.get_by_test_id("project-link").filter(has_text="Titanic survival").click()

    page.get_by_test_id("dataset-file").set_input_files(str(TITANIC))
    page.get_by_test_id("dataset-upload").click()
    page.wait_for_url(re.compile(r"/datasets/\d+"))
    expect(page.get_by_text("891").first).to_be_visible()

    page.get_by_test_id("target-select").select_option("survived")
    page.get_by_test_id("budget-input").fill("15")
    page.get_by_test_id("start-experiment").click()
    page.wait_for_url(re.compile(r"/experiments/\d+"))

    # Trials appear while the search runs, before the experiment has finished.
    expect(page.get_by_test_id("trial-row").first).to_be_visible(timeout=60_000)
    status = page.get_by_test_id("experiment-status")
    expect(status).to_have_attribute("data-status", "succeeded", timeout=120_000)
    assert page.get_by_test_id("trial-row").count() >= 2

    page.get_by_test_id("model-link").click()
    page.wait_for_url(re.compile(r"/models/\d+"))
    expect(page.get_by_test_id("model-metrics")).to_contain_text("roc_auc")

    rows_file = write_rows_to_predict(tmp_path / "new_passengers.csv", count=25)
    page.get_by_test_id("predict-file").set_input_files(str(rows_file))
    page.get_by_test_id("predict-upload").click()
    expect(page.get_by_test_id("prediction-preview")).to_be_visible()
    with page.expect_download() as download_info:
        page.get_by_test_id("prediction-download").click()
    downloaded = Path(download_info.value.path())
    with downloaded.open(newline="", encoding="utf-8-sig") as handle:
        predicted = list(csv.DictReader(handle))
    assert len(predicted) == 25
    assert {row["prediction"] for row in predicted} <= {"0", "1"}

    page.get_by_test_id("language-select").select_option("ko")
    expect(page.locator("body")).to_contain_text(HANGUL)
