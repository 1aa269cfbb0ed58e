"""A Server-Sent Events client that notes when each event arrives, on a thread of its own."""

from __future__ import annotations

import http.client
import json
import queue
import threading
import time
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Arrival:
    """One event as the client read it: name, data and ``time.perf_counter()`` on arrival."""

    name: str
    data: Any
    at: float


@dataclass
class StreamReader:
    """One open ``/events/`` stream read on a daemon thread until the server ends it.

    Every event goes to ``arrivals`` (and to ``inbox``, for a caller that waits for the next one).
    """

    host: str
    port: int
    path: str
    headers: dict[str, str]
    arrivals: list[Arrival] = field(default_factory=list)
    inbox: queue.Queue[Arrival] = field(default_factory=queue.Queue)
    error: str = ""

    def start(self, timeout_s: float = 60) -> StreamReader:
        """Connect (the request and its response headers on the caller's thread), then read."""
        self._connection = http.client.HTTPConnection(self.host, self.port, timeout=timeout_s)
        self._connection.request("GET", self.path,
                                 headers={"Accept": "text/event-stream", **self.headers})
        self._response = self._connection.getresponse()
        if self._response.status != 200:
            raise RuntimeError(f"stream answered {self._response.status}")
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()
        return self

    def join(self, timeout_s: float) -> None:
        """Wait for the server to end the stream, then close the connection."""
        self._thread.join(timeout_s)
        self._connection.close()

    def _read(self) -> None:
        fields: dict[str, str] = {}
        try:
            while line := self._response.readline():
                text = line.decode("utf-8").rstrip("\n")
                if text == "" and "data" in fields:
                    arrival = Arrival(fields.get("event", "message"), json.loads(fields["data"]),
                                      time.perf_counter())
                    self.arrivals.append(arrival)
                    self.inbox.put(arrival)
                    fields = {}
                elif text and not text.startswith(":"):
                    name, _, value = text.partition(": ")
                    fields[name] = value
        except OSError as exc:  # a timeout or a reset: the caller sees the missing events
            self.error = repr(exc)
