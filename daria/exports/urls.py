"""Routes of the exports, reproducibility records and reports (mounted under /api/v1/)."""

from django.urls import path

from daria.exports import views

urlpatterns = [
    path("models/<int:pk>/exports/", views.ModelExportsView.as_view(), name="model-exports"),
    path("models/<int:pk>/onnx/", views.ModelOnnxView.as_view(), name="model-onnx"),
    path("experiments/<int:pk>/trials/<int:number>/script/", views.TrialScriptView.as_view(),
         name="trial-script"),
    path("experiments/<int:pk>/reproducibility/", views.ReproducibilityView.as_view(),
         name="experiment-reproducibility"),
    path("client.py", views.ClientDownloadView.as_view(), name="python-client"),
    path("experiments/<int:pk>/report/", views.ReportView.as_view(), name="experiment-report"),
]
