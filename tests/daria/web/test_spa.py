"""Every non-API route gets the single-page app (or a page saying how to build it)."""

from pathlib import Path

import pytest
from django.test import Client

from daria.web import views


def test_a_deep_link_gets_the_built_index(monkeypatch: pytest.MonkeyPatch,
                                          tmp_path: Path) -> None:
    index = tmp_path / "index.html"
    index.write_text("<div id=root></div>", encoding="utf-8")
    monkeypatch.setattr(views, "_index_path", lambda: index)

    response = Client().get("/projects/3/experiments/7")

    assert response.status_code == 200 and b"id=root" in response.content
    assert response["Cache-Control"] == "no-cache"


def test_without_a_build_the_page_says_how_to_build(monkeypatch: pytest.MonkeyPatch,
                                                    tmp_path: Path) -> None:
    monkeypatch.setattr(views, "_index_path", lambda: tmp_path / "missing.html")
    response = Client().get("/")
    assert response.status_code == 503 and b"npm run build" in response.content


@pytest.mark.django_db
def test_unknown_api_routes_are_not_swallowed_by_the_app() -> None:
    assert Client().get("/api/v1/nope/").status_code == 404
