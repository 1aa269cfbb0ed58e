"""App configuration."""

from django.apps import AppConfig


class InsightsConfig(AppConfig):
    """Charts and explanations of a trained model, computed from its out-of-fold predictions."""

    name = "daria.insights"
    label = "insights"
