"""Admin pages for projects and memberships."""

from django.contrib import admin

from daria.accounts.models import Membership, Project


class MembershipInline(admin.TabularInline):
    """Members edited on the project's page."""

    model = Membership
    extra = 1
    autocomplete_fields = ["user"]


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    """Projects with their members."""

    list_display = ["name", "created_at"]
    search_fields = ["name"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    """Who has which role where."""

    list_display = ["project", "user", "role"]
    list_filter = ["role"]
    autocomplete_fields = ["project", "user"]
