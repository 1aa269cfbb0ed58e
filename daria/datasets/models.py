"""Datasets and their columns, as profiled by the engine at upload time."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from daria.accounts.models import Project


class Dataset(models.Model):
    """An uploaded table. The file is stored under a server-generated name.

    ``name`` is the uploader's original file name: display metadata only, never a path.
    ``read_options`` holds the encoding and delimiter the user chose (empty means detected), so
    that re-reading the stored bytes gives exactly the frame that was profiled.
    """

    class Status(models.TextChoices):
        READY = "ready", "ready"

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="datasets")
    name = models.CharField(max_length=255)
    file = models.FileField(upload_to="datasets/", max_length=255)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.READY)
    n_rows = models.PositiveBigIntegerField()
    n_columns = models.PositiveIntegerField()
    encoding = models.CharField(max_length=32)
    delimiter = models.CharField(max_length=4)
    read_options = models.JSONField(default=dict)
    size_bytes = models.PositiveBigIntegerField()
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
    """One column of a dataset, with the kind the engine inferred."""

    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="columns")
    position = models.PositiveIntegerField()
    name = models.TextField()
    kind = models.CharField(max_length=16)
    missing = models.PositiveBigIntegerField()
    unique = models.PositiveBigIntegerField()

    class Meta:
        ordering = ["dataset", "position"]
        constraints = [
            models.UniqueConstraint(fields=["dataset", "position"], name="one_column_per_position")
        ]

    def __str__(self) -> str:
        return self.name
