"""Request and response shapes of sign-in, passwords, tokens, first-run setup, projects and
members."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from daria.accounts.models import ApiToken, Membership, Project, Role
from daria.accounts.tokens import MAX_TOKEN_DAYS


class CredentialsSerializer(serializers.Serializer):
    """A username and password."""

    username = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=128, trim_whitespace=False, write_only=True)


def check_password_strength(field: str, password: str, user: object) -> None:
    """Run Django's password validators; their messages are reported under ``field``."""
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise serializers.ValidationError({field: exc.messages}) from exc


class SetupSerializer(CredentialsSerializer):
    """The first administrator's account; the password must pass Django's validators."""

    def validate(self, attrs: dict[str, str]) -> dict[str, str]:
        check_password_strength("password", attrs["password"],
                                get_user_model()(username=attrs["username"]))
        return attrs


class PasswordChangeSerializer(serializers.Serializer):
    """The current password and a new one that passes the validators (pass ``user`` in context)."""

    old_password = serializers.CharField(max_length=128, trim_whitespace=False, write_only=True)
    new_password = serializers.CharField(max_length=128, trim_whitespace=False, write_only=True)

    def validate_old_password(self, value: str) -> str:
        if not self.context["user"].check_password(value):
            raise serializers.ValidationError(_("The current password is not correct."))
        return value

    def validate(self, attrs: dict[str, str]) -> dict[str, str]:
        check_password_strength("new_password", attrs["new_password"], self.context["user"])
        return attrs


class PasswordResetSerializer(serializers.Serializer):
    """The email address a reset link is sent to (if an account has it)."""

    email = serializers.EmailField()


class MeSerializer(serializers.Serializer):
    """The signed-in user."""

    id = serializers.IntegerField()
    username = serializers.CharField()
    is_staff = serializers.BooleanField()


class TokenSerializer(serializers.Serializer):
    """An API token."""

    token = serializers.CharField()


class NeedsSetupSerializer(serializers.Serializer):
    """Whether the first administrator still has to be created."""

    needs_setup = serializers.BooleanField()


class CsrfSerializer(serializers.Serializer):
    """The CSRF token (also set as the ``csrftoken`` cookie)."""

    csrf_token = serializers.CharField()


class ProjectSerializer(serializers.ModelSerializer):
    """A project, with the caller's role in it."""

    role = serializers.ChoiceField(choices=Role.choices, read_only=True)

    class Meta:
        model = Project
        fields = ["id", "name", "description", "role", "created_at"]
        read_only_fields = ["id", "role", "created_at"]


class MemberSerializer(serializers.ModelSerializer):
    """A member of a project: the membership id, the user and their role."""

    user = serializers.IntegerField(source="user_id", read_only=True)
    username = serializers.CharField(source="user.username", read_only=True)
    email = serializers.EmailField(source="user.email", read_only=True)

    class Meta:
        model = Membership
        fields = ["id", "user", "username", "email", "role", "created_at"]
        read_only_fields = fields


class MemberInviteSerializer(serializers.Serializer):
    """Whom to add (username or email address of an existing account) and with which role."""

    user = serializers.CharField(max_length=254)
    role = serializers.ChoiceField(choices=Role.choices, default=Role.VIEWER)


class MemberRoleSerializer(serializers.Serializer):
    """A member's new role."""

    role = serializers.ChoiceField(choices=Role.choices)


class ApiTokenSerializer(serializers.ModelSerializer):
    """An API token as listed: never its secret, only the first characters to recognise it."""

    class Meta:
        model = ApiToken
        fields = ["id", "name", "token_key", "created", "expiry"]
        read_only_fields = fields


class ApiTokenCreateSerializer(serializers.Serializer):
    """A label for the new token and how many days it lives (default DARIA_TOKEN_TTL_DAYS)."""

    name = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
    expires_in_days = serializers.IntegerField(min_value=1, max_value=MAX_TOKEN_DAYS,
                                               required=False)


class ApiTokenCreatedSerializer(ApiTokenSerializer):
    """A new token with its secret, shown this once."""

    token = serializers.CharField(read_only=True)

    class Meta(ApiTokenSerializer.Meta):
        fields = [*ApiTokenSerializer.Meta.fields, "token"]
        read_only_fields = fields
