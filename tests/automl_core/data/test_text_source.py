"""A file's bytes read the same from disk and from memory, past a byte-order mark."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from automl_core.data.text_encoding import utf8_text
from automl_core.data.text_source import TextSource
from automl_core.exceptions import DataError

CONTENT = codecs.BOM_UTF8 + "이름,나이\n김,3\n".encode() * 1000


@pytest.fixture
def on_disk(tmp_path: Path) -> TextSource:
    path = tmp_path / "bom.csv"
    path.write_bytes(CONTENT)
    return TextSource(path)


def test_disk_and_memory_give_the_same_bytes_in_chunks_head_and_whole(
        on_disk: TextSource) -> None:
    in_memory = TextSource(CONTENT)
    for source in (on_disk.skip(3), in_memory.skip(3)):
        assert b"".join(source.chunks(size=7)) == CONTENT[3:]
        assert source.head(10) == CONTENT[3:13]
        assert source.read_all() == CONTENT[3:]
        with source.arrow_stream() as stream:
            assert stream.read() == CONTENT[3:]
        with source.binary() as stream:
            assert stream.read() == CONTENT[3:]
        assert source.size() == len(CONTENT) - 3
        assert source.read_at(5, 9) == CONTENT[8:17]
        with source.arrow_range(5, 40) as first, source.arrow_range(40, 90) as second:
            assert (second.read(), first.read()) == (CONTENT[43:93], CONTENT[8:43])


def test_only_whitespace_is_blank() -> None:
    assert TextSource(b" \r\n\t ").is_blank()
    assert TextSource(b"").is_blank()
    assert not TextSource(b"\n\na").is_blank()


def test_utf8_on_disk_stays_on_disk_past_its_bom(on_disk: TextSource) -> None:
    encoding, text = utf8_text(on_disk, None)
    assert encoding == "utf-8-sig"
    assert text == on_disk.skip(3)


def test_cp949_is_transcoded_to_utf8_in_memory(tmp_path: Path) -> None:
    path = tmp_path / "cp949.csv"
    path.write_bytes("이름,똠\n뷁,1\n".encode("cp949"))
    encoding, text = utf8_text(TextSource(path), None)
    assert encoding == "cp949"
    assert text.read_all().decode("utf-8") == "이름,똠\n뷁,1\n"


def test_a_declared_encoding_that_does_not_fit_is_refused() -> None:
    with pytest.raises(DataError) as error:
        utf8_text(TextSource(b"\xff\xfe\xfa"), "utf-8")
    assert error.value.code == "bad_encoding"
