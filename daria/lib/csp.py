"""The Content-Security-Policy header, sent on every response.

Scripts load only from this server and never inline: an injected ``<script>`` or ``onerror=``
does not run even if some page failed to escape it. The one page with an inline script, the
Swagger UI at ``DARIA_CSP_NONCE_PATHS``, gets a fresh nonce per response for that script alone.
Inline styles stay allowed: Plotly and Swagger UI set them, and a style cannot run code.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data: blob:",
    "font-src": "'self' data:",
    "connect-src": "'self'",
    "worker-src": "'self' blob:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


def content_security_policy(nonce: str | None = None) -> str:
    """The policy as a header value; ``nonce`` additionally allows scripts carrying it."""
    policy = dict(_POLICY)
    if nonce:
        policy["script-src"] += f" 'nonce-{nonce}'"
    return "; ".join(f"{directive} {sources}" for directive, sources in policy.items())


class ContentSecurityPolicyMiddleware:
    """Add the policy to every response that does not set its own."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        nonce = None
        if request.path.startswith(tuple(settings.DARIA_CSP_NONCE_PATHS)):
            nonce = secrets.token_urlsafe(18)
            request.csp_nonce = nonce  # read by the page's template
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", content_security_policy(nonce))
        return response
