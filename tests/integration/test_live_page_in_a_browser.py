"""A browser watching a running experiment sees its trials arrive on the live stream, without
reloading, each trial once (uvicorn, a real worker and Debian's headless Chromium)."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model

from daria.experiments.models import Experiment, Trial
from tests.conftest import DATASETS
from tests.e2e import conftest as e2e
from tests.e2e.steps import PASSWORD, sign_in, upload_to_new_project
from tests.processes import ServerProcess

pytestmark = [pytest.mark.integration, pytest.mark.e2e]

# The browser tests' Chromium page (``web_server`` comes from tests/conftest.py).
page = e2e.page

BUDGET_S = 20


def test_trial_rows_arrive_on_the_live_stream_while_the_search_runs(
    web_server: ServerProcess, page: object
) -> None:
    expect = pytest.importorskip("playwright.sync_api").expect
    get_user_model().objects.create_user("alice", password=PASSWORD)
    streams: list[str] = []
    page.on("request", lambda request: streams.append(request.url)
               if request.url.endswith("/events/") else None)

    sign_in(page, web_server.url)
    upload_to_new_project(page, "Credit", DATASETS / "credit_g.csv")
    page.get_by_test_id("target-select").select_option("class")
    page.get_by_test_id("budget-input").fill(str(BUDGET_S))
    page.get_by_test_id("start-experiment").click()
    page.wait_for_url(re.compile(r"/experiments/\d+"))

    expect(page.get_by_test_id("live-mode")).to_have_attribute("data-mode", "stream")
    rows = page.get_by_test_id("trial-row")
    expect(rows.nth(2)).to_be_visible(timeout=90_000)  # three trials, no reload
    assert Experiment.objects.get().status == "running"
    expect(page.get_by_test_id("live-mode")).to_have_attribute("data-mode", "stream")
    expect(page.get_by_test_id("trial-announcement")).to_contain_text("finished: best")
    expect(page.get_by_test_id("experiment-status")).to_have_attribute(
        "data-status", "succeeded", timeout=120_000)

    finished = Trial.objects.exclude(state__in=Trial.PENDING)
    # The leaderboard page is fetched from the server after each live event: wait for the last.
    expect(rows).to_have_count(finished.count())
    shown = [int(row.get_attribute("data-trial-number")) for row in rows.all()]
    assert sorted(shown) == sorted(finished.values_list("number", flat=True))
    assert len(shown) == len(set(shown))
    assert len(set(streams)) == 1  # one stream for the page
