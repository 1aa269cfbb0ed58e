"""One Redis reading connection per process, shared by every live stream (on the real Redis)."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator

import pytest
import redis
from django.conf import settings

from daria.lib.event_hub import READ_BLOCK_MS, EventHub
from daria.lib.events import EVENT_FIELD, encode_event


async def _add(stream: str, seq: int) -> None:
    client = redis.asyncio.Redis.from_url(settings.REDIS_URL)
    await client.xadd(stream, {EVENT_FIELD: encode_event("trial", {}, seq)})
    await client.aclose()


@pytest.fixture
def stream() -> Iterator[str]:
    key = f"daria:test-hub:{uuid.uuid4().hex}"
    yield key
    redis.Redis.from_url(settings.REDIS_URL).delete(key, key + ":other")


def test_listeners_of_one_stream_each_get_every_new_event_and_nothing_older(stream: str) -> None:
    async def scenario() -> tuple[list, list, list[str], list[str]]:
        await _add(stream, 1)  # before anyone listens: already in the database
        hub = EventHub(settings.REDIS_URL)
        async with hub.listen(stream) as first, hub.listen(stream) as second:
            followed = hub.followed_streams()
            await _add(stream, 2)
            await _add(stream, 3)
            got = [await first.next_event(2), await first.next_event(2),
                   await second.next_event(2), await second.next_event(2)]
            quiet = [await first.next_event(0.2)]
        return got, quiet, followed, hub.followed_streams()

    got, quiet, followed, after = asyncio.run(scenario())

    assert [event["id"] for event in got] == [2, 3, 2, 3]
    assert quiet == [None]
    assert followed == [stream]
    assert after == []  # the last listener to leave stops following


def test_a_stream_followed_while_the_reader_waits_on_another_misses_nothing(stream: str) -> None:
    async def scenario() -> list[int]:
        hub = EventHub(settings.REDIS_URL)
        async with hub.listen(stream + ":other"):
            await asyncio.sleep(0.05)  # the reader is now waiting on the other stream only
            async with hub.listen(stream) as listener:
                await _add(stream, 7)  # before the reader's next XREAD includes this stream
                first = await listener.next_event(READ_BLOCK_MS / 1000 * 4 + 2)
                await _add(stream, 8)
                second = await listener.next_event(2)
        return [first["id"], second["id"]]

    assert asyncio.run(scenario()) == [7, 8]


def test_events_of_other_streams_are_not_delivered(stream: str) -> None:
    async def scenario() -> dict | None:
        hub = EventHub(settings.REDIS_URL)
        async with hub.listen(stream) as listener, hub.listen(stream + ":other"):
            await _add(stream + ":other", 1)
            return await listener.next_event(0.5)

    assert asyncio.run(scenario()) is None


def test_a_hub_that_cannot_reach_redis_says_so() -> None:
    async def scenario() -> None:
        hub = EventHub("redis://127.0.0.1:1/0")
        async with hub.listen("daria:test-hub:unreachable"):
            pass

    with pytest.raises(redis.ConnectionError):
        asyncio.run(scenario())
