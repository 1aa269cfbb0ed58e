"""Under the Content-Security-Policy, the app and the API docs still run in a real browser."""

from collections.abc import Iterator

import pytest

from tests.e2e.conftest import CHROMIUM, CHROMIUM_FLAGS

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

_WATCH_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
    e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


@pytest.fixture
def page(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """A headless Chromium page that records every policy violation."""
    from playwright.sync_api import sync_playwright

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        browser_page = browser.new_page()
        browser_page.set_default_timeout(30_000)
        browser_page.add_init_script(_WATCH_VIOLATIONS)
        yield browser_page
        browser.close()


def test_the_swagger_page_renders_with_no_violation(live_server: object, page: object) -> None:
    page.goto(f"{live_server.url}/api/docs/")

    page.wait_for_selector(".swagger-ui .information-container")
    assert page.evaluate("window.__violations") == []


def test_the_app_renders_with_no_violation(live_server: object, page: object) -> None:
    page.goto(f"{live_server.url}/")

    page.wait_for_function("document.getElementById('root').childElementCount > 0")
    assert page.evaluate("window.__violations") == []


def test_an_inline_script_is_blocked(live_server: object, page: object) -> None:
    # Proves the two tests above can fail: the browser does enforce the header.
    page.goto(f"{live_server.url}/api/v1/setup/")
    page.evaluate("""() => {
        const s = document.createElement('script');
        s.textContent = 'window.__ran = true';
        document.body.appendChild(s);
    }""")

    assert page.evaluate("window.__ran === undefined")
    assert any(v.startswith("script-src") for v in page.evaluate("window.__violations"))
