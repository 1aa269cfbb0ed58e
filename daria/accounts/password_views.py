"""Changing a password, and resetting a forgotten one by email.

The reset link opens Django's own confirm page (``/accounts/reset/<uid>/<token>/``, rendered
with the admin's templates), which checks the new password against the validators.
"""

from __future__ import annotations

from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.views import PasswordResetConfirmView
from django.http import HttpResponse
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from daria.accounts.models import ApiToken
from daria.accounts.serializers import PasswordChangeSerializer, PasswordResetSerializer
from daria.accounts.views import enforce_csrf
from daria.audit.models import Action
from daria.audit.services import record


class PasswordChangeView(APIView):
    """Change the caller's password; the browser's own session stays signed in, others end."""

    @extend_schema(request=PasswordChangeSerializer, responses={204: None})
    def post(self, request: Request) -> Response:
        form = PasswordChangeSerializer(data=request.data, context={"user": request.user})
        form.is_valid(raise_exception=True)
        request.user.set_password(form.validated_data["new_password"])
        request.user.save(update_fields=["password"])
        update_session_auth_hash(request._request, request.user)
        record(request.user, Action.PASSWORD_CHANGE)
        return Response(status=status.HTTP_204_NO_CONTENT)


class PasswordResetView(APIView):
    """Email a reset link to the account with this address.

    Always 204, whether or not an account has the address, so that it reveals nobody's email.
    """

    permission_classes = [AllowAny]

    @extend_schema(request=PasswordResetSerializer, responses={204: None})
    def post(self, request: Request) -> Response:
        enforce_csrf(request)
        form = PasswordResetSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        reset = PasswordResetForm(data=form.validated_data)
        if reset.is_valid():
            reset.save(request=request._request, use_https=request.is_secure())
        return Response(status=status.HTTP_204_NO_CONTENT)


class ResetConfirmView(PasswordResetConfirmView):
    """Django's confirm page; a reset also revokes the user's API tokens (they may be leaked)."""

    def form_valid(self, form: object) -> HttpResponse:
        response = super().form_valid(form)
        ApiToken.objects.filter(user=self.user).delete()
        record(self.user, Action.PASSWORD_RESET)
        return response
