"""Routes of datasets (mounted under /api/v1/)."""

from django.urls import path

from daria.datasets import views

urlpatterns = [
    path("projects/<int:pk>/datasets/", views.ProjectDatasetListView.as_view(),
         name="project-datasets"),
    path("datasets/<int:pk>/", views.DatasetDetailView.as_view(), name="dataset-detail"),
    path("datasets/<int:pk>/preview/", views.DatasetPreviewView.as_view(),
         name="dataset-preview"),
]
