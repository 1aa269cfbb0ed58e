"""App configuration."""

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Projects and who may do what in them."""

    name = "daria.accounts"
    label = "accounts"
