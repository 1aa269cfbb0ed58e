"""Which Celery worker runs the current code: recorded on each trial it starts."""

from __future__ import annotations

from celery import current_task


def current_worker() -> str:
    """The hostname of the Celery worker running the current task ("celery@host"), or "" when
    called outside a task (a test or a management command calling the service directly)."""
    # ``current_task`` is a proxy: outside a task it stands for None, which has no ``request``.
    request = getattr(current_task, "request", None)
    return getattr(request, "hostname", None) or ""
