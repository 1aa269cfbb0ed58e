"""Request and response shapes of models and predictions."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from daria.datasets.messages import translate_error_fields
from daria.datasets.serializers import WarningSerializer
from daria.lib.engine_messages import translate_warnings
from daria.predictions.models import PredictionBatch, TrainedModel
from daria.predictions.services import model_sha256
from daria.predictions.signing import ModelFileTampered

MAX_JSON_ROWS = 10_000


class TrainedModelSerializer(serializers.ModelSerializer):
    """A final model with its metrics."""

    metrics = serializers.DictField(child=serializers.FloatField(allow_null=True))
    classes = serializers.ListField(child=serializers.CharField())
    feature_names = serializers.ListField(child=serializers.CharField())
    download_url = serializers.SerializerMethodField()
    sha256 = serializers.SerializerMethodField()

    class Meta:
        model = TrainedModel
        fields = ["id", "experiment", "project", "target", "task", "metric", "algorithm",
                  "score", "metrics", "classes", "feature_names", "created_at", "download_url",
                  "sha256"]
        read_only_fields = fields

    def get_download_url(self, model: TrainedModel) -> str:
        return reverse("model-download", args=[model.pk])

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_sha256(self, model: TrainedModel) -> str | None:
        """The SHA-256 of the model file a download returns; null when the file is missing or
        no longer matches its signature (the download then says so; the rest still shows)."""
        try:
            return model_sha256(model)
        except (ModelFileTampered, OSError):
            return None


class RowField(serializers.DictField):
    """One row to predict: a mapping of column name to any JSON value.

    A parsed JSON object is taken as it is: DictField would run a field validation per cell
    that passes every value through unchanged, which for 1,000 rows cost as much as the model.
    Anything else gets DictField's validation and its error messages.
    """

    def to_internal_value(self, data: Any) -> dict[str, Any]:
        if type(data) is dict and all(type(key) is str for key in data):
            return data
        return super().to_internal_value(data)


class PredictRowsSerializer(serializers.Serializer):
    """Rows to predict, each a mapping of column name to value."""

    rows = serializers.ListField(child=RowField(), min_length=1, max_length=MAX_JSON_ROWS)
    contributions = serializers.BooleanField(
        default=False, help_text="Also return each row's top-3 feature contributions.")


class PredictFileSerializer(serializers.Serializer):
    """A CSV of rows to predict."""

    file = serializers.FileField(allow_empty_file=True)
    contributions = serializers.BooleanField(
        default=False, help_text="Add each row's top-3 feature contributions as columns.")


class ContributionSerializer(serializers.Serializer):
    """How much one input column pushed a row's prediction (signed; see docs/exports.md)."""

    feature = serializers.CharField()
    value = serializers.FloatField()


class PredictionSerializer(serializers.Serializer):
    """One prediction, with class probabilities for classification."""

    prediction = serializers.JSONField()
    probabilities = serializers.DictField(child=serializers.FloatField(), allow_null=True)
    unlike_training = serializers.BooleanField(
        help_text="True when a value is far outside the training range or a new category.")
    unlike_training_columns = serializers.ListField(child=serializers.CharField())
    contributions = ContributionSerializer(many=True, allow_null=True)


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
    xlsx_url = serializers.SerializerMethodField()
    error = serializers.SerializerMethodField()
    # A plain string in the schema: the same three values as a dataset's status, and one shared
    # enum name for both would rename the dataset's generated type.
    status = serializers.CharField(help_text="processing, ready or failed")

    class Meta:
        model = PredictionBatch
        fields = ["id", "model", "name", "status", "progress", "contributions", "n_rows",
                  "n_unlike_training", "warnings", "columns", "preview", "download_url",
                  "xlsx_url", "error", "error_code", "created_at"]
        read_only_fields = fields

    @extend_schema_field(WarningSerializer(many=True))
    def get_warnings(self, batch: PredictionBatch) -> list[dict[str, Any]]:
        return translate_warnings(batch.warnings)

    def get_download_url(self, batch: PredictionBatch) -> str:
        return reverse("prediction-download", args=[batch.pk])

    def get_xlsx_url(self, batch: PredictionBatch) -> str:
        return reverse("prediction-download", args=[batch.pk]) + "?file_format=xlsx"

    def get_error(self, batch: PredictionBatch) -> str:
        """Why the batch failed, in the reader's language (empty unless failed)."""
        if not batch.error_code:
            return ""
        return translate_error_fields(batch.error_code, batch.error, batch.error_params)
