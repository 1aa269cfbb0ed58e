"""Browser tests: Daria as a user gets it (uvicorn and a real Celery worker on the test
database: the ``web_server`` fixture of tests/conftest.py), driven by Debian's headless Chromium
through Playwright (no browser download)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from django.db import connections

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def page(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """A fresh page of a headless Chromium with downloads allowed."""
    from playwright.sync_api import expect, sync_playwright

    # Playwright's sync API runs an event loop in the test thread; the ORM calls the test makes
    # around the browser are still plain synchronous code.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        context = browser.new_context(accept_downloads=True, locale="en-US")
        browser_page = context.new_page()
        browser_page.set_default_timeout(30_000)
        # The CI machine has two busy cores and a worker beside the browser: a page that loads
        # a saved model can take more than expect()'s default five seconds to fill in.
        expect.set_options(timeout=20_000)
        yield browser_page
        # Database connections the test opened while Playwright ran live in Playwright's context,
        # where pytest-django never closes them: close them here, in that context.
        connections.close_all()
        context.close()
        browser.close()
