"""Daria: the Django project. Importing it loads the Celery app so that tasks find it."""

from daria.celery import app as celery_app

__all__ = ["celery_app"]
