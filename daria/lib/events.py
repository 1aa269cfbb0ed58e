"""Announcing experiment events on Redis pub/sub (the fast path; the database is the truth).

Events are published only after the row they describe is committed, so a subscriber that reads
the database after an event always finds the row. Each event carries the experiment's event
sequence number (``id``), which a live stream uses as its resumable cursor.
"""

from __future__ import annotations

import functools
import json
import logging
from typing import Any

import redis
from django.conf import settings

log = logging.getLogger(__name__)


def experiment_channel(experiment_id: int) -> str:
    """The pub/sub channel of one experiment's events."""
    return f"daria:experiment:{experiment_id}"


@functools.cache
def _client(url: str) -> redis.Redis:
    return redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=2)


def publish_experiment_event(
    experiment_id: int, event: str, data: dict[str, Any], seq: int
) -> bool:
    """Publish ``{"event": event, "id": seq, "data": data}``; return whether Redis accepted it.

    A failed publish is logged and not raised: the row is already committed, and a client that
    missed the event catches up from the database (``?after=N`` or ``Last-Event-ID``).
    """
    payload = json.dumps({"event": event, "id": seq, "data": data}, default=str)
    try:
        _client(settings.REDIS_URL).publish(experiment_channel(experiment_id), payload)
    except redis.RedisError as exc:
        log.warning("event %s of experiment %s not published: %s", event, experiment_id, exc)
        return False
    return True
