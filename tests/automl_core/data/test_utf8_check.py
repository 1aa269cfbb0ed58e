"""The chunked UTF-8 check (Arrow's validator) agrees with Python's strict decoder.

Chunks as small as one byte cut every multi-byte character somewhere, and the pieces include
what a strict decoder refuses: surrogates, overlong forms, code points past U+10FFFF, stray
continuation bytes and characters cut off by the end of the file.
"""

import functools
import random

import pytest

from automl_core.data.text_encoding import is_utf8
from automl_core.data.text_source import TextSource

GOOD = [b"a", b",", b"\n", "é".encode(), "서울".encode(), "😀".encode()]
BAD = [b"\xed\xa0\x80", b"\xc0\xaf", b"\xe0\x80\xaf", b"\xf4\x90\x80\x80", b"\xff", b"\x80",
       b"\xf0\x9f", b"\xe3\x81"]


def _strict(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@pytest.mark.parametrize("chunk_bytes", [1, 2, 3, 5, 4 << 20])
def test_every_cut_of_good_and_bad_text_is_judged_as_python_judges_it(
        monkeypatch: pytest.MonkeyPatch, chunk_bytes: int) -> None:
    monkeypatch.setattr(TextSource, "chunks",
                        functools.partialmethod(TextSource.chunks, chunk_bytes))
    rng = random.Random(chunk_bytes)
    for _ in range(3000):
        pool = GOOD if rng.random() < 0.5 else GOOD + BAD
        data = b"".join(rng.choice(pool) for _ in range(rng.randint(0, 25)))
        assert is_utf8(TextSource(data)) == _strict(data), data


def test_a_file_checked_on_disk_from_an_offset(tmp_path) -> None:
    path = tmp_path / "text.csv"
    path.write_bytes(b"\xef\xbb\xbfname\n" + "서울\n".encode() * 100_000)
    assert is_utf8(TextSource(path).skip(3))
    path.write_bytes(path.read_bytes()[:-2])  # the last character cut in half
    assert not is_utf8(TextSource(path).skip(3))
