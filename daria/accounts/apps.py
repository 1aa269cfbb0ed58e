"""App configuration."""

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Projects, who may do what in them, API tokens and quotas."""

    name = "daria.accounts"
    label = "accounts"

    def ready(self) -> None:
        from daria.accounts import schema  # noqa: F401 - registers the token scheme
