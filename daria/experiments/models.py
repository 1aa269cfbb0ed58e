"""Experiments and trials. The database is the truth: a trial is committed, then announced."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from daria.accounts.models import Project
from daria.datasets.models import Dataset


class Experiment(models.Model):
    """One AutoML search over a dataset for a target, within a time budget."""

    class Status(models.TextChoices):
        QUEUED = "queued", "queued"
        RUNNING = "running", "running"
        SUCCEEDED = "succeeded", "succeeded"
        FAILED = "failed", "failed"
        CANCELLED = "cancelled", "cancelled"

    FINISHED = frozenset({Status.SUCCEEDED, Status.FAILED, Status.CANCELLED})

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="experiments")
    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="experiments")
    target = models.TextField()
    task = models.CharField(max_length=16)
    task_reason = models.TextField(blank=True)
    metric = models.CharField(max_length=32)
    greater_is_better = models.BooleanField()
    time_budget_s = models.PositiveIntegerField()
    seed = models.IntegerField(default=0)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.QUEUED)
    # Set by a cancel while running; the worker sees it at the next trial boundary.
    cancel_requested = models.BooleanField(default=False)
    progress = models.FloatField(default=0.0)
    # Why it failed: the English text, plus the engine's code and params to translate it on read.
    error = models.TextField(blank=True)
    error_code = models.CharField(max_length=64, blank=True)
    error_params = models.JSONField(default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.target} on {self.dataset}"

    @property
    def is_finished(self) -> bool:
        """Whether the experiment will not change any more."""
        return self.status in self.FINISHED


class Trial(models.Model):
    """One evaluated configuration of an experiment, written once it has finished."""

    experiment = models.ForeignKey(Experiment, on_delete=models.CASCADE, related_name="trials")
    number = models.PositiveIntegerField()
    state = models.CharField(max_length=16)
    algorithm = models.CharField(max_length=64)
    params = models.JSONField(default=dict)
    score = models.FloatField(null=True, blank=True)
    fold_scores = models.JSONField(default=list)
    fit_time_s = models.FloatField(default=0.0)
    predict_time_s = models.FloatField(default=0.0)
    error = models.TextField(blank=True)
    finished_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["experiment", "number"]
        constraints = [
            models.UniqueConstraint(fields=["experiment", "number"], name="one_trial_per_number")
        ]

    def __str__(self) -> str:
        return f"trial {self.number} ({self.algorithm}, {self.state})"
