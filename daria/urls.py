"""Top-level routes: the API, its schema and docs, the admin, then the single-page app."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from daria.accounts.password_views import ResetConfirmView

api_v1 = [
    path("", include("daria.accounts.urls")),
    path("", include("daria.datasets.urls")),
    path("", include("daria.experiments.urls")),
    path("", include("daria.predictions.urls")),
    path("", include("daria.audit.urls")),
    path("", include("daria.insights.urls")),
    path("", include("daria.leaderboard.urls")),
    path("", include("daria.exports.urls")),
]

urlpatterns = [
    path("api/v1/", include(api_v1)),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="api-docs"),
    path("admin/", admin.site.urls),
    # The page a password-reset email links to (server-rendered with the admin's templates).
    path("accounts/reset/<uidb64>/<token>/", ResetConfirmView.as_view(),
         name="password_reset_confirm"),
    path("accounts/reset/done/", auth_views.PasswordResetCompleteView.as_view(),
         name="password_reset_complete"),
    path("", include("daria.web.urls")),
]
