"""Routes of models and predictions (mounted under /api/v1/)."""

from django.urls import path

from daria.predictions import views

urlpatterns = [
    path("models/<int:pk>/", views.ModelDetailView.as_view(), name="model-detail"),
    path("models/<int:pk>/predict/", views.ModelPredictView.as_view(), name="model-predict"),
    path("models/<int:pk>/download/", views.ModelDownloadView.as_view(), name="model-download"),
    path("predictions/<int:pk>/", views.PredictionDetailView.as_view(), name="prediction-detail"),
    path("predictions/<int:pk>/download/", views.PredictionDownloadView.as_view(),
         name="prediction-download"),
]
