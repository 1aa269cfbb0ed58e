"""One Redis subscription per process, shared by every live stream (on the real Redis)."""

from __future__ import annotations

import asyncio
import json
import uuid

import pytest
import redis
from django.conf import settings

from daria.lib.event_hub import EventHub


def _numsub(channel: str) -> int:
    return redis.Redis.from_url(settings.REDIS_URL).pubsub_numsub(channel)[0][1]


async def _publish(channel: str, event: dict) -> None:
    client = redis.asyncio.Redis.from_url(settings.REDIS_URL)
    await client.publish(channel, json.dumps(event))
    await client.aclose()


@pytest.fixture
def channel() -> str:
    return f"daria:test-hub:{uuid.uuid4().hex}"


def test_listeners_of_one_channel_share_a_subscription_and_each_get_every_event(
    channel: str,
) -> None:
    async def scenario() -> tuple[int, list, list, int]:
        hub = EventHub(settings.REDIS_URL)
        async with hub.listen(channel) as first, hub.listen(channel) as second:
            shared = _numsub(channel)
            await _publish(channel, {"id": 1, "event": "trial", "data": {}})
            got = [await first.next_event(2), await second.next_event(2)]
            quiet = [await first.next_event(0.2)]
        await asyncio.sleep(0.2)  # the unsubscribe is confirmed asynchronously
        return shared, got, quiet, _numsub(channel)

    shared, got, quiet, after = asyncio.run(scenario())

    assert shared == 1
    assert [event["id"] for event in got] == [1, 1]
    assert quiet == [None]
    assert after == 0  # the last listener to leave unsubscribes


def test_events_of_other_channels_are_not_delivered(channel: str) -> None:
    async def scenario() -> dict | None:
        hub = EventHub(settings.REDIS_URL)
        async with hub.listen(channel) as listener, hub.listen(channel + ":other"):
            await _publish(channel + ":other", {"id": 1, "event": "trial", "data": {}})
            return await listener.next_event(0.5)

    assert asyncio.run(scenario()) is None


def test_a_hub_that_cannot_reach_redis_says_so() -> None:
    async def scenario() -> None:
        hub = EventHub("redis://127.0.0.1:1/0")
        async with hub.listen("daria:test-hub:unreachable"):
            pass

    with pytest.raises(redis.ConnectionError):
        asyncio.run(scenario())
