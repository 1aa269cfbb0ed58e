"""Routes of the audit log (mounted under /api/v1/)."""

from django.urls import path

from daria.audit import views

urlpatterns = [path("audit/", views.AuditEventListView.as_view(), name="audit-list")]
