"""App configuration."""

from django.apps import AppConfig


class WebConfig(AppConfig):
    """The browser app's entry page."""

    name = "daria.web"
    label = "web"
