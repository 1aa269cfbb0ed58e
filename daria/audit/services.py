"""Recording audit events; the one function every other app calls."""

from __future__ import annotations

from typing import Any

from django.db import models

from daria.accounts.models import Project
from daria.accounts.services import AnyUser
from daria.audit.models import Action, AuditEvent


def record(
    actor: AnyUser,
    action: Action,
    *,
    project: Project | int | None = None,
    target: models.Model | None = None,
    **details: Any,
) -> AuditEvent:
    """Append one event: ``actor`` did ``action`` to ``target`` in ``project``.

    ``details`` must be JSON-serializable (names, roles, row counts), never a secret.
    """
    project_obj = project if isinstance(project, Project) or project is None else (
        Project.objects.filter(pk=project).first()
    )
    return AuditEvent.objects.create(
        actor=actor if actor.is_authenticated else None,
        actor_username=actor.get_username() if actor.is_authenticated else "",
        action=action,
        project=project_obj,
        project_name=project_obj.name if project_obj else "",
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        details=details,
    )
