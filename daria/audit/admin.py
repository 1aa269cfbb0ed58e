"""The audit log in the admin: searchable, and read-only even for superusers."""

from django.contrib import admin
from django.http import HttpRequest

from daria.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Who did what, newest first; nobody may add, change or delete an event here."""

    list_display = ["created_at", "actor_username", "action", "project_name", "target_type",
                    "target_id"]
    list_filter = ["action"]
    search_fields = ["actor_username", "project_name", "target_id"]
    date_hierarchy = "created_at"
    readonly_fields = [field.name for field in AuditEvent._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
