"""One Redis pub/sub connection per web process, shared by every live stream it serves.

A browser tab watching an experiment must not cost a Redis connection: the hub subscribes to an
experiment's channel when its first listener arrives and unsubscribes when the last one leaves,
and a single reader task hands each message to the listeners of its channel.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from typing import Any

import redis
import redis.asyncio
from django.conf import settings

log = logging.getLogger(__name__)

# Messages a slow listener may have waiting; beyond that they are dropped, and the listener's
# stream notices the skipped sequence number and catches up from the database.
LISTENER_BACKLOG = 1000
CONFIRM_TIMEOUT_S = 5


class Listener:
    """The events of one channel for one stream."""

    def __init__(self) -> None:
        self._queue: asyncio.Queue[dict[str, Any] | redis.RedisError] = asyncio.Queue(
            LISTENER_BACKLOG)

    def deliver(self, item: dict[str, Any] | redis.RedisError) -> None:
        """Hand over an event (or the error that ended the connection) without waiting."""
        with suppress(asyncio.QueueFull):
            self._queue.put_nowait(item)

    async def next_event(self, timeout_s: float) -> dict[str, Any] | None:
        """The next event, or None when none came within the timeout.

        Raises ``redis.RedisError`` when the hub lost its connection to Redis.
        """
        try:
            item = await asyncio.wait_for(self._queue.get(), timeout_s)
        except TimeoutError:
            return None
        if isinstance(item, redis.RedisError):
            raise item
        return item


class EventHub:
    """Channel subscriptions, counted per channel, over one connection and one reader task."""

    def __init__(self, url: str) -> None:
        self._url = url
        self._lock = asyncio.Lock()
        self._pubsub: redis.asyncio.client.PubSub | None = None
        self._reader: asyncio.Task[None] | None = None
        self._listeners: dict[str, set[Listener]] = {}
        self._confirmed: dict[str, asyncio.Event] = {}

    @asynccontextmanager
    async def listen(self, channel: str) -> AsyncIterator[Listener]:
        """Listen to ``channel`` until the block ends.

        The subscription is confirmed by Redis before the block starts, so a caller may read the
        database next without leaving a gap. Raises ``redis.RedisError`` when Redis is away.
        """
        listener = Listener()
        async with self._lock:
            pubsub = await self._connected()
            if channel not in self._listeners:
                self._listeners[channel] = set()
                self._confirmed[channel] = asyncio.Event()
                await pubsub.subscribe(channel)
            self._listeners[channel].add(listener)
            confirmed = self._confirmed[channel]
        try:
            await asyncio.wait_for(confirmed.wait(), CONFIRM_TIMEOUT_S)
            yield listener
        finally:
            await self._leave(channel, listener)

    def subscribed_channels(self) -> list[str]:
        """The channels this process is subscribed to (one per watched experiment)."""
        return sorted(self._listeners)

    async def _connected(self) -> redis.asyncio.client.PubSub:
        if self._pubsub is None or self._reader is None or self._reader.done():
            client = redis.asyncio.Redis.from_url(self._url, socket_connect_timeout=2)
            self._pubsub = client.pubsub()
            self._listeners.clear()
            self._confirmed.clear()
            self._reader = asyncio.create_task(self._read(client, self._pubsub))
        return self._pubsub

    async def _leave(self, channel: str, listener: Listener) -> None:
        async with self._lock:
            listeners = self._listeners.get(channel)
            if listeners is None:
                return  # the connection was lost and reset meanwhile
            listeners.discard(listener)
            if not listeners:
                del self._listeners[channel], self._confirmed[channel]
                with suppress(redis.RedisError):
                    if self._pubsub is not None:
                        await self._pubsub.unsubscribe(channel)

    async def _read(self, client: redis.asyncio.Redis,
                    pubsub: redis.asyncio.client.PubSub) -> None:
        """Dispatch messages until the connection fails; then end every listener's stream."""
        try:
            while True:
                if not pubsub.subscribed:
                    await asyncio.sleep(0.05)  # nothing to read before the first subscribe
                    continue
                message = await pubsub.get_message(timeout=1.0)
                if message is not None:
                    self._dispatch(message)
        except redis.RedisError as exc:
            log.warning("live events lost their Redis connection: %s", exc)
            for listeners in self._listeners.values():
                for listener in listeners:
                    listener.deliver(exc)
            self._listeners.clear()
            self._confirmed.clear()
        finally:
            with suppress(redis.RedisError):
                await pubsub.aclose()
                await client.aclose()

    def _dispatch(self, message: dict[str, Any]) -> None:
        channel = message["channel"].decode()
        if message["type"] == "subscribe" and channel in self._confirmed:
            self._confirmed[channel].set()
        elif message["type"] == "message":
            event = json.loads(message["data"])
            for listener in self._listeners.get(channel, ()):
                listener.deliver(event)


_hubs: dict[asyncio.AbstractEventLoop, EventHub] = {}


def event_hub() -> EventHub:
    """The hub of the running event loop (one per web process under uvicorn)."""
    loop = asyncio.get_running_loop()
    if loop not in _hubs:
        _hubs.clear()  # a previous loop (tests) has ended; its hub cannot be used any more
        _hubs[loop] = EventHub(settings.REDIS_URL)
    return _hubs[loop]
