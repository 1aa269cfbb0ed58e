"""App configuration."""

from django.apps import AppConfig


class ExperimentsConfig(AppConfig):
    """Searches and the trials they run."""

    name = "daria.experiments"
    label = "experiments"
