"""The catch-all route of the single-page app (mounted last)."""

from django.urls import re_path

from daria.web import views

urlpatterns = [re_path(r"^(?!api/|static/)(?P<path>.*)$", views.spa, name="spa")]
