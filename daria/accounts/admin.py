"""Admin pages for users (with their quota), projects, memberships, API tokens and quotas."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest

from daria.accounts.models import ApiToken, Membership, Project, ProjectQuota, UserQuota


class MembershipInline(admin.TabularInline):
    """Members edited on the project's page."""

    model = Membership
    extra = 1
    autocomplete_fields = ["user"]


class ProjectQuotaInline(admin.StackedInline):
    """The project's storage limit, when it differs from the server default."""

    model = ProjectQuota
    can_delete = True
    extra = 0
    max_num = 1


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    """Projects with their members and quota."""

    list_display = ["name", "created_at"]
    search_fields = ["name"]
    inlines = [MembershipInline, ProjectQuotaInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    """Who has which role where."""

    list_display = ["project", "user", "role"]
    list_filter = ["role"]
    autocomplete_fields = ["project", "user"]


class UserQuotaInline(admin.StackedInline):
    """The user's experiment limit, when it differs from the server default."""

    model = UserQuota
    can_delete = True
    extra = 0
    max_num = 1


admin.site.unregister(get_user_model())


@admin.register(get_user_model())
class DariaUserAdmin(UserAdmin):
    """Django's user admin, plus the user's quota."""

    inlines = [*UserAdmin.inlines, UserQuotaInline]


@admin.register(UserQuota)
class UserQuotaAdmin(admin.ModelAdmin):
    """Per-user overrides of the experiment limit."""

    list_display = ["user", "max_concurrent_experiments"]
    autocomplete_fields = ["user"]


@admin.register(ProjectQuota)
class ProjectQuotaAdmin(admin.ModelAdmin):
    """Per-project overrides of the storage limit."""

    list_display = ["project", "max_storage_bytes"]
    autocomplete_fields = ["project"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """API tokens: an administrator can see and revoke (delete) them, never read a secret."""

    list_display = ["name", "user", "token_key", "created", "expiry", "last_used"]
    search_fields = ["name", "token_key", "user__username"]
    readonly_fields = ["name", "user", "token_key", "created", "expiry", "last_used"]
    exclude = ["digest"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # tokens are created by their users, who see the secret once

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
