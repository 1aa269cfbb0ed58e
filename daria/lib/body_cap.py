"""The request body's size cap, enforced while the body streams in (ASGI).

Django's ASGI handler reads the whole body into a temporary file before any view or upload
handler runs, so without this wrapper a 2 GB upload would be written to disk before
:class:`~daria.lib.uploads.CappedTemporaryFileUploadHandler` could refuse it. The wrapper stops
reading at the cap: a body declared longer than the cap is not read at all, and a body without a
declared length (chunked) is cut as soon as it passes the cap, its length then declared as what
was received. Django then sees a declared length over the cap, and the upload handler answers its
usual 413 (``file_too_large``, in the user's language) before parsing anything.

Django's request parsers read only as many bytes as the request declares, so a chunked body under
the cap gets its received length declared too once it has ended: a client that streams its upload
(``curl -T``, a generator body in ``requests``) is served like one that declares the length.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from daria.lib.uploads import max_body_bytes

Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[MutableMapping[str, Any], Receive, Send], Awaitable[None]]

_END_OF_BODY: Message = {"type": "http.request", "body": b"", "more_body": False}


class BodyCap:
    """ASGI middleware that never reads more of a request body than
    :func:`~daria.lib.uploads.max_body_bytes`."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: MutableMapping[str, Any], receive: Receive,
                       send: Send) -> None:
        """Serve the request with a receive that stops at the cap."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        await self.app(scope, _capped_receive(scope, receive, max_body_bytes()), send)


def _capped_receive(scope: MutableMapping[str, Any], receive: Receive, cap: int) -> Receive:
    """``receive`` that ends the body at once when its declared length is over ``cap``, or as
    soon as more than ``cap`` bytes came, and declares the length of a chunked body once it has
    ended. A body cut short is never read further: Django's wait for a disconnect then waits
    until the answer is sent, and the server drops the rest."""
    declared = _declared_length(scope)
    declared_over = (declared or 0) > cap
    received = 0
    cut = False

    async def capped() -> Message:
        nonlocal received, cut
        if cut:
            await asyncio.Event().wait()  # never set: Django cancels this wait once it answers
        if declared_over:
            cut = True
            return dict(_END_OF_BODY)
        message = await receive()
        if message["type"] != "http.request":
            return message
        received += len(message.get("body", b""))
        if received > cap:
            cut = True
            message = dict(_END_OF_BODY)
        if (cut or declared is None) and received and not message.get("more_body", False):
            _declare_length(scope, received)  # a cut body, or a chunked one that has ended
        return message

    return capped


def _declared_length(scope: MutableMapping[str, Any]) -> int | None:
    for name, value in scope.get("headers", []):
        if name.lower() == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def _declare_length(scope: MutableMapping[str, Any], length: int) -> None:
    """Make the request declare ``length`` bytes (Django builds the request from the scope only
    once the body has been read)."""
    headers = [(name, value) for name, value in scope.get("headers", [])
               if name.lower() != b"content-length"]
    scope["headers"] = [*headers, (b"content-length", str(length).encode())]
