"""The single-page app: every route the API does not own gets its index.html."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.decorators.http import require_safe


def _index_path() -> Path:
    return settings.BASE_DIR / "frontend" / "dist" / "index.html"


@require_safe
@ensure_csrf_cookie
def spa(request: HttpRequest, path: str = "") -> HttpResponse:
    """The built app's index.html, or a plain page saying how to build it."""
    index = _index_path()
    if not index.is_file():
        message = _("The web app has not been built yet. Run the build (make run, or "
                    "npm ci && npm run build in frontend/) and reload this page.")
        return HttpResponse(message, content_type="text/plain; charset=utf-8", status=503)
    # Never cached: it names the hashed asset files of the current build.
    response = HttpResponse(index.read_bytes(), content_type="text/html; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    return response
