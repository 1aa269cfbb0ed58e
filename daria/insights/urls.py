"""Routes of the model insights: metrics, charts, feature importance (mounted under /api/v1/)."""

from django.urls import path

from daria.insights import views

urlpatterns = [
    path("models/<int:pk>/insights/", views.InsightListView.as_view(), name="model-insights"),
    path("models/<int:pk>/insights/retry/", views.InsightRetryView.as_view(),
         name="model-insights-retry"),
    path("models/<int:pk>/insights/<slug:chart>/", views.InsightChartView.as_view(),
         name="model-insight-chart"),
]
