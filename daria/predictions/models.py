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
    # Training ranges and categories for the novelty flag (automl_core.export.novelty), computed
    # from the training data on the first prediction and kept here.
    training_reference = models.JSONField(default=dict, blank=True)
    # SHA-256 of the model file, shown next to the download so a user can check their copy.
    file_sha256 = models.CharField(max_length=64, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.algorithm} for {self.target}"


class PredictionBatch(models.Model):
    """Predictions for an uploaded table, stored as a CSV ready to download.

    A large upload is stored as ``source`` with status ``processing`` and predicted by a worker,
    which updates ``progress`` (0..1) as it goes and removes ``source`` when done.
    """

    class Status(models.TextChoices):
        PROCESSING = "processing", "processing"
        READY = "ready", "ready"
        FAILED = "failed", "failed"

    model = models.ForeignKey(TrainedModel, on_delete=models.CASCADE, related_name="batches")
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=255)
    file = models.FileField(upload_to="predictions/", max_length=255, blank=True)
    source = models.FileField(upload_to="prediction-uploads/", max_length=255, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.READY)
    progress = models.FloatField(default=1.0)
    contributions = models.BooleanField(default=False)
    # Why it failed: the English text, plus the engine's code and params to translate it on read.
    error = models.TextField(blank=True)
    error_code = models.CharField(max_length=64, blank=True)
    error_params = models.JSONField(default=dict, blank=True)
    n_rows = models.PositiveBigIntegerField(default=0)
    # Rows flagged as unlike the training data (automl_core.export.novelty).
    n_unlike_training = models.PositiveBigIntegerField(default=0)
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
