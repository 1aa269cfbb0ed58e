"""Routes of the leaderboard, search diagnostics and comparison (mounted under /api/v1/)."""

from django.urls import path  # noqa: F401  (used once the first route lands)

urlpatterns: list = []
