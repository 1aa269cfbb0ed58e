"""The state of a model's expensive charts, computed by one background job per model."""

from __future__ import annotations

from django.db import models

from daria.predictions.models import TrainedModel


class InsightJob(models.Model):
    """The one background job computing a model's expensive charts, and what it produced.

    ``charts`` maps a chart key to ``{"state": "ready" | "failed" | "unavailable", "reason":
    str, "feature": str}``; the payloads themselves are JSON files under the model's insights
    folder (see ``daria.insights.storage``).
    """

    class State(models.TextChoices):
        QUEUED = "queued"
        RUNNING = "running"
        READY = "ready"
        FAILED = "failed"

    model = models.OneToOneField(TrainedModel, on_delete=models.CASCADE,
                                 related_name="insight_job")
    state = models.CharField(max_length=16, choices=State.choices, default=State.QUEUED)
    error = models.TextField(blank=True)
    charts = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"insights of model {self.model_id}: {self.state}"
