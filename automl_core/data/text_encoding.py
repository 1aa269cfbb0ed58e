"""Detecting a CSV file's encoding (BOM -> UTF-8 -> CP949 -> UTF-16) and giving its UTF-8 text.

UTF-8 content is validated in chunks and left where it is (a file stays on disk, past its BOM);
other encodings are transcoded to UTF-8 bytes in memory.
"""

from __future__ import annotations

import codecs

import numpy as np
import pyarrow as pa

from automl_core.data.text_source import TextSource
from automl_core.exceptions import DataError

SNIFF_BYTES = 64 * 1024
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def utf8_text(raw: TextSource, encoding: str | None) -> tuple[str, TextSource]:
    """The encoding (``encoding`` when given, else detected) and the content as UTF-8 text.

    Raises :class:`DataError` ``bad_encoding`` (an unknown or wrong ``encoding``) or ``not_text``.
    """
    if encoding:
        return encoding, _as_declared(raw, encoding)
    head = raw.head(SNIFF_BYTES)
    if head.startswith(codecs.BOM_UTF8):
        rest = raw.skip(len(codecs.BOM_UTF8))
        return "utf-8-sig", rest if is_utf8(rest) else _transcoded(rest, "utf-8", "replace")
    if head.startswith(_UTF16_BOMS):
        return "utf-16", _transcoded(raw, "utf-16", "replace")
    if b"\x00" not in head:
        if is_utf8(raw):
            return "utf-8", raw
        # CP949 before anything else: it is a superset of EUC-KR and what Korean Excel writes.
        try:
            return "cp949", _transcoded(raw, "cp949", "strict")
        except UnicodeDecodeError:
            pass
    elif _looks_like_utf16(head):
        codec = "utf-16-le" if head[1:2] == b"\x00" else "utf-16-be"
        return codec, _transcoded(raw, codec, "replace")
    raise DataError("not_text", "This is not a CSV text file: it contains binary data that "
                    "is not UTF-8, CP949 or UTF-16 text.")


def is_utf8(source: TextSource) -> bool:
    """Validate in chunks, so that no decoded copy of a large file is made or kept.

    Arrow's validator checks each chunk without decoding it (about 15x faster than Python's
    decoder, and as strict); a character cut at a chunk's end is carried to the next chunk.
    """
    carry = b""
    for chunk in source.chunks():
        data = carry + chunk if carry else chunk
        end = _complete_end(data)
        if not _valid_utf8(memoryview(data)[:end]):
            return False
        carry = data[end:]
    return not carry  # a character cut off by the end of the file


def _complete_end(data: bytes) -> int:
    """Where the last whole character of ``data`` ends (before a character cut at the end)."""
    for back in range(1, min(3, len(data)) + 1):
        byte = data[-back]
        if byte & 0xC0 != 0x80:  # not a continuation byte: the last character starts here
            needed = 2 if byte >> 5 == 0b110 else 3 if byte >> 4 == 0b1110 else \
                4 if byte >> 3 == 0b11110 else 1
            return len(data) - back if needed > back else len(data)
    return len(data)


def _valid_utf8(data: memoryview) -> bool:
    offsets = pa.py_buffer(np.array([0, len(data)], dtype=np.int32))
    try:
        pa.StringArray.from_buffers(1, offsets, pa.py_buffer(data)).validate(full=True)
    except pa.ArrowInvalid:
        return False
    return True


def _as_declared(raw: TextSource, encoding: str) -> TextSource:
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise DataError("bad_encoding", f"Unknown encoding {encoding!r}.",
                        {"encoding": encoding}) from None
    if codec == "utf-8" and is_utf8(raw):
        return _without_utf8_bom(raw)
    try:
        return _without_utf8_bom(_transcoded(raw, codec, "strict"))
    except UnicodeDecodeError as error:
        raise DataError("bad_encoding", f"The file cannot be read as {encoding}: {error}.",
                        {"encoding": encoding}) from None


def _without_utf8_bom(text: TextSource) -> TextSource:
    bom = codecs.BOM_UTF8
    return text.skip(len(bom)) if text.head(len(bom)) == bom else text


def _transcoded(raw: TextSource, codec: str, errors: str) -> TextSource:
    """The content decoded with ``codec`` and re-encoded as UTF-8 bytes in memory."""
    return TextSource(raw.read_all().decode(codec, errors=errors).encode("utf-8"))


def _looks_like_utf16(head: bytes) -> bool:
    sample = head[:4096]
    odd_zeros = sample[1::2].count(0)
    even_zeros = sample[0::2].count(0)
    return max(odd_zeros, even_zeros) > 0.4 * (len(sample) / 2) and min(odd_zeros, even_zeros) < 4
