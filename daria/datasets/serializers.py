"""Request and response shapes of datasets."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from daria.datasets.models import Column, Dataset
from daria.lib.engine_messages import translate_warnings


class WarningSerializer(serializers.Serializer):
    """Something worth telling the user that does not stop the work."""

    code = serializers.CharField()
    message = serializers.CharField()
    columns = serializers.ListField(child=serializers.CharField())


class ColumnSerializer(serializers.ModelSerializer):
    """A column and what it holds."""

    class Meta:
        model = Column
        fields = ["name", "kind", "missing", "unique"]


class DatasetSerializer(serializers.ModelSerializer):
    """A dataset with its columns and warnings (in the reader's language)."""

    columns = ColumnSerializer(many=True, read_only=True)
    warnings = serializers.SerializerMethodField()

    class Meta:
        model = Dataset
        fields = ["id", "project", "name", "status", "n_rows", "n_columns", "encoding",
                  "delimiter", "size_bytes", "columns", "warnings", "suggested_target",
                  "created_at"]
        read_only_fields = fields

    @extend_schema_field(WarningSerializer(many=True))
    def get_warnings(self, dataset: Dataset) -> list[dict[str, Any]]:
        return translate_warnings(dataset.warnings)


class DatasetUploadSerializer(serializers.Serializer):
    """A CSV upload; encoding and delimiter are detected unless given."""

    # Empty files pass here so that the engine explains what is wrong with them.
    file = serializers.FileField(allow_empty_file=True)
    encoding = serializers.CharField(required=False, allow_blank=True, max_length=32)
    delimiter = serializers.CharField(required=False, allow_blank=True, max_length=4,
                                      trim_whitespace=False)


class PreviewSerializer(serializers.Serializer):
    """The first rows, every cell as text or null."""

    columns = serializers.ListField(child=serializers.CharField())
    rows = serializers.ListField(
        child=serializers.ListField(child=serializers.CharField(allow_null=True))
    )
