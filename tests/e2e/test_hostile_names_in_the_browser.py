"""Column names, cell values and a file name made of HTML and script payloads are shown as
literal text on the project and dataset pages and in a column chart: no dialog opens, and no
script, event handler or javascript: link from the data ends up in the page."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model

from daria.accounts.services import create_project
from daria.accounts.tokens import create_token
from tests.conftest import BAD_INPUTS
from tests.processes import ServerProcess

pytestmark = pytest.mark.e2e

FILE_NAME = "<img src=x onerror=alert(1)>.csv"
IMG_COLUMN = '"><img src=x onerror=alert(1)>'
LINK_COLUMN = "{{7*7}}${7*7}"  # its cells are <a href=javascript:alert(5)>x</a>

# Every element carrying an event-handler attribute, every javascript: link, every script that
# is not one of the app's own files: all should be empty.
DOM_CHECK = """() => ({
  handlers: [...document.querySelectorAll('*')]
    .filter(e => [...e.attributes].some(a => a.name.toLowerCase().startsWith('on')))
    .map(e => e.outerHTML.slice(0, 200)),
  links: [...document.querySelectorAll('a[href], [*|href]')]
    .map(e => e.getAttribute('href') || e.getAttribute('xlink:href') || '')
    .filter(h => /^\\s*javascript:/i.test(h)),
  scripts: [...document.scripts].filter(s => !s.src || /alert/.test(s.textContent))
    .map(s => s.outerHTML.slice(0, 200)),
})"""


def _upload_as(page: object, server: ServerProcess, secret: str, project_id: int) -> dict:
    """Upload the hostile CSV through the API with alice's token, as a script would."""
    response = page.request.post(
        f"{server.url}/api/v1/projects/{project_id}/datasets/",
        headers={"Authorization": f"Token {secret}"},
        multipart={"file": {"name": FILE_NAME, "mimeType": "text/csv",
                            "buffer": (BAD_INPUTS / "xss_column_names.csv").read_bytes()}},
    )
    assert response.status == 201, response.text()
    return response.json()


def _assert_clean(page: object, where: str) -> None:
    found = page.evaluate(DOM_CHECK)
    assert found == {"handlers": [], "links": [], "scripts": []}, (where, found)


def test_hostile_names_are_shown_literally_and_never_run(web_server: ServerProcess,
                                                        page: object) -> None:
    expect = pytest.importorskip("playwright.sync_api").expect
    alice = get_user_model().objects.create_user("alice", password="correct horse battery")
    project = create_project(alice, "<script>alert('project')</script>")
    _token, secret = create_token(alice, name="e2e")
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    dataset = _upload_as(page, web_server, secret, project.pk)
    page.goto(web_server.url + "/login")
    page.get_by_test_id("login-username").fill("alice")
    page.get_by_test_id("login-password").fill("correct horse battery")
    page.get_by_test_id("login-submit").click()
    page.wait_for_url(re.compile(r"/$|/projects"))

    page.goto(f"{web_server.url}/projects/{project.pk}")
    expect(page.get_by_test_id("dataset-link")).to_have_text(re.compile(re.escape(FILE_NAME)))
    expect(page.locator("body")).to_contain_text("<script>alert('project')</script>")
    _assert_clean(page, "project page")

    page.goto(f"{web_server.url}/datasets/{dataset['id']}")
    columns = page.get_by_test_id("dataset-columns")
    expect(columns).to_contain_text(IMG_COLUMN)
    expect(columns).to_contain_text("<script>alert('col')</script>")
    for name in (IMG_COLUMN, LINK_COLUMN):
        row = columns.locator("tr").filter(has_text=name).first
        row.get_by_test_id("column-chart-toggle").click()
    charts = page.get_by_test_id("column-chart")
    expect(charts).to_have_count(2)
    expect(charts.locator("svg.main-svg").first).to_be_visible()
    expect(charts.first).to_contain_text("<b onmouseover=alert(4)>Busan</b>")
    expect(charts.nth(1)).to_contain_text("<a href=javascript:alert(5)>x</a>")
    page.wait_for_timeout(500)  # let any injected handler or image error fire

    _assert_clean(page, "dataset page with charts")
    assert dialogs == []
