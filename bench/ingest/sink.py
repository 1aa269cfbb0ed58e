"""An ASGI app that only counts the bytes of each request body: the floor of any upload.

The API benchmark serves it under uvicorn, as Daria is served, and sends it the same multipart
body as Daria. The time it takes is what receiving the file over HTTP costs before Django,
storage, parsing or profiling do anything.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

Message = dict[str, Any]


async def app(scope: Message, receive: Callable[[], Awaitable[Message]],
              send: Callable[[Message], Awaitable[None]]) -> None:
    """Read the whole body, then answer 200 with the number of bytes read."""
    if scope["type"] != "http":
        return
    received = 0
    while True:
        message = await receive()
        received += len(message.get("body", b""))
        if not message.get("more_body"):
            break
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"text/plain")]})
    await send({"type": "http.response.body", "body": str(received).encode()})
