"""Server-Sent Events: the wire format and the client's resume cursor.

See https://html.spec.whatwg.org/multipage/server-sent-events.html; every frame ends with a blank
line, a line starting with ``:`` is a comment (used to keep idle connections open through
proxies), and ``retry:`` tells the browser how long to wait before reconnecting.
"""

from __future__ import annotations

import json
from typing import Any


class BadCursor(ValueError):
    """A Last-Event-ID or ``?after=`` value that is not a whole number."""


def event_frame(event: str, data: Any, event_id: int) -> bytes:
    """One named event with its id and JSON data (on one line, so no newline can split it)."""
    body = json.dumps(data, default=str, separators=(",", ":"))
    return f"id: {event_id}\nevent: {event}\ndata: {body}\n\n".encode()


def comment_frame(text: str) -> bytes:
    """A comment line, which clients ignore: a keep-alive."""
    return f": {text}\n\n".encode()


def retry_frame(milliseconds: int) -> bytes:
    """Tell the browser how long to wait before it reconnects after a dropped connection."""
    return f"retry: {milliseconds}\n\n".encode()


def parse_cursor(last_event_id: str | None, after: str | None) -> int | None:
    """The id after which a client wants events: ``Last-Event-ID`` first (a reconnecting
    EventSource sends it with the original URL), else ``?after=``; None when neither is given.

    Raises BadCursor naming the value when it is not a whole number.
    """
    raw = last_event_id if last_event_id not in (None, "") else after
    if raw is None or raw == "":
        return None
    try:
        return int(raw)
    except ValueError:
        raise BadCursor(f"event id {raw!r} is not a whole number") from None
