"""Sign-in (session and token), first-run setup and projects. Views parse, decide, delegate."""

from __future__ import annotations

from django.contrib.auth import authenticate, login, logout
from django.middleware.csrf import get_token
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.csrf import ensure_csrf_cookie
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.authentication import SessionAuthentication
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from daria.accounts import services, tokens
from daria.accounts.models import Project
from daria.accounts.serializers import (
    CredentialsSerializer,
    CsrfSerializer,
    MeSerializer,
    NeedsSetupSerializer,
    ProjectSerializer,
    SetupSerializer,
    TokenSerializer,
)
from daria.lib import login_throttle


def _authenticate(request: Request) -> object:
    """The user the posted credentials belong to.

    400 on a malformed body, 403 on bad credentials, 429 after too many failures for this user
    name from this address (see daria.lib.login_throttle).
    """
    credentials = CredentialsSerializer(data=request.data)
    credentials.is_valid(raise_exception=True)
    login_throttle.check_login_allowed(credentials.validated_data["username"], request._request)
    # The authentication backend counts failures and clears them on success.
    user = authenticate(request._request, **credentials.validated_data)
    if user is None:
        raise AuthenticationFailed(_("The username or password is not correct."), "bad_credentials")
    return user


def enforce_csrf(request: Request) -> None:
    """Refuse a cross-site form post even from a signed-out browser (login CSRF).

    DRF only checks CSRF for requests that are already authenticated by session.
    """
    SessionAuthentication().enforce_csrf(request)


def _me(user: object) -> dict[str, object]:
    return MeSerializer(user).data


@method_decorator(ensure_csrf_cookie, name="get")
class CsrfView(APIView):
    """Set the ``csrftoken`` cookie the browser app sends back as ``X-CSRFToken``."""

    permission_classes = [AllowAny]

    @extend_schema(responses=CsrfSerializer)
    def get(self, request: Request) -> Response:
        return Response({"csrf_token": get_token(request._request)})


class LoginView(APIView):
    """Start a browser session."""

    permission_classes = [AllowAny]

    @extend_schema(request=CredentialsSerializer, responses=MeSerializer)
    def post(self, request: Request) -> Response:
        enforce_csrf(request)
        user = _authenticate(request)
        login(request._request, user)
        return Response(_me(user))


class LogoutView(APIView):
    """End the browser session."""

    permission_classes = [AllowAny]

    @extend_schema(request=None, responses={204: None})
    def post(self, request: Request) -> Response:
        logout(request._request)
        return Response(status=status.HTTP_204_NO_CONTENT)


class MeView(APIView):
    """Who is signed in (403 when nobody is)."""

    @extend_schema(responses=MeSerializer)
    def get(self, request: Request) -> Response:
        return Response(_me(request.user))


class TokenView(APIView):
    """Exchange a username and password for a new API token (scripts, the CLI).

    It expires after DARIA_TOKEN_TTL_DAYS and is listed and revoked like any other token.
    """

    permission_classes = [AllowAny]
    authentication_classes: list[type] = []

    @extend_schema(request=CredentialsSerializer, responses=TokenSerializer)
    def post(self, request: Request) -> Response:
        _token, secret = tokens.create_token(_authenticate(request), name="auth/token")
        return Response({"token": secret})


class SetupView(APIView):
    """First run: create the first administrator while no user exists."""

    permission_classes = [AllowAny]

    @extend_schema(responses=NeedsSetupSerializer)
    def get(self, request: Request) -> Response:
        return Response({"needs_setup": services.needs_setup()})

    @extend_schema(request=SetupSerializer, responses={201: MeSerializer})
    def post(self, request: Request) -> Response:
        enforce_csrf(request)
        serializer = SetupSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = services.create_first_admin(**serializer.validated_data)
        if user is None:
            return Response(
                {"detail": _("Daria is already set up; sign in instead."),
                 "code": "already_set_up"},
                status=status.HTTP_409_CONFLICT,
            )
        login(request._request, user, backend="django.contrib.auth.backends.ModelBackend")
        return Response(_me(user), status=status.HTTP_201_CREATED)


class ProjectListView(generics.ListCreateAPIView):
    """The caller's projects; creating one makes the caller its owner."""

    serializer_class = ProjectSerializer
    pagination_class = None

    def get_queryset(self):  # noqa: ANN201 - DRF's signature
        return services.projects_for(self.request.user)

    def perform_create(self, serializer: ProjectSerializer) -> None:
        serializer.instance = services.create_project(
            self.request.user, **serializer.validated_data
        )


class ProjectDetailView(generics.RetrieveAPIView):
    """One of the caller's projects."""

    serializer_class = ProjectSerializer
    queryset = Project.objects.none()

    def get_object(self) -> Project:
        return services.get_project(self.request.user, self.kwargs["pk"])
