"""axe-core on every page of the app, in light and dark colours, at a 1280x720 laptop size: no
violation with impact serious or critical (WCAG 2.2 A/AA rules and axe's best practices). Then
every page again on a tablet held upright (768x1024): still no such violation, and nothing makes
the page itself scroll sideways (wide tables scroll inside their own box).

The data is real: the example dataset is added through the API and a short experiment runs on
the real worker, so the experiment and model pages are checked in their finished state.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth import get_user_model

from daria.accounts.tokens import create_token
from tests.e2e.axe import blocking, describe, run_axe
from tests.e2e.steps import PASSWORD, sign_in
from tests.processes import ServerProcess

pytestmark = pytest.mark.e2e

SCHEMES = ("light", "dark")
LAPTOP = {"width": 1280, "height": 720}
TABLET = {"width": 768, "height": 1024}
EXPERIMENT_TIMEOUT_S = 240
# The outermost elements that reach past the right edge of the window (to name in a failure).
WIDEST_ELEMENTS = """() => {
  const width = document.documentElement.clientWidth;
  const clipped = e => {
    for (let a = e.parentElement; a; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== 'visible') return true;
    }
    return false;
  };
  const past = [...document.body.querySelectorAll('*')]
    .filter(e => e.getBoundingClientRect().right > width + 0.5 && !clipped(e));
  const outermost = past.filter(e => !past.includes(e.parentElement));
  return outermost.slice(0, 5).map(e => e.tagName.toLowerCase()
    + (e.className ? '.' + e.className : '')
    + (e.dataset.testid ? '[' + e.dataset.testid + ']' : ''));
}"""


def _api(page: Any, server: ServerProcess, secret: str, method: str, path: str,
         body: dict | None = None) -> dict:
    """A JSON API call with alice's token, as a script would make it."""
    response = page.request.fetch(f"{server.url}/api/v1/{path}", method=method,
                                  headers={"Authorization": f"Token {secret}"}, data=body)
    assert response.ok, (path, response.status, response.text())
    return response.json()


def _finished_experiment(page: Any, server: ServerProcess, secret: str, dataset_id: int) -> dict:
    """Start a short experiment on the example data and wait until it has succeeded."""
    experiment = _api(page, server, secret, "POST", "experiments/",
                      {"dataset": dataset_id, "target": "class", "time_budget_s": 10})
    deadline = time.monotonic() + EXPERIMENT_TIMEOUT_S
    while experiment["status"] in ("queued", "running", "paused", "finishing"):
        assert time.monotonic() < deadline, f"experiment still {experiment['status']}"
        time.sleep(1)
        experiment = _api(page, server, secret, "GET", f"experiments/{experiment['id']}/")
    assert experiment["status"] == "succeeded", experiment
    return experiment


def _settled(page: Any, ready: str) -> None:
    """Wait for the element that says the page has its data, then for loading lines to go."""
    expect = pytest.importorskip("playwright.sync_api").expect
    expect(page.locator(ready).first).to_be_visible()
    expect(page.locator(".loading")).to_have_count(0, timeout=60_000)


def test_every_page_has_no_serious_accessibility_violation(web_server: ServerProcess,
                                                           page: Any) -> None:
    expect = pytest.importorskip("playwright.sync_api").expect
    page.set_viewport_size(LAPTOP)
    failures: list[str] = []

    def check(where: str, scheme: str) -> None:
        found = blocking(run_axe(page))
        if found:
            failures.append(f"{where} ({scheme}):\n{describe(found)}")

    # A fresh installation has no user: the first-run page is reachable only now.
    for scheme in SCHEMES:
        page.emulate_media(color_scheme=scheme)
        page.goto(web_server.url + "/setup")
        _settled(page, "form")
        check("setup", scheme)

    alice = get_user_model().objects.create_user("alice", password=PASSWORD)
    _token, secret = create_token(alice, name="a11y")
    dataset = _api(page, web_server, secret, "POST", "example-dataset/", {})
    experiment = _finished_experiment(page, web_server, secret, dataset["id"])
    project, model = dataset["project"], experiment["model"]
    assert model, experiment

    signed_in_pages: list[tuple[str, str, str]] = [
        ("projects", "/", "[data-testid=project-link]"),
        ("project", f"/projects/{project}", "[data-testid=dataset-link]"),
        ("dataset", f"/datasets/{dataset['id']}", "[data-testid=dataset-summary]"),
        ("experiment", f"/experiments/{experiment['id']}",
         "[data-testid=experiment-status][data-status=succeeded]"),
        ("model", f"/models/{model}", "[data-testid=model-metrics]"),
        ("members", f"/projects/{project}/members", "[data-testid=member-table]"),
        ("tokens", "/tokens", "[data-testid=token-list]"),
        ("not found", "/no/such/page", "main h1"),
    ]
    for scheme in SCHEMES:
        page.context.clear_cookies()
        page.emulate_media(color_scheme=scheme)
        page.goto(web_server.url + "/login")
        _settled(page, "[data-testid=login-username]")
        check("login", scheme)
        sign_in(page, web_server.url)
        for where, path, ready in signed_in_pages:
            page.goto(web_server.url + path)
            _settled(page, ready)
            check(where, scheme)

    page.set_viewport_size(TABLET)  # still in the last colour scheme of the loop: dark
    for where, path, ready in signed_in_pages:
        page.goto(web_server.url + path)
        _settled(page, ready)
        check(where, "tablet, dark")
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 0:
            failures.append(f"{where} (tablet): the page scrolls sideways by {overflow} px, "
                            f"past the edge: {page.evaluate(WIDEST_ELEMENTS)}")
    page.set_viewport_size(LAPTOP)

    assert not failures, "axe found serious or critical violations:\n" + "\n".join(failures)

    # The stepper tells where the user is, and the page's colours really are dark in dark mode.
    page.goto(f"{web_server.url}/datasets/{dataset['id']}")
    expect(page.locator("[aria-current=step]")).to_contain_text("Check the data")
    background: Callable[[], str] = lambda: page.evaluate(  # noqa: E731
        "() => getComputedStyle(document.documentElement).backgroundColor")
    assert background() == "rgb(21, 23, 28)"


def test_the_theme_switch_overrides_the_system_and_explanations_work_by_keyboard(
        web_server: ServerProcess, page: Any) -> None:
    expect = pytest.importorskip("playwright.sync_api").expect
    alice = get_user_model().objects.create_user("alice", password=PASSWORD)
    _token, secret = create_token(alice, name="a11y")
    dataset = _api(page, web_server, secret, "POST", "example-dataset/", {})
    page.emulate_media(color_scheme="light")
    sign_in(page, web_server.url)

    page.get_by_test_id("theme-select").select_option("dark")
    expect(page.locator("html")).to_have_attribute("data-theme", "dark")
    page.goto(f"{web_server.url}/datasets/{dataset['id']}")
    _settled(page, "[data-testid=dataset-summary]")
    assert page.evaluate(
        "() => getComputedStyle(document.documentElement).backgroundColor") == "rgb(21, 23, 28)"
    found = blocking(run_axe(page))
    assert not found, describe(found)

    # Keyboard only: Tab reaches a "What is this?" button, Enter opens it, Escape closes it.
    button = page.get_by_role("button", name=re.compile("What is this: rows"))
    button.focus()
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_text("Each row is one example Daria can learn from")).to_be_visible()
    page.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")

    # The check itself works: an unlabelled image in the page is reported as critical.
    page.evaluate("() => document.querySelector('main').append(document.createElement('img'))")
    assert "image-alt" in {violation["id"] for violation in blocking(run_axe(page))}
