"""A small blocking Server-Sent Events client for tests: reads frames as a browser would."""

from __future__ import annotations

import http.client
import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit


@dataclass(frozen=True)
class SseEvent:
    """One dispatched event: its id, name and decoded JSON data."""

    id: int
    name: str
    data: Any


class SseClient:
    """One open stream; ``next_event`` skips comments and retry hints."""

    def __init__(self, url: str, headers: dict[str, str], timeout_s: float = 10) -> None:
        parts = urlsplit(url)
        self.connection = http.client.HTTPConnection(parts.hostname, parts.port,
                                                     timeout=timeout_s)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        self.connection.request("GET", path, headers={"Accept": "text/event-stream", **headers})
        self.response = self.connection.getresponse()
        self.comments = 0

    @property
    def status(self) -> int:
        """The HTTP status of the stream's response."""
        return self.response.status

    def next_event(self) -> SseEvent | None:
        """The next event, or None when the server ended the stream.

        Raises TimeoutError when nothing arrives within the client's timeout.
        """
        fields: dict[str, str] = {}
        while True:
            line = self.response.readline().decode("utf-8")
            if line == "":
                return None
            line = line.rstrip("\n")
            if line == "":
                if "data" in fields:
                    return SseEvent(int(fields["id"]), fields.get("event", "message"),
                                    json.loads(fields["data"]))
                continue
            if line.startswith(":"):
                self.comments += 1
                continue
            name, _, value = line.partition(": ")
            fields[name] = value

    def events(self, count: int) -> list[SseEvent]:
        """The next ``count`` events; fails if the stream ends first."""
        received = []
        for _ in range(count):
            event = self.next_event()
            assert event is not None, f"stream ended after {received}"
            received.append(event)
        return received

    def close(self) -> None:
        """Drop the connection, as a browser tab that is closed does."""
        self.connection.close()
