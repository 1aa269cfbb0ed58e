"""Top-level routes: the API, its schema and docs, the admin, then the single-page app."""

from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

api_v1 = [
    path("", include("daria.accounts.urls")),
    path("", include("daria.datasets.urls")),
    path("", include("daria.experiments.urls")),
    path("", include("daria.predictions.urls")),
]

urlpatterns = [
    path("api/v1/", include(api_v1)),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="api-docs"),
    path("admin/", admin.site.urls),
    path("", include("daria.web.urls")),
]
