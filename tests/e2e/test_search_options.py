"""Choosing how to search, in a real browser: the Fast preset, the advanced options folded away
(a searcher and two algorithms picked there), a hand-written configuration queued while the
search runs through the form built from its space, and the search strategies page."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model

from automl_core.search.registry import available_searchers
from daria.experiments.models import Experiment, Trial
from tests.conftest import DATASETS
from tests.e2e.axe import assert_no_serious_violations
from tests.e2e.steps import PASSWORD, sign_in, upload_to_new_project
from tests.processes import ServerProcess, wait_for

pytestmark = pytest.mark.e2e

SEARCHER = next((name for name in ("evolution", "grid", "tpe")
                 if name in [k.value for k in available_searchers()]), "random")


def test_a_user_picks_effort_and_search_method_then_writes_a_configuration(
    web_server: ServerProcess, page
) -> None:
    get_user_model().objects.create_user("alice", password=PASSWORD)
    expect = pytest.importorskip("playwright.sync_api").expect

    sign_in(page, web_server.url)
    upload_to_new_project(page, "Credit", DATASETS / "credit_g.csv")
    page.get_by_test_id("target-select").select_option("class")

    # Effort: a preset; the advanced options are folded until opened.
    page.get_by_test_id("preset-balanced").check()
    expect(page.get_by_test_id("budget-input")).to_have_value("300")
    page.get_by_test_id("preset-fast").check()
    expect(page.get_by_test_id("budget-input")).to_have_value("60")
    advanced = page.get_by_test_id("advanced-options")
    expect(page.get_by_test_id("searcher-select")).to_be_hidden()
    advanced.locator("summary").click()
    page.get_by_test_id("algorithm-linear").check()
    page.get_by_test_id("algorithm-knn").check()
    page.get_by_test_id("searcher-select").select_option(SEARCHER)
    expect(page.get_by_test_id("searcher-description")).not_to_be_empty()
    assert_no_serious_violations(page, "the start form with its advanced options open")
    page.get_by_test_id("start-experiment").click()
    page.wait_for_url(re.compile(r"/experiments/\d+"))

    experiment = Experiment.objects.get()
    assert (experiment.time_budget_s, experiment.searcher) == (60, SEARCHER)
    assert experiment.algorithms == ["linear", "knn"]
    expect(page.get_by_test_id("experiment-status")).to_have_attribute(
        "data-status", "running", timeout=60_000)

    # A hand-written configuration, from the form built from this search's space.
    manual = page.get_by_test_id("manual-trial")
    manual.locator("summary").click()
    page.get_by_test_id("manual-algorithm").select_option("knn")
    neighbours = page.get_by_test_id("param-n_neighbors").get_by_role("spinbutton")
    neighbours.fill("1000")
    expect(page.get_by_test_id("param-n_neighbors")).to_contain_text("Enter a value from 1 to 100.")
    assert_no_serious_violations(page, "the hand-written configuration form")
    neighbours.fill("13")
    page.get_by_test_id("manual-submit").click()
    expect(page.get_by_test_id("manual-trial-queued")).to_contain_text("Queued as trial",
                                                                      timeout=30_000)
    queued = wait_for(lambda: Trial.objects.filter(
        experiment=experiment, algorithm="knn", params__n_neighbors=13).first(),
        "the hand-written trial", timeout_s=10)
    assert set(queued.params) == {"n_neighbors", "weights", "p"}
    page.get_by_test_id("experiment-cancel").click()

    # The comparison of strategies, linked from the search method's help.
    page.goto(web_server.url + "/strategies")
    expect(page.get_by_test_id("strategies-chart")).to_be_visible()
    expect(page.get_by_test_id("strategy-row").first).to_be_visible()
    assert_no_serious_violations(page, "the search strategies page")
    page.get_by_test_id("strategies-chart").get_by_role("button").click()
    expect(page.get_by_test_id("strategies-chart").get_by_role("table")).to_be_visible()
