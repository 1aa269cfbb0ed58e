"""Enqueueing Celery work, with a clear error when the broker cannot be reached.

Nothing falls back to running in the web process: a queue that is down is the user's 503.
"""

from __future__ import annotations

import logging
from typing import Any

from django.utils.translation import gettext_lazy as _
from kombu.exceptions import OperationalError
from rest_framework import status
from rest_framework.exceptions import APIException

from daria.celery import app as celery_app

log = logging.getLogger(__name__)


class BrokerUnavailable(APIException):
    """The task queue (Redis) did not accept the job."""

    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_code = "queue_unavailable"
    default_detail = _(
        "The job queue is not reachable, so the work was not started. "
        "Check that Redis and a worker are running, then try again."
    )


def enqueue(task_name: str, *args: Any, **options: Any) -> str:
    """Send the task called ``task_name`` to the broker; return its id or raise BrokerUnavailable.

    Tasks are sent by name so that services need not import the modules that import them.
    """
    try:
        result = celery_app.send_task(task_name, args=args, **options)
    except OperationalError as exc:
        log.error("could not enqueue %s%r: %s", task_name, args, exc)
        raise BrokerUnavailable() from exc
    return str(result.id)
