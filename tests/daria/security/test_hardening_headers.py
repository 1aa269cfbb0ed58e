"""Every response carries a Content-Security-Policy without inline scripts, and frame denial."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)


def _directives(response: object) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {name: sources for name, *sources in (part.split() for part in policy.split(";"))}


@pytest.mark.parametrize("path", ["/", "/api/v1/setup/", "/admin/login/", "/no-such-page/x"])
def test_every_response_forbids_inline_scripts_and_framing(client: object, path: str) -> None:
    response = client.get(path)

    directives = _directives(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"


def test_the_built_app_has_no_inline_script_for_the_policy_to_block(client: object) -> None:
    index = finders.find("app/index.html")
    assert index, "build the front end first (npm run build)"
    html = Path(index).read_text(encoding="utf-8")

    assert "<script" in html and not _INLINE_SCRIPT.search(html)


def test_the_api_docs_inline_script_alone_is_allowed_by_a_fresh_nonce(client: object) -> None:
    first, second = client.get("/api/docs/"), client.get("/api/docs/")

    assert first.status_code == 200
    html = first.content.decode()
    nonces = [s for s in _directives(first)["script-src"] if s.startswith("'nonce-")]
    assert len(nonces) == 1
    nonce = nonces[0].removeprefix("'nonce-").removesuffix("'")
    inline = _INLINE_SCRIPT.findall(html)
    assert inline == [f'<script nonce="{nonce}">']
    assert "SwaggerUIBundle(" in html
    assert _directives(second)["script-src"] != _directives(first)["script-src"]
