"""App configuration."""

from django.apps import AppConfig


class ExportsConfig(AppConfig):
    """Model exports, generated scripts, reproducibility records and reports."""

    name = "daria.exports"
    label = "exports"
