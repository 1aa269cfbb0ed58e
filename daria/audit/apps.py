"""App configuration."""

from django.apps import AppConfig


class AuditConfig(AppConfig):
    """Who uploaded, ran, cancelled, downloaded, predicted and shared."""

    name = "daria.audit"
    label = "audit"
