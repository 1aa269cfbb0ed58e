"""A beginner's first ten minutes, in English and in Korean: from the home page's "Try it with
example data" to downloaded predictions, guided by the stepper; the main buttons (try the example,
start, open the model) are reached with the Tab key and pressed with Enter.

With ``DARIA_DOC_SCREENSHOTS=1`` the screenshots of each step are written to
``docs/images/first-ten-minutes/`` (the user guide shows them); otherwise to the test's tmp dir.
"""

from __future__ import annotations

import csv
import os
import re
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model

from daria.datasets.examples import EXAMPLE_FILE
from tests.e2e.axe import assert_no_serious_violations
from tests.processes import ServerProcess

pytestmark = pytest.mark.e2e

PASSWORD = "correct horse battery"
DOC_IMAGES = Path(__file__).resolve().parents[2] / "docs" / "images" / "first-ten-minutes"
HANGUL = re.compile("[\uac00-\ud7a3]")


def _screenshots_dir(tmp_path: Path) -> Path:
    folder = DOC_IMAGES if os.environ.get("DARIA_DOC_SCREENSHOTS") == "1" else tmp_path / "shots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _rows_to_predict(path: Path, count: int) -> Path:
    """The first ``count`` applicants of the example data, without the ``class`` column."""
    with EXAMPLE_FILE.open(newline="") as source:
        rows = list(csv.DictReader(source))[:count]
    columns = [name for name in rows[0] if name != "class"]
    with path.open("w", newline="") as target:
        writer = csv.DictWriter(target, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def _press_by_keyboard(page: Any, test_id: str, max_tabs: int = 80) -> None:
    """Reach the control with Tab alone (as a keyboard user would) and press Enter on it."""
    for _ in range(max_tabs):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement?.dataset?.testid") == test_id:
            page.keyboard.press("Enter")
            return
    raise AssertionError(f"{test_id} cannot be reached with the Tab key")


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_beginner_gets_from_the_home_page_to_predictions(
        web_server: ServerProcess, page: Any, tmp_path: Path, language: str) -> None:
    expect = pytest.importorskip("playwright.sync_api").expect
    shots = _screenshots_dir(tmp_path)

    def shot(step: str) -> None:
        page.screenshot(path=str(shots / f"{language}-{step}.png"))

    get_user_model().objects.create_user("alice", password=PASSWORD)
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(web_server.url + "/")
    page.wait_for_url(re.compile(r"/login"))
    page.get_by_test_id("language-select").select_option(language)
    page.get_by_test_id("login-username").fill("alice")
    page.get_by_test_id("login-password").fill(PASSWORD)
    page.get_by_test_id("login-submit").click()

    # 1. Home: two clear starts, and the path ahead.
    expect(page.get_by_test_id("projects-empty")).to_be_visible()
    expect(page.locator("[aria-current=step]")).to_have_attribute("data-step", "upload")
    shot("1-home")
    _press_by_keyboard(page, "try-example")

    # 2. Check the data: the example is profiled like any upload, with explanations on demand.
    page.wait_for_url(re.compile(r"/datasets/\d+"))
    expect(page.get_by_test_id("dataset-summary")).to_contain_text("1,000")
    expect(page.locator("[aria-current=step]")).to_have_attribute("data-step", "check")
    page.locator(".explain-button").first.click()
    expect(page.locator(".explain-text").first).to_be_visible()
    if language == "ko":
        expect(page.locator("main")).to_contain_text(HANGUL)
    shot("2-check-data")
    assert_no_serious_violations(page, f"dataset page ({language})")

    # 3 and 4. What to predict and how long: the example suggests its target.
    page.get_by_test_id("target-select").select_option("class")
    page.get_by_test_id("budget-unit").select_option("seconds")
    page.get_by_test_id("budget-input").fill("10")
    shot("3-choose-target-and-effort")
    _press_by_keyboard(page, "start-experiment")

    # 5. Watch: trials arrive while the search runs.
    page.wait_for_url(re.compile(r"/experiments/\d+"), timeout=90_000)
    expect(page.locator("[aria-current=step]")).to_have_attribute("data-step", "watch")
    expect(page.get_by_test_id("experiment-status")).to_have_attribute(
        "data-status", "succeeded", timeout=180_000)
    shot("4-watch")

    # 6. Use the model: upload new rows, download their predictions.
    _press_by_keyboard(page, "model-link")
    page.wait_for_url(re.compile(r"/models/\d+"))
    expect(page.locator("[aria-current=step]")).to_have_attribute("data-step", "use")
    page.get_by_test_id("predict-file").set_input_files(
        str(_rows_to_predict(tmp_path / "new_applicants.csv", count=20)))
    page.get_by_test_id("predict-upload").click()
    expect(page.get_by_test_id("prediction-preview")).to_be_visible()
    shot("5-use-the-model")
    with page.expect_download() as download_info:
        page.get_by_test_id("prediction-download").click()
    with Path(download_info.value.path()).open(newline="", encoding="utf-8-sig") as handle:
        predicted = list(csv.DictReader(handle))
    assert len(predicted) == 20
    assert {row["prediction"] for row in predicted} <= {"yes", "no"}
