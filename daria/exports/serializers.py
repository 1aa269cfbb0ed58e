"""Response shapes of model exports and reproducibility records."""

from __future__ import annotations

from rest_framework import serializers


class SkopsExportSerializer(serializers.Serializer):
    """The skops model file: where to download it, its SHA-256 and the types its loader trusts."""

    download_url = serializers.CharField()
    sha256 = serializers.CharField()
    trusted_types = serializers.ListField(child=serializers.CharField())


class OnnxInputSerializer(serializers.Serializer):
    """One input of the ONNX file: a column, fed as float64 (``number``) or text (``text``)."""

    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=["number", "text"])


class OnnxExportSerializer(serializers.Serializer):
    """Whether an ONNX file is offered (its inputs, outputs and a usage snippet), if not, why."""

    available = serializers.BooleanField()
    reason = serializers.CharField(allow_blank=True)
    download_url = serializers.CharField()
    inputs = OnnxInputSerializer(many=True)
    outputs = serializers.ListField(child=serializers.CharField())
    snippet = serializers.CharField(allow_blank=True)


class ModelExportsSerializer(serializers.Serializer):
    """The export formats of a model and the URL of its prediction endpoint."""

    skops = SkopsExportSerializer()
    onnx = OnnxExportSerializer()
    predict_url = serializers.CharField()
    feature_names = serializers.ListField(child=serializers.CharField())


class RecordTrialSerializer(serializers.Serializer):
    """One trial of a reproducibility record."""

    number = serializers.IntegerField()
    algorithm = serializers.CharField()
    params = serializers.DictField()
    state = serializers.CharField()
    score = serializers.FloatField(allow_null=True)
    fold_scores = serializers.ListField(child=serializers.FloatField(allow_null=True))
    refit_rounds = serializers.IntegerField(allow_null=True)
    script_url = serializers.CharField()


class ReproducibilityRecordSerializer(serializers.Serializer):
    """What an experiment ran on, with which versions and settings, and its trials in order."""

    format = serializers.IntegerField()
    experiment = serializers.DictField()
    dataset = serializers.DictField()
    libraries = serializers.DictField(child=serializers.CharField())
    search_space = serializers.DictField()
    trial_order = serializers.ListField(child=serializers.IntegerField())
    trials = RecordTrialSerializer(many=True)
