"""Admin pages for models and prediction batches."""

from django.contrib import admin

from daria.predictions.models import PredictionBatch, TrainedModel


@admin.register(TrainedModel)
class TrainedModelAdmin(admin.ModelAdmin):
    """Final models."""

    list_display = ["id", "project", "target", "algorithm", "metric", "score", "created_at"]
    raw_id_fields = ["experiment", "project"]


@admin.register(PredictionBatch)
class PredictionBatchAdmin(admin.ModelAdmin):
    """Stored predictions."""

    list_display = ["id", "model", "name", "n_rows", "created_at"]
    raw_id_fields = ["model", "project"]
