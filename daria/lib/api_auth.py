"""Authenticating plain Django views (such as async streams) exactly as the REST API does."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.http import HttpRequest
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request
from rest_framework.settings import api_settings


def authenticate_api_user(request: HttpRequest) -> AbstractBaseUser | None:
    """The user the API's authentication classes (session, token) find, or None.

    Synchronous (it reads the session and token tables): call it through ``sync_to_async`` from
    an async view.
    """
    authenticators = [cls() for cls in api_settings.DEFAULT_AUTHENTICATION_CLASSES]
    try:
        user = Request(request, authenticators=authenticators).user
    except AuthenticationFailed:
        return None
    return user if user.is_authenticated else None
