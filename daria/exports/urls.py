"""Routes of the exports, reproducibility records and reports (mounted under /api/v1/)."""

from django.urls import path  # noqa: F401  (used once the first route lands)

urlpatterns: list = []
