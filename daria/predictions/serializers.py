"""Request and response shapes of models and predictions."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from daria.datasets.serializers import WarningSerializer
from daria.lib.engine_messages import translate_warnings
from daria.predictions.models import PredictionBatch, TrainedModel

MAX_JSON_ROWS = 10_000


class TrainedModelSerializer(serializers.ModelSerializer):
    """A final model with its metrics."""

    metrics = serializers.DictField(child=serializers.FloatField(allow_null=True))
    classes = serializers.ListField(child=serializers.CharField())
    feature_names = serializers.ListField(child=serializers.CharField())
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = TrainedModel
        fields = ["id", "experiment", "project", "target", "task", "metric", "algorithm",
                  "score", "metrics", "classes", "feature_names", "created_at", "download_url"]
        read_only_fields = fields

    def get_download_url(self, model: TrainedModel) -> str:
        return reverse("model-download", args=[model.pk])


class PredictRowsSerializer(serializers.Serializer):
    """Rows to predict, each a mapping of column name to value."""

    rows = serializers.ListField(
        child=serializers.DictField(), min_length=1, max_length=MAX_JSON_ROWS
    )


class PredictFileSerializer(serializers.Serializer):
    """A CSV of rows to predict."""

    file = serializers.FileField(allow_empty_file=True)


class PredictionSerializer(serializers.Serializer):
    """One prediction, with class probabilities for classification."""

    prediction = serializers.JSONField()
    probabilities = serializers.DictField(child=serializers.FloatField(), allow_null=True)


class PredictionsResponseSerializer(serializers.Serializer):
    """Predictions for JSON rows, in input order."""

    predictions = PredictionSerializer(many=True)
    warnings = WarningSerializer(many=True)


class PredictionBatchSerializer(serializers.ModelSerializer):
    """Stored predictions for an uploaded file, with a preview and a download link."""

    warnings = serializers.SerializerMethodField()
    columns = serializers.ListField(child=serializers.CharField())
    preview = serializers.ListField(
        child=serializers.ListField(child=serializers.CharField(allow_null=True))
    )
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = PredictionBatch
        fields = ["id", "model", "name", "n_rows", "warnings", "columns", "preview",
                  "download_url", "created_at"]
        read_only_fields = fields

    @extend_schema_field(WarningSerializer(many=True))
    def get_warnings(self, batch: PredictionBatch) -> list[dict[str, Any]]:
        return translate_warnings(batch.warnings)

    def get_download_url(self, batch: PredictionBatch) -> str:
        return reverse("prediction-download", args=[batch.pk])
