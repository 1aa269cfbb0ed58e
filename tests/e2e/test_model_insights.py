"""The model page in a real browser: a model trained by the real worker, its charts drawn with
plotly.js, a chart switched to its table, the threshold picker, and the background charts the
worker computes after training."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from tests.daria.factories import churn_csv
from tests.e2e.steps import PASSWORD, sign_in, upload_to_new_project
from tests.processes import ServerProcess

pytestmark = pytest.mark.e2e


def _train_a_model(page, url: str, csv_file: Path) -> None:  # noqa: ANN001 - a Playwright page
    """Sign in, upload the file, start a 10-second search and open its model."""
    expect = pytest.importorskip("playwright.sync_api").expect
    sign_in(page, url)
    upload_to_new_project(page, "Churn", csv_file)
    page.get_by_test_id("target-select").select_option("churn")
    page.get_by_test_id("budget-input").fill("10")
    page.get_by_test_id("start-experiment").click()
    page.wait_for_url(re.compile(r"/experiments/\d+"))
    expect(page.get_by_test_id("experiment-status")).to_have_attribute(
        "data-status", "succeeded", timeout=120_000)
    page.get_by_test_id("model-link").click()
    page.wait_for_url(re.compile(r"/models/\d+"))


def test_the_model_page_draws_its_charts_and_shows_them_as_tables(
    web_server: ServerProcess, page, tmp_path: Path  # noqa: ANN001
) -> None:
    get_user_model().objects.create_user("alice", password=PASSWORD)
    expect = pytest.importorskip("playwright.sync_api").expect
    csv_file = tmp_path / "churn.csv"
    csv_file.write_bytes(churn_csv(n_rows=300))
    _train_a_model(page, web_server.url, csv_file)

    expect(page.get_by_test_id("model-metrics")).to_contain_text("ROC AUC")

    # A chart from the out-of-fold predictions, drawn by plotly.js, then shown as a table.
    roc = page.get_by_test_id("insight-roc_curve")
    expect(roc.locator(".main-svg").first).to_be_attached(timeout=30_000)
    expect(roc).to_contain_text("bows above the dotted diagonal")
    roc.get_by_role("button", name="Show as table").click()
    table = roc.get_by_role("table")
    expect(table).to_be_visible()
    expect(table.locator("thead th").first).to_have_text("class")
    assert table.locator("tbody tr").count() >= 2
    roc.get_by_role("button", name="Show as chart").click()
    expect(roc.locator(".main-svg").first).to_be_attached()

    # The threshold picker works without a request.
    picker = page.get_by_test_id("threshold-picker")
    picker.get_by_test_id("threshold-slider").fill("0.8")
    expect(picker.get_by_test_id("threshold-value")).to_have_text("0.80")
    expect(picker.get_by_test_id("threshold-summary")).to_contain_text("At 0.80")

    # The worker computes the expensive charts; the page polls and draws them when ready.
    importance = page.get_by_test_id("insight-permutation_importance")
    expect(importance.get_by_role("button", name="Show as table")).to_be_visible(timeout=180_000)
    importance.get_by_role("button", name="Show as table").click()
    expect(importance.get_by_role("table")).to_contain_text("usage")
    assert importance.locator("tbody tr").count() == 3  # age, plan, usage
    expect(page.get_by_test_id("insight-learning_curve").get_by_role(
        "button", name="Show as table")).to_be_visible(timeout=180_000)
