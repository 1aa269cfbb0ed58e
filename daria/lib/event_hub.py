"""One Redis reading connection per web process, shared by every live stream it serves.

A browser tab watching an experiment must not cost a Redis connection: the hub follows an
experiment's event stream (``daria.lib.events``) while it has listeners, from the stream's newest
entry when the first listener arrived, and a single reader task blocks on one ``XREAD`` over every
followed stream and hands each entry to the listeners of its stream.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from typing import Any

import redis
import redis.asyncio
from django.conf import settings

from daria.lib.events import decode_entry

log = logging.getLogger(__name__)

# Messages a slow listener may have waiting; beyond that they are dropped, and the listener's
# stream notices the skipped sequence number and catches up from the database.
LISTENER_BACKLOG = 1000
# How long one XREAD waits for entries. A stream followed meanwhile joins the next read, from
# the entry that was newest when it was followed, so nothing is missed.
READ_BLOCK_MS = 250
READ_COUNT = 500
# Where a stream that does not exist yet starts: before any entry.
STREAM_START = b"0-0"


def reader_client_name() -> str:
    """The Redis client name of this process's reading connection (``CLIENT LIST`` shows it)."""
    return f"daria-events-{os.getpid()}"


class Listener:
    """The events of one experiment's stream for one live stream (one browser)."""

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


def _entry_order(entry_id: bytes) -> tuple[int, int]:
    """A stream entry id (``b"<ms>-<n>"``) as a comparable pair."""
    milliseconds, _, number = entry_id.partition(b"-")
    return int(milliseconds), int(number or 0)


class EventHub:
    """Followed streams, with their listeners and read positions, over one reading connection."""

    def __init__(self, url: str) -> None:
        self._url = url
        self._lock = asyncio.Lock()
        self._client: redis.asyncio.Redis | None = None
        self._reader: asyncio.Task[None] | None = None
        self._listeners: dict[str, set[Listener]] = {}
        self._positions: dict[str, bytes] = {}
        self._followed = asyncio.Event()

    @asynccontextmanager
    async def listen(self, stream: str) -> AsyncIterator[Listener]:
        """Listen to ``stream`` until the block ends.

        Every entry added after the block starts is delivered, so a caller may read the
        database next without leaving a gap. Raises ``redis.RedisError`` when Redis is away.
        """
        listener = Listener()
        async with self._lock:
            client = self._connected()
            if stream not in self._listeners:
                position = await _newest_entry(client, stream)
                self._listeners[stream] = set()
                self._positions[stream] = position
                self._followed.set()
            self._listeners[stream].add(listener)
        try:
            yield listener
        finally:
            await self._leave(stream, listener)

    def followed_streams(self) -> list[str]:
        """The streams this process follows (one per watched experiment)."""
        return sorted(self._listeners)

    def _connected(self) -> redis.asyncio.Redis:
        if self._client is None or self._reader is None or self._reader.done():
            self._client = redis.asyncio.Redis.from_url(
                self._url, socket_connect_timeout=2, client_name=reader_client_name())
            self._listeners.clear()
            self._positions.clear()
            self._reader = asyncio.create_task(self._read(self._client))
        return self._client

    async def _leave(self, stream: str, listener: Listener) -> None:
        async with self._lock:
            listeners = self._listeners.get(stream)
            if listeners is None:
                return  # the connection was lost and reset meanwhile
            listeners.discard(listener)
            if not listeners:
                del self._listeners[stream], self._positions[stream]

    async def _read(self, client: redis.asyncio.Redis) -> None:
        """Dispatch entries until the connection fails; then end every listener's stream."""
        try:
            while True:
                if not self._positions:
                    self._followed.clear()
                    await self._followed.wait()  # nothing to read until a stream is followed
                    continue
                replies = await client.xread(dict(self._positions), count=READ_COUNT,
                                             block=READ_BLOCK_MS)
                for stream, entries in replies or []:
                    self._dispatch(stream.decode(), entries)
        except redis.RedisError as exc:
            log.warning("live events lost their Redis connection: %s", exc)
            for listeners in self._listeners.values():
                for listener in listeners:
                    listener.deliver(exc)
            self._listeners.clear()
            self._positions.clear()
        finally:
            with suppress(redis.RedisError):
                await client.aclose()

    def _dispatch(self, stream: str, entries: list[tuple[bytes, dict[bytes, bytes]]]) -> None:
        for entry_id, fields in entries:
            position = self._positions.get(stream)
            if position is None or _entry_order(entry_id) <= _entry_order(position):
                continue  # no longer followed, or followed again from a later entry
            self._positions[stream] = entry_id
            event = decode_entry(fields)
            for listener in self._listeners.get(stream, ()):
                listener.deliver(event)


async def _newest_entry(client: redis.asyncio.Redis, stream: str) -> bytes:
    """The id of the stream's newest entry (``0-0`` when it has none yet)."""
    newest = await client.xrevrange(stream, count=1)
    return newest[0][0] if newest else STREAM_START


_hubs: dict[asyncio.AbstractEventLoop, EventHub] = {}


def event_hub() -> EventHub:
    """The hub of the running event loop (one per web process under uvicorn)."""
    loop = asyncio.get_running_loop()
    if loop not in _hubs:
        _hubs.clear()  # a previous loop (tests) has ended; its hub cannot be used any more
        _hubs[loop] = EventHub(settings.REDIS_URL)
    return _hubs[loop]
