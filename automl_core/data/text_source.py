"""The bytes of a CSV file, on disk or in memory, read in chunks so a large file is never held.

A :class:`TextSource` starts at ``offset`` (past a byte-order mark once it is known): every read
(head, chunks, streams) sees the same bytes, whichever of the two places they live in.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pyarrow as pa

CHUNK_BYTES = 4 << 20


@dataclass(frozen=True)
class TextSource:
    """``content`` is a local file's path or the bytes themselves; reads start at ``offset``."""

    content: Path | bytes
    offset: int = 0

    def skip(self, count: int) -> TextSource:
        """The same content, read from ``count`` bytes further on."""
        return TextSource(self.content, self.offset + count)

    def head(self, size: int) -> bytes:
        """The first ``size`` bytes (fewer when the content is shorter)."""
        return self.read_at(0, size)

    def chunks(self, size: int = CHUNK_BYTES) -> Iterator[bytes]:
        """The content in consecutive pieces of ``size`` bytes."""
        if isinstance(self.content, bytes):
            view = memoryview(self.content)
            for start in range(self.offset, len(view), size):
                yield bytes(view[start:start + size])
            return
        with self.binary() as stream:
            while chunk := stream.read(size):
                yield chunk

    def size(self) -> int:
        """The number of bytes from ``offset`` to the end."""
        whole = len(self.content) if isinstance(self.content, bytes) else \
            self.content.stat().st_size
        return max(whole - self.offset, 0)

    def read_at(self, position: int, count: int) -> bytes:
        """Up to ``count`` bytes from ``position`` (counted from ``offset``)."""
        with self.binary() as stream:
            stream.seek(self.offset + position)
            return stream.read(count)

    def is_blank(self) -> bool:
        """Whether the content is empty or ASCII whitespace (read up to the first non-blank)."""
        return not any(chunk.strip() for chunk in self.chunks())

    def read_all(self) -> bytes:
        """The whole content in memory (only the fallback parser needs it)."""
        if isinstance(self.content, bytes):
            return self.content[self.offset:] if self.offset else self.content
        with self.binary() as stream:
            return stream.read()

    @contextmanager
    def binary(self) -> Iterator[BinaryIO]:
        """A binary file object positioned at ``offset``."""
        if isinstance(self.content, bytes):
            stream: BinaryIO = io.BytesIO(self.content)  # shares the bytes, no copy
            stream.seek(self.offset)
            yield stream
            return
        with self.content.open("rb") as handle:
            handle.seek(self.offset)
            yield handle

    def arrow_stream(self) -> AbstractContextManager[pa.NativeFile]:
        """An Arrow input stream from ``offset`` to the end (no copy of in-memory bytes)."""
        return self.arrow_range(0, self.size())

    @contextmanager
    def arrow_range(self, start: int, end: int) -> Iterator[pa.NativeFile]:
        """An Arrow input stream over the bytes from ``start`` to ``end`` (counted from
        ``offset``), independent of any other stream over the same content (no copy of
        in-memory bytes)."""
        if isinstance(self.content, bytes):
            with pa.BufferReader(pa.py_buffer(self.content)) as whole:
                yield whole.get_stream(self.offset + start, end - start)
            return
        with pa.OSFile(str(self.content), "rb") as whole:
            yield whole.get_stream(self.offset + start, end - start)
