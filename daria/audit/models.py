"""Audit events. Rows are only ever inserted: the model, its queryset, the admin and (on
PostgreSQL and SQLite) a database trigger all refuse updates and deletes."""

from __future__ import annotations

from typing import Any, NoReturn

from django.conf import settings
from django.db import models


class AppendOnlyError(RuntimeError):
    """Something tried to change or delete an audit event."""


class Action(models.TextChoices):
    """What was done."""

    DATASET_UPLOAD = "dataset.upload", "uploaded a dataset"
    EXPERIMENT_START = "experiment.start", "started an experiment"
    EXPERIMENT_CANCEL = "experiment.cancel", "cancelled an experiment"
    EXPERIMENT_REPLAY = "experiment.replay", "replayed an experiment"
    MODEL_DOWNLOAD = "model.download", "downloaded a model"
    PREDICTION_CREATE = "prediction.create", "made predictions"
    PREDICTION_DOWNLOAD = "prediction.download", "downloaded predictions"
    MEMBER_ADD = "member.add", "added a member"
    MEMBER_ROLE = "member.role", "changed a member's role"
    MEMBER_REMOVE = "member.remove", "removed a member"
    TOKEN_CREATE = "token.create", "created an API token"
    TOKEN_REVOKE = "token.revoke", "revoked an API token"
    PASSWORD_CHANGE = "password.change", "changed their password"
    PASSWORD_RESET = "password.reset", "reset their password"


class AppendOnlyQuerySet(models.QuerySet):
    """A queryset whose bulk update and delete refuse to run."""

    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Audit events cannot be changed.")

    def delete(self) -> NoReturn:
        raise AppendOnlyError("Audit events cannot be deleted.")


class AuditEvent(models.Model):
    """One thing one user did.

    The actor and project are kept as unconstrained references plus a copy of their names, so
    that deleting a user or project neither touches nor loses its history.
    """

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.DO_NOTHING,
        db_constraint=False, related_name="+",
    )
    actor_username = models.CharField(max_length=150)
    action = models.CharField(max_length=32, choices=Action.choices, db_index=True)
    project = models.ForeignKey(
        "accounts.Project", null=True, blank=True, on_delete=models.DO_NOTHING,
        db_constraint=False, related_name="+",
    )
    project_name = models.CharField(max_length=200, blank=True)
    target_type = models.CharField(max_length=64, blank=True)
    target_id = models.CharField(max_length=64, blank=True)
    details = models.JSONField(default=dict, blank=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_username} {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("Audit events cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("Audit events cannot be deleted.")
