"""Announcing experiment events on Redis pub/sub (the fast path; the database is the truth).

Events are published only after the row they describe is committed, so a subscriber that reads
the database after an event always finds the row. Each event carries the experiment's event
sequence number (``id``), which a live stream uses as its resumable cursor.
"""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import redis
import redis.asyncio
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


class Subscription:
    """Experiment events received on one channel, decoded from JSON."""

    def __init__(self, pubsub: redis.asyncio.client.PubSub) -> None:
        self._pubsub = pubsub

    async def next_event(self, timeout_s: float) -> dict[str, Any] | None:
        """The next event published on the channel, or None when none came within the timeout."""
        message = await self._pubsub.get_message(ignore_subscribe_messages=True,
                                                 timeout=timeout_s)
        if message is None or message["type"] != "message":
            return None
        event: dict[str, Any] = json.loads(message["data"])
        return event


@asynccontextmanager
async def subscribed(channel: str) -> AsyncIterator[Subscription]:
    """An asyncio subscription to ``channel``, closed with its connection on exit.

    The server's confirmation is awaited before the block starts, so that everything published
    from then on is received: a caller may then read the database without leaving a gap.
    Raises ``redis.RedisError`` when Redis cannot be reached.
    """
    client = redis.asyncio.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=2)
    pubsub = client.pubsub()
    try:
        await pubsub.subscribe(channel)
        confirmation = await pubsub.get_message(timeout=5)
        if confirmation is None or confirmation["type"] != "subscribe":
            raise redis.ConnectionError(f"Redis did not confirm the subscription to {channel}")
        yield Subscription(pubsub)
    finally:
        await pubsub.aclose()
        await client.aclose()
