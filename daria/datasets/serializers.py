"""Request and response shapes of datasets."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from automl_core.data import ColumnKind, ReadOptions
from daria.datasets.fixes import fix_for
from daria.datasets.messages import translate_data_warning, translate_error_fields
from daria.datasets.models import Column, Dataset


class FixSerializer(serializers.Serializer):
    """What the browser sends to apply a warning's fix."""

    kind = serializers.ChoiceField(choices=["exclude", "reparse"])
    label = serializers.CharField()
    columns = serializers.ListField(child=serializers.CharField(), required=False)
    options = serializers.DictField(required=False)


class WarningSerializer(serializers.Serializer):
    """Something worth telling the user that does not stop the work, with its fix if any."""

    code = serializers.CharField()
    message = serializers.CharField()
    columns = serializers.ListField(child=serializers.CharField())
    fix = FixSerializer(allow_null=True)


class ColumnSerializer(serializers.ModelSerializer):
    """A column: its kind (and the inferred one), whether it is excluded, its statistics."""

    stats = serializers.JSONField(read_only=True)

    class Meta:
        model = Column
        fields = ["name", "kind", "inferred_kind", "excluded", "missing", "unique", "stats"]


class ReadOptionsSerializer(serializers.Serializer):
    """Overrides of what the reader detects; blank or absent means "detect it"."""

    encoding = serializers.CharField(required=False, allow_blank=True, allow_null=True,
                                     max_length=32)
    delimiter = serializers.CharField(required=False, allow_blank=True, allow_null=True,
                                      max_length=4, trim_whitespace=False)
    decimal_comma = serializers.BooleanField(required=False, allow_null=True, default=None)
    header = serializers.BooleanField(required=False, default=True)
    sheet = serializers.CharField(required=False, allow_blank=True, allow_null=True,
                                  max_length=255)
    missing_values = serializers.ListField(child=serializers.CharField(max_length=64,
                                                                       trim_whitespace=False),
                                           required=False, max_length=50)
    drop_duplicates = serializers.BooleanField(required=False, default=False)
    parse_numbers = serializers.ListField(child=serializers.CharField(max_length=1024,
                                                                      trim_whitespace=False),
                                          required=False, max_length=2000)

    def to_options(self) -> ReadOptions:
        """The validated fields as the engine's options."""
        fields = ReadOptionsSerializer._declared_fields
        return ReadOptions.from_dict({k: v for k, v in self.validated_data.items()
                                      if k in fields})


class DatasetSerializer(serializers.ModelSerializer):
    """A dataset with its columns, warnings (with fixes) and error, in the reader's language."""

    columns = ColumnSerializer(many=True, read_only=True)
    warnings = serializers.SerializerMethodField()
    error = serializers.SerializerMethodField()
    read_options = serializers.JSONField(read_only=True)

    class Meta:
        model = Dataset
        fields = ["id", "project", "name", "status", "n_rows", "n_columns", "format",
                  "encoding", "delimiter", "sheet", "read_options", "size_bytes",
                  "duplicated_rows", "memory_bytes", "columns", "warnings", "suggested_target",
                  "error", "error_code", "created_at"]
        read_only_fields = fields

    @extend_schema_field(WarningSerializer(many=True))
    def get_warnings(self, dataset: Dataset) -> list[dict[str, Any]]:
        return with_fixes(dataset, dataset.warnings)

    def get_error(self, dataset: Dataset) -> str:
        if not dataset.error_code:
            return ""
        return translate_error_fields(dataset.error_code, dataset.error, dataset.error_params)


def with_fixes(dataset: Dataset, warnings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Stored warnings translated, each with the fix that still applies (or None)."""
    excluded = {c.name for c in dataset.columns.all() if c.excluded}
    return [{**translate_data_warning(w), "fix": fix_for(w, excluded, dataset.read_options)}
            for w in warnings]


class DatasetUploadSerializer(ReadOptionsSerializer):
    """A table upload (CSV/TSV, gzip or ZIP of one CSV, XLSX, Parquet) and its read options."""

    # Empty files pass here so that the engine explains what is wrong with them.
    file = serializers.FileField(allow_empty_file=True)


class ColumnUpdateSerializer(serializers.Serializer):
    """A user's change to a column."""

    kind = serializers.ChoiceField(choices=[k.value for k in ColumnKind], required=False)
    excluded = serializers.BooleanField(required=False)


class TargetProblemSerializer(serializers.Serializer):
    """Something that stops training on this target, in the reader's language."""

    code = serializers.CharField()
    message = serializers.CharField()


class TargetAdviceSerializer(serializers.Serializer):
    """What choosing a target means: the task and why, blocking problems, and warnings."""

    target = serializers.CharField()
    task = serializers.ChoiceField(choices=["binary", "multiclass", "regression"],
                                   allow_null=True)
    task_reason = serializers.CharField(allow_blank=True)
    problems = TargetProblemSerializer(many=True)
    warnings = WarningSerializer(many=True)


class PreviewSerializer(serializers.Serializer):
    """The first rows, every cell as text or null."""

    columns = serializers.ListField(child=serializers.CharField())
    rows = serializers.ListField(
        child=serializers.ListField(child=serializers.CharField(allow_null=True))
    )
