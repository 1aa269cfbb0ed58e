"""Admin pages for experiments and trials."""

from django.contrib import admin

from daria.experiments.models import Experiment, Trial


@admin.register(Experiment)
class ExperimentAdmin(admin.ModelAdmin):
    """Searches and their status."""

    list_display = ["id", "project", "target", "task", "metric", "status", "created_at"]
    list_filter = ["status", "task"]
    search_fields = ["target", "project__name"]
    raw_id_fields = ["dataset", "project"]


@admin.register(Trial)
class TrialAdmin(admin.ModelAdmin):
    """Individual trials."""

    list_display = ["experiment", "number", "algorithm", "state", "score"]
    list_filter = ["state", "algorithm"]
    raw_id_fields = ["experiment"]
