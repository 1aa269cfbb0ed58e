"""From a finished experiment's leaderboard to the comparison of two trials: the leaderboard's
sort lives in the URL, the compare page marks the parameters that differ, and its URL reopens
the same view in a new tab (uvicorn, a real worker and Debian's headless Chromium)."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from daria.accounts.services import create_project
from tests.daria.factories import ExperimentFactory, TrialFactory, make_dataset
from tests.e2e.steps import PASSWORD, sign_in
from tests.processes import ServerProcess

pytestmark = pytest.mark.e2e



def _finished_experiment() -> object:
    alice = get_user_model().objects.create_user("alice", password=PASSWORD)
    dataset = make_dataset(alice, create_project(alice, "Churn"))
    experiment = ExperimentFactory(dataset=dataset, status="succeeded", progress=1.0,
                                   started_at=timezone.now(), finished_at=timezone.now())
    for number, (leaves, rate, score) in enumerate([(31, 0.1, 0.81), (63, 0.1, 0.86),
                                                    (15, 0.05, 0.78)]):
        TrialFactory(experiment=experiment, number=number, score=score,
                     params={"num_leaves": leaves, "learning_rate": rate},
                     fold_scores=[score - 0.01, score, score + 0.01],
                     finished_at=timezone.now())
    return experiment


def test_select_two_trials_and_compare_them(web_server: ServerProcess, page: object) -> None:
    expect = pytest.importorskip("playwright.sync_api").expect
    experiment = _finished_experiment()
    sign_in(page, web_server.url)

    page.goto(f"{web_server.url}/experiments/{experiment.pk}")
    rows = page.get_by_test_id("trial-row")
    expect(rows).to_have_count(3, timeout=30_000)
    assert [row.get_attribute("data-trial-number") for row in rows.all()] == ["1", "0", "2"]

    # Sorting by number is written to the URL and survives a reload.
    page.get_by_test_id("sort-number").click()
    page.wait_for_url(re.compile(r"sort=number"))
    page.reload()
    expect(page.get_by_test_id("trial-row").first).to_have_attribute("data-trial-number", "0")
    header = page.get_by_test_id("sort-number").locator("xpath=..")
    expect(header).to_have_attribute("aria-sort", "ascending")

    page.get_by_test_id("trial-row").nth(0).get_by_test_id("trial-select").check()
    page.get_by_test_id("trial-row").nth(1).get_by_test_id("trial-select").check()
    page.get_by_test_id("compare-selected").click()
    page.wait_for_url(re.compile(r"/compare\?trials="))
    shared_url = page.url

    def assert_comparison(view: object) -> None:
        leaves = view.locator("[data-testid=param-row][data-param=num_leaves]")
        # A new tab loads the whole app first: allow for a slow, shared machine.
        expect(leaves).to_have_attribute("data-differs", "true", timeout=30_000)
        expect(leaves).to_contain_text("31")
        expect(leaves).to_contain_text("63")
        expect(leaves).to_contain_text("differs")
        rate = view.locator("[data-testid=param-row][data-param=learning_rate]")
        expect(rate).to_have_attribute("data-differs", "false")
        expect(view.locator("[data-testid=metric-row][data-metric=roc_auc]")).to_contain_text(
            "better")
        expect(view.get_by_test_id("compare-folds")).to_be_visible()

    assert_comparison(page)

    shared = page.context.new_page()
    shared.goto(shared_url)
    assert_comparison(shared)
    shared.close()


def _multiclass_experiment() -> object:
    """Two trials predicting the churn table's plan (three classes), predictions kept."""
    import numpy as np

    from daria.experiments.adapters import encode_predictions
    from daria.experiments.models import TrialPredictions
    from daria.experiments.problems import load_problem

    alice = get_user_model().objects.create_user("alice", password=PASSWORD)
    dataset = make_dataset(alice, create_project(alice, "Plans"))
    experiment = ExperimentFactory(dataset=dataset, status="succeeded", progress=1.0,
                                   target="plan", task="multiclass", metric="log_loss",
                                   greater_is_better=False, started_at=timezone.now(),
                                   finished_at=timezone.now())
    y = load_problem(experiment.pk).data.y
    rng = np.random.default_rng(0)
    for number, noise in ((0, 0.3), (1, 2.0)):
        trial = TrialFactory(experiment=experiment, number=number, score=0.4 + number,
                             fold_scores=[0.4 + number] * 3, finished_at=timezone.now(),
                             metrics={"log_loss": 0.4 + number, "accuracy": 0.9 - number / 4},
                             model_size_bytes=1_572_864, predict_time_per_1000_s=0.003)
        logits = np.eye(3)[y] + rng.normal(scale=noise, size=(len(y), 3))
        proba = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
        TrialPredictions.objects.create(trial=trial, data=encode_predictions(proba))
    return experiment


def test_multiclass_trials_show_every_metric_and_overlaid_roc(
        web_server: ServerProcess, page: object, settings: object) -> None:
    expect = pytest.importorskip("playwright.sync_api").expect
    # The comparison reads the dataset to know each row's class: store it where the server looks.
    settings.MEDIA_ROOT = web_server.data_dir
    experiment = _multiclass_experiment()
    sign_in(page, web_server.url)

    page.goto(f"{web_server.url}/experiments/{experiment.pk}")
    rows = page.get_by_test_id("trial-row")
    expect(rows).to_have_count(2, timeout=30_000)
    expect(page.locator("[data-testid=metric-column][data-metric=accuracy]")).to_be_visible()
    expect(rows.first.locator("td[data-metric=accuracy]")).to_have_text("0.9")
    expect(rows.first).to_contain_text("1.5 MB")

    for index in (0, 1):
        rows.nth(index).get_by_test_id("trial-select").check()
    page.get_by_test_id("compare-selected").click()
    card = page.get_by_test_id("compare-predictions")
    expect(card).to_contain_text("each class against the rest", timeout=30_000)
    expect(card.locator(".main-svg").first).to_be_attached()
    card.get_by_role("button", name="Show as table").click()
    expect(card).to_contain_text("Macro-average ROC AUC")
