"""Announcing experiment events on a Redis Stream per experiment (the fast path; the database is
the truth).

Events are added only after the row they describe is committed, so a reader that reads the
database after an event always finds the row. Each event carries the experiment's event sequence
number (``id``), which a live stream uses as its resumable cursor. The stream is trimmed to about
``DARIA_EVENT_STREAM_MAXLEN`` entries and expires ``DARIA_EVENT_STREAM_TTL_S`` after its last
event: older events are read from the database, never from Redis.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
from typing import Any

import redis
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

log = logging.getLogger(__name__)

# The field of a stream entry that holds the event's JSON.
EVENT_FIELD = b"event"


def experiment_stream(experiment_id: int) -> str:
    """The Redis Stream key of one experiment's events.

    Keyed by the database's name too: installations (or test runs) that share a Redis but not a
    database number their experiments independently, and must not read each other's events.
    Only the name: a worker on another machine reaches the same database under another host
    name, and must still write where the web process reads.
    """
    return f"daria:{_database_key()}:experiment:{experiment_id}:events"


def _database_key() -> str:
    """A short, stable name of the database this process uses."""
    name = str(connections[DEFAULT_DB_ALIAS].settings_dict["NAME"])
    return hashlib.sha256(name.encode()).hexdigest()[:12]


def encode_event(event: str, data: dict[str, Any], seq: int) -> str:
    """The JSON of one event as stored in the stream: ``{"event", "id", "data"}``."""
    return json.dumps({"event": event, "id": seq, "data": data}, default=str)


def decode_entry(fields: dict[bytes, bytes]) -> dict[str, Any]:
    """The event of one stream entry (the inverse of :func:`encode_event`)."""
    decoded: dict[str, Any] = json.loads(fields[EVENT_FIELD])
    return decoded


@functools.cache
def _client(url: str) -> redis.Redis:
    return redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=2)


def publish_experiment_event(
    experiment_id: int, event: str, data: dict[str, Any], seq: int
) -> bool:
    """Add ``{"event": event, "id": seq, "data": data}`` to the experiment's stream (trimmed,
    with its expiry renewed); return whether Redis accepted it.

    A failed publish is logged and not raised: the row is already committed, and a client that
    missed the event catches up from the database (``?after=N`` or ``Last-Event-ID``).
    """
    key = experiment_stream(experiment_id)
    try:
        pipeline = _client(settings.REDIS_URL).pipeline(transaction=False)
        pipeline.xadd(key, {EVENT_FIELD: encode_event(event, data, seq)},
                      maxlen=settings.DARIA_EVENT_STREAM_MAXLEN, approximate=True)
        pipeline.expire(key, settings.DARIA_EVENT_STREAM_TTL_S)
        pipeline.execute()
    except redis.RedisError as exc:
        log.warning("event %s of experiment %s not published: %s", event, experiment_id, exc)
        return False
    return True
