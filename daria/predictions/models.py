"""Final models of experiments and the prediction batches made with them."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from daria.accounts.models import Project
from daria.experiments.models import Experiment


class TrainedModel(models.Model):
    """The refit final model of an experiment, saved by the engine (skops, never pickle).

    Only files the server wrote itself are ever loaded: ``file_hmac`` signs the file's bytes
    (daria.predictions.signing) and is checked before every load or download.
    """

    experiment = models.OneToOneField(Experiment, on_delete=models.CASCADE, related_name="model")
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="models")
    file = models.FileField(upload_to="models/", max_length=255)
    file_hmac = models.CharField(max_length=64, default="", editable=False)
    target = models.TextField()
    task = models.CharField(max_length=16)
    metric = models.CharField(max_length=32)
    algorithm = models.CharField(max_length=64)
    score = models.FloatField(null=True, blank=True)
    metrics = models.JSONField(default=dict)
    classes = models.JSONField(default=list)
    feature_names = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.algorithm} for {self.target}"


class PredictionBatch(models.Model):
    """Predictions for an uploaded CSV, stored as a CSV ready to download."""

    model = models.ForeignKey(TrainedModel, on_delete=models.CASCADE, related_name="batches")
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=255)
    file = models.FileField(upload_to="predictions/", max_length=255)
    n_rows = models.PositiveBigIntegerField()
    warnings = models.JSONField(default=list)
    columns = models.JSONField(default=list)
    preview = models.JSONField(default=list)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"predictions for {self.name}"
