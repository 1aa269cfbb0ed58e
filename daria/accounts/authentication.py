"""DRF authentication by API token, read from the ``Authorization: Token <token>`` header only.

Tokens in query strings or cookies are never looked at: URLs end up in logs and histories.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.request import Request

from daria.accounts.tokens import user_for_token

KEYWORD = "Token"


class ApiTokenAuthentication(BaseAuthentication):
    """``Authorization: Token daria_...``; an unknown, expired or revoked token is 401."""

    def authenticate(self, request: Request) -> tuple[object, object] | None:
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != KEYWORD.lower().encode():
            return None  # no token: let session authentication (or nothing) decide
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(
                _("Invalid token header: send “Token <token>” with no spaces in the token.")
            )
        try:
            secret = parts[1].decode("ascii")
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(_("Invalid token.")) from None
        found = user_for_token(secret)
        if found is None:
            raise exceptions.AuthenticationFailed(
                _("The token is not valid: it may have expired or been revoked."), "bad_token"
            )
        return found

    def authenticate_header(self, request: Request) -> str:
        return KEYWORD
