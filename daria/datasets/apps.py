"""App configuration."""

from django.apps import AppConfig


class DatasetsConfig(AppConfig):
    """Uploaded tables and their profiles."""

    name = "daria.datasets"
    label = "datasets"
