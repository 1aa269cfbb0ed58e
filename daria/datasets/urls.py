"""Routes of datasets (mounted under /api/v1/). Column names may hold any character: ``path``."""

from django.urls import path

from daria.datasets import examples_views, views

urlpatterns = [
    path("example-dataset/", examples_views.ExampleDatasetView.as_view(), name="example-dataset"),
    path("projects/<int:pk>/datasets/", views.ProjectDatasetListView.as_view(),
         name="project-datasets"),
    path("datasets/<int:pk>/", views.DatasetDetailView.as_view(), name="dataset-detail"),
    path("datasets/<int:pk>/preview/", views.DatasetPreviewView.as_view(),
         name="dataset-preview"),
    path("datasets/<int:pk>/reparse/", views.DatasetReparseView.as_view(),
         name="dataset-reparse"),
    path("datasets/<int:pk>/target-advice/", views.TargetAdviceView.as_view(),
         name="dataset-target-advice"),
    path("datasets/<int:pk>/columns/<path:name>/chart/", views.ColumnChartView.as_view(),
         name="dataset-column-chart"),
    path("datasets/<int:pk>/columns/<path:name>/", views.ColumnDetailView.as_view(),
         name="dataset-column"),
]
