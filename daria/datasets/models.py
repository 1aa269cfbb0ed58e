"""Datasets and their columns, as profiled by the engine at upload time."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from daria.accounts.models import Project


class Dataset(models.Model):
    """An uploaded table. The file is stored under a server-generated name.

    ``name`` is the uploader's original file name: display metadata only, never a path.
    ``read_options`` holds the user's overrides (``ReadOptions.to_dict()``; ``None`` means
    detected), so that re-reading the stored bytes gives exactly the frame that was profiled.
    Large files are parsed by a worker: ``processing`` until then, ``failed`` with the engine's
    ``error_code`` / ``error_params`` when they cannot be read (the file is then removed).
    """

    class Status(models.TextChoices):
        PROCESSING = "processing", "processing"
        READY = "ready", "ready"
        FAILED = "failed", "failed"

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="datasets")
    name = models.CharField(max_length=255)
    file = models.FileField(upload_to="datasets/", max_length=255)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.READY)
    n_rows = models.PositiveBigIntegerField(default=0)
    n_columns = models.PositiveIntegerField(default=0)
    format = models.CharField(max_length=16, default="csv")
    encoding = models.CharField(max_length=32, blank=True)
    delimiter = models.CharField(max_length=4, blank=True)
    sheet = models.CharField(max_length=255, blank=True)
    read_options = models.JSONField(default=dict)
    size_bytes = models.PositiveBigIntegerField()
    duplicated_rows = models.PositiveBigIntegerField(default=0)
    memory_bytes = models.PositiveBigIntegerField(default=0)
    error = models.TextField(blank=True)
    error_code = models.CharField(max_length=64, blank=True)
    error_params = models.JSONField(default=dict)
    warnings = models.JSONField(default=list)
    # None means "no suggestion", which an empty string would not say.
    suggested_target = models.CharField(max_length=255, null=True, blank=True)  # noqa: DJ001
    preview = models.JSONField(default=list)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.name


class Column(models.Model):
    """One column of a dataset: the kind the engine inferred, the user's choices, statistics.

    ``kind`` is what training uses; it differs from ``inferred_kind`` when the user changed it.
    ``excluded`` columns are left out of training. ``stats`` is the engine's summary (quantiles
    and histogram, or top values), from which the chart is drawn.
    """

    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="columns")
    position = models.PositiveIntegerField()
    name = models.TextField()
    kind = models.CharField(max_length=16)
    inferred_kind = models.CharField(max_length=16, blank=True)
    excluded = models.BooleanField(default=False)
    stats = models.JSONField(default=dict)
    missing = models.PositiveBigIntegerField()
    unique = models.PositiveBigIntegerField()

    class Meta:
        ordering = ["dataset", "position"]
        constraints = [
            models.UniqueConstraint(fields=["dataset", "position"], name="one_column_per_position")
        ]

    def __str__(self) -> str:
        return self.name
