"""Response shapes of the model insights API (for the OpenAPI schema and generated types)."""

from __future__ import annotations

from rest_framework import serializers


class InsightChartStateSerializer(serializers.Serializer):
    """One chart of the model page and whether it can be fetched."""

    key = serializers.CharField()
    kind = serializers.ChoiceField(choices=["cheap", "expensive"])
    state = serializers.ChoiceField(
        choices=["queued", "running", "ready", "failed", "unavailable"])
    reason = serializers.CharField(allow_blank=True)
    feature = serializers.CharField(allow_blank=True, help_text="The feature of a partial "
                                    "dependence chart; empty for other charts.")


class InsightJobSerializer(serializers.Serializer):
    """The background job computing the expensive charts."""

    state = serializers.ChoiceField(choices=["queued", "running", "ready", "failed"])
    error = serializers.CharField(allow_blank=True)
    updated_at = serializers.DateTimeField()


class InsightListSerializer(serializers.Serializer):
    """Every chart of a model with its state."""

    model = serializers.IntegerField()
    task = serializers.CharField()
    job = InsightJobSerializer()
    charts = InsightChartStateSerializer(many=True)


class InsightFigureSerializer(serializers.Serializer):
    """A plotly figure: traces and layout, drawn with plotly.js."""

    data = serializers.ListField(child=serializers.DictField())
    layout = serializers.DictField()


class InsightTableSerializer(serializers.Serializer):
    """The chart's numbers as display text, for the "show as table" view."""

    columns = serializers.ListField(child=serializers.CharField())
    rows = serializers.ListField(
        child=serializers.ListField(child=serializers.CharField(allow_null=True)))


class InsightChartSerializer(serializers.Serializer):
    """One chart: a plotly figure and the same data as a table."""

    figure = InsightFigureSerializer()
    table = InsightTableSerializer()
