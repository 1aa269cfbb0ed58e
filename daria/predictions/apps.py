"""App configuration."""

from django.apps import AppConfig


class PredictionsConfig(AppConfig):
    """Final models and batch predictions."""

    name = "daria.predictions"
    label = "predictions"
