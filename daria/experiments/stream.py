"""The live stream of an experiment: Server-Sent Events served by an async view under ASGI.

On connect the stream listens to the experiment's Redis Stream first (through the process's
one shared reading connection, see ``daria.lib.event_hub``), then replays from the database
everything after the client's cursor (``Last-Event-ID`` or ``?after=``), then follows the stream.
Listening before reading leaves no gap; events seen twice are dropped by their sequence number.
A lost announcement is caught up from the database whenever the Redis Stream skips a number or stays
quiet for a keep-alive period. The stream ends when the experiment finishes.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import ParamSpec, TypeVar

import redis
from asgiref.sync import sync_to_async
from django.conf import settings
from django.db import connection
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    JsonResponse,
    StreamingHttpResponse,
)
from django.utils.translation import gettext as _
from rest_framework.exceptions import NotAuthenticated

from daria.experiments import services
from daria.experiments.live import LiveEvent, events_after
from daria.lib.api_auth import authenticate_api_user
from daria.lib.event_hub import event_hub
from daria.lib.events import experiment_stream
from daria.lib.sse import BadCursor, comment_frame, event_frame, parse_cursor, retry_frame

log = logging.getLogger(__name__)

# Before any event: a client that connects with no cursor gets everything.
START = -1

P = ParamSpec("P")
R = TypeVar("R")


def _database_step(function: Callable[P, R]) -> Callable[P, Awaitable[R]]:
    """``function`` run in the request's thread, which then gives its database connection back.

    A stream stays open for the whole search: were its thread to keep the connection between
    steps, every open stream would hold one of the web process's pooled connections (ten by
    default), and the eleventh browser would wait for one and get a server error.
    """
    @functools.wraps(function)
    def step(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return function(*args, **kwargs)
        finally:
            # Back to the pool when there is one; never inside a transaction someone else
            # opened (a test's, which must go on).
            if not connection.in_atomic_block:
                connection.close()

    return sync_to_async(step)


async def experiment_events(request: HttpRequest, pk: int) -> HttpResponseBase:
    """``GET /api/v1/experiments/{pk}/events/``: the experiment's events as ``text/event-stream``.

    403 when signed out, 404 for an experiment outside the user's projects, 400 for a cursor that
    is not a number, and 204 (which tells an EventSource not to reconnect) when the experiment
    has finished and the client already has every event.
    """
    user = await _database_step(authenticate_api_user)(request)
    if user is None:
        return _error(403, str(NotAuthenticated.default_detail), NotAuthenticated.default_code)
    try:
        after = parse_cursor(request.headers.get("Last-Event-ID"), request.GET.get("after"))
    except BadCursor:
        return _error(400, _("The event id must be a whole number."), "invalid")
    try:
        experiment = await _database_step(services.get_experiment)(user, pk)
    except Http404 as exc:
        return _error(404, str(exc), "not_found")
    if after is not None and experiment.is_finished and after >= experiment.event_seq:
        return HttpResponse(status=204)
    response = StreamingHttpResponse(event_stream(pk, START if after is None else after),
                                     content_type="text/event-stream")
    response["Cache-Control"] = "no-cache"
    response["X-Accel-Buffering"] = "no"  # nginx would otherwise hold events back
    return response


def _error(status: int, detail: str, code: str) -> JsonResponse:
    # The same shape as every other API error.
    return JsonResponse({"detail": detail, "code": code}, status=status)


async def event_stream(experiment_id: int, after: int) -> AsyncIterator[bytes]:
    """The frames of one client's stream, from the event after ``after`` until the end.

    Leaving the block (the experiment finished, the client went away and the server cancelled
    the generator, or Redis failed) stops listening.
    """
    yield retry_frame(settings.DARIA_SSE_RETRY_MS)
    try:
        async with event_hub().listen(experiment_stream(experiment_id)) as listener:
            cursor = _Cursor(after)
            catch_up = True
            while True:
                if catch_up:
                    async for frame in _replay(experiment_id, cursor):
                        yield frame
                    if cursor.done:
                        return
                message = await listener.next_event(settings.DARIA_SSE_KEEPALIVE_S)
                if message is None:
                    yield comment_frame("keep-alive")
                    catch_up = True  # an announcement may have been lost while Redis was away
                    continue
                event = LiveEvent.from_message(message)
                catch_up = event.seq > cursor.seq + 1  # skipped a number: read the database
                if not catch_up and cursor.take(event):
                    yield event_frame(event.name, event.data, event.seq)
                    if cursor.done:
                        return
    except redis.RedisError as exc:
        # Ending the stream makes the browser reconnect with its Last-Event-ID (or poll).
        log.warning("live stream of experiment %s ended: %s", experiment_id, exc)


class _Cursor:
    """The last sequence number this client has, and whether its stream is over."""

    def __init__(self, seq: int) -> None:
        self.seq = seq
        self.done = False

    def take(self, event: LiveEvent) -> bool:
        """Advance past ``event``; False when the client already has it."""
        if event.seq <= self.seq:
            return False
        self.seq = event.seq
        self.done = event.is_final
        return True


async def _replay(experiment_id: int, cursor: _Cursor) -> AsyncIterator[bytes]:
    """Frames of the events after the cursor that the database has, advancing the cursor."""
    replay = await _database_step(events_after)(experiment_id, cursor.seq)
    for event in replay.events:
        if cursor.take(event):
            yield event_frame(event.name, event.data, event.seq)
    # The replay reflects every change up to last_seq, including superseded ones it skipped.
    cursor.seq = max(cursor.seq, replay.last_seq)
    cursor.done = cursor.done or replay.finished
