"""Sign-in throttling: a few failed passwords per user name and client address, then a pause.

Counters live in the shared cache (Redis), so every web process sees the same count. The key
pairs the user name with the address: an attacker guessing one account is stopped, while that
user signing in from elsewhere, and everyone else, is not. ``ThrottledModelBackend`` counts and
enforces for every password sign-in (the API and the admin's form); the API views also call
``check_login_allowed`` first to answer 429 with a clear message.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils.translation import gettext as _
from rest_framework.exceptions import Throttled


def _key(username: str, request: HttpRequest) -> str:
    # Hashed so that an arbitrary posted user name never becomes part of a Redis key.
    who = f"{username.casefold()}\0{request.META.get('REMOTE_ADDR', '')}"
    return "login-failures:" + hashlib.sha256(who.encode()).hexdigest()


def is_locked_out(username: str, request: HttpRequest) -> bool:
    """Whether this user name from this address has used up its failed attempts."""
    return (cache.get(_key(username, request)) or 0) >= settings.DARIA_LOGIN_FAILURE_LIMIT


def check_login_allowed(username: str, request: HttpRequest) -> None:
    """Raise 429 (before the password is even checked) once the failures reach the limit."""
    if not is_locked_out(username, request):
        return
    minutes = -(-settings.DARIA_LOGIN_FAILURE_WINDOW_S // 60)
    raise Throttled(
        detail=_("Too many failed sign-ins for this user. "
                 "Try again in at most %(minutes)d minutes.") % {"minutes": minutes},
        code="login_throttled",
    )


def record_login_failure(username: str, request: HttpRequest) -> None:
    """Count a failed password; the window starts at the first failure and is not extended."""
    key = _key(username, request)
    cache.add(key, 0, timeout=settings.DARIA_LOGIN_FAILURE_WINDOW_S)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr: this failure starts a new window
        cache.add(key, 1, timeout=settings.DARIA_LOGIN_FAILURE_WINDOW_S)


def clear_login_failures(username: str, request: HttpRequest) -> None:
    """Forget this user name and address's failures after a correct password."""
    cache.delete(_key(username, request))


class ThrottledModelBackend(ModelBackend):
    """Django's password check, refused while locked out, counting each failure."""

    def authenticate(self, request: HttpRequest | None, username: str | None = None,
                     password: str | None = None, **kwargs: Any) -> Any:
        if request is None or username is None or password is None:
            return super().authenticate(request, username, password, **kwargs)
        if is_locked_out(username, request):
            raise PermissionDenied  # stops Django trying the other backends
        user = super().authenticate(request, username, password, **kwargs)
        if user is None:
            record_login_failure(username, request)
            # The plain ModelBackend listed after this one must not check the password again.
            raise PermissionDenied
        clear_login_failures(username, request)
        return user
