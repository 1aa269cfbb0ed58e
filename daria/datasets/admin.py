"""Admin pages for datasets."""

from django.contrib import admin

from daria.datasets.models import Column, Dataset


class ColumnInline(admin.TabularInline):
    """A dataset's columns, read-only (they come from the engine's profile)."""

    model = Column
    extra = 0
    can_delete = False
    readonly_fields = ["position", "name", "kind", "missing", "unique"]


@admin.register(Dataset)
class DatasetAdmin(admin.ModelAdmin):
    """Uploaded datasets."""

    list_display = ["name", "project", "n_rows", "n_columns", "size_bytes", "created_at"]
    search_fields = ["name", "project__name"]
    readonly_fields = ["file", "encoding", "delimiter", "read_options", "warnings", "preview"]
    inlines = [ColumnInline]
