"""Routes of the leaderboard, search diagnostics and comparison (mounted under /api/v1/)."""

from django.urls import path

from daria.leaderboard import views

urlpatterns = [
    path("experiments/<int:pk>/leaderboard/", views.LeaderboardView.as_view(),
         name="experiment-leaderboard"),
    path("experiments/<int:pk>/leaderboard/export/", views.LeaderboardExportView.as_view(),
         name="experiment-leaderboard-export"),
    path("experiments/<int:pk>/diagnostics/", views.DiagnosticsIndexView.as_view(),
         name="experiment-diagnostics"),
    path("experiments/<int:pk>/diagnostics/<slug:chart>/", views.DiagnosticsChartView.as_view(),
         name="experiment-diagnostics-chart"),
    path("compare/", views.CompareView.as_view(), name="compare"),
]
