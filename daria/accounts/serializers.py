"""Request and response shapes of sign-in, first-run setup and projects."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from rest_framework import serializers

from daria.accounts.models import Project, Role


class CredentialsSerializer(serializers.Serializer):
    """A username and password."""

    username = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=128, trim_whitespace=False, write_only=True)


class SetupSerializer(CredentialsSerializer):
    """The first administrator's account; the password must pass Django's validators."""

    def validate(self, attrs: dict[str, str]) -> dict[str, str]:
        user = get_user_model()(username=attrs["username"])
        try:
            validate_password(attrs["password"], user)
        except ValidationError as exc:
            raise serializers.ValidationError({"password": exc.messages}) from exc
        return attrs


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
