"""Routes of sign-in, passwords, tokens, setup, projects and members (mounted under /api/v1/)."""

from django.urls import path

from daria.accounts import member_views, password_views, token_views, views

urlpatterns = [
    path("auth/csrf/", views.CsrfView.as_view(), name="auth-csrf"),
    path("auth/login/", views.LoginView.as_view(), name="auth-login"),
    path("auth/logout/", views.LogoutView.as_view(), name="auth-logout"),
    path("auth/me/", views.MeView.as_view(), name="auth-me"),
    path("auth/token/", views.TokenView.as_view(), name="auth-token"),
    path("auth/tokens/", token_views.ApiTokenListView.as_view(), name="token-list"),
    path("auth/tokens/<int:pk>/", token_views.ApiTokenDetailView.as_view(), name="token-detail"),
    path("auth/password/", password_views.PasswordChangeView.as_view(), name="password-change"),
    path("auth/password-reset/", password_views.PasswordResetView.as_view(),
         name="password-reset"),
    path("setup/", views.SetupView.as_view(), name="setup"),
    path("projects/", views.ProjectListView.as_view(), name="project-list"),
    path("projects/<int:pk>/", views.ProjectDetailView.as_view(), name="project-detail"),
    path("projects/<int:pk>/members/", member_views.ProjectMemberListView.as_view(),
         name="member-list"),
    path("projects/<int:pk>/members/<int:member_id>/",
         member_views.ProjectMemberDetailView.as_view(), name="member-detail"),
]
