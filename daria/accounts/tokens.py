"""API tokens: created (the secret is returned once), listed and revoked by their owner.

A token is ``daria_`` plus 43 URL-safe characters (256 random bits); only its SHA-256 digest is
stored, so a database leak does not leak usable tokens. Each token expires. A token acts as its
user, so it has exactly that user's roles.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from daria.accounts.models import ApiToken
from daria.audit.models import Action
from daria.audit.services import record

# A recognisable prefix lets secret scanners find leaked Daria tokens.
TOKEN_PREFIX = "daria_"
MAX_TOKEN_DAYS = 365
_KEY_LENGTH = 12


def digest_of(secret: str) -> str:
    """The stored form of a token."""
    return hashlib.sha256(secret.encode()).hexdigest()


def tokens_of(user: AbstractBaseUser) -> QuerySet[ApiToken]:
    """The user's tokens that have not expired, newest first."""
    return ApiToken.objects.filter(user=user, expiry__gt=timezone.now())


@transaction.atomic
def create_token(user: AbstractBaseUser, name: str = "",
                 expires_in_days: int | None = None) -> tuple[ApiToken, str]:
    """A new token and its secret, which is not stored and cannot be shown again."""
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    days = expires_in_days or settings.DARIA_TOKEN_TTL_DAYS
    token = ApiToken.objects.create(
        user=user, name=name, token_key=secret[:_KEY_LENGTH], digest=digest_of(secret),
        expiry=timezone.now() + timedelta(days=days),
    )
    record(user, Action.TOKEN_CREATE, target=token, name=name, expires=token.expiry.isoformat())
    return token, secret


@transaction.atomic
def revoke_token(user: AbstractBaseUser, token_id: int) -> None:
    """Delete one of the user's tokens; another user's token answers 404."""
    token = ApiToken.objects.filter(user=user, pk=token_id).first()
    if token is None:
        raise Http404("No such token.")
    record(user, Action.TOKEN_REVOKE, target=token, name=token.name)
    token.delete()


def user_for_token(secret: str) -> tuple[AbstractBaseUser, ApiToken] | None:
    """The active user an unexpired token belongs to, or None.

    ``last_used`` is written at most once a minute per token, to keep reads cheap.
    """
    now = timezone.now()
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=digest_of(secret), expiry__gt=now, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    if token.last_used is None or now - token.last_used > timedelta(minutes=1):
        ApiToken.objects.filter(pk=token.pk).update(last_used=now)
    return token.user, token
