"""Unpacking to disk under a cap: every byte arrives in order, and a bomb stops at the limit.

Past ``WRITTEN_FIRST_BYTES`` the content is only counted, then written in a second pass when it
fits; the chunks and that threshold are made small here so that both passes run many times.
"""

import gzip
import io
import tempfile
import zipfile
from pathlib import Path

import pytest

from automl_core.data import archives
from automl_core.data.archives import gunzip_to_temp, unzip_member_to_temp
from automl_core.exceptions import DataError

CONTENT = b"".join(b"%d,row %d,\xec\x84\x9c\xec\x9a\xb8\n" % (i, i) for i in range(5000))
FIRST_BYTES = [100, 997 * 3, len(CONTENT), 10**9]


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archives, "CHUNK_BYTES", 997)


def _gzip_members() -> bytes:
    return b"".join(gzip.compress(CONTENT[i:i + 20_000]) for i in range(0, len(CONTENT),
                                                                         20_000))


@pytest.mark.parametrize("first_bytes", FIRST_BYTES)
def test_a_gzip_file_of_several_members_unpacks_to_its_exact_content(
        monkeypatch: pytest.MonkeyPatch, first_bytes: int) -> None:
    monkeypatch.setattr(archives, "WRITTEN_FIRST_BYTES", first_bytes)
    stream = io.BytesIO(b"ignored" + _gzip_members())
    stream.seek(len(b"ignored"))  # read from where the stream stands, in both passes
    with gunzip_to_temp(stream, len(CONTENT)) as unpacked:
        assert unpacked.read_bytes() == CONTENT
    assert not unpacked.exists()


@pytest.mark.parametrize("first_bytes", FIRST_BYTES)
def test_a_zip_member_unpacks_to_its_exact_content(monkeypatch: pytest.MonkeyPatch,
                                                   first_bytes: int) -> None:
    monkeypatch.setattr(archives, "WRITTEN_FIRST_BYTES", first_bytes)
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.csv", CONTENT)
    member = zipfile.ZipFile(stream).infolist()[0]
    with unzip_member_to_temp(stream, member, len(CONTENT)) as unpacked:
        assert unpacked.read_bytes() == CONTENT


def test_one_byte_over_the_limit_is_refused_having_written_only_the_first_bytes(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # where the unpacked file goes
    monkeypatch.setattr(archives, "WRITTEN_FIRST_BYTES", 5000)
    written: list[int] = []
    copy = archives._copy

    def counted(source, sink, most: int) -> int:  # noqa: ANN001 - as archives._copy
        done = copy(source, sink, most)
        if sink is not None:
            written.append(done)
        return done

    monkeypatch.setattr(archives, "_copy", counted)
    with pytest.raises(DataError) as error, gunzip_to_temp(io.BytesIO(_gzip_members()),
                                                           len(CONTENT) - 1):
        pass
    assert error.value.code == "decompressed_too_large"
    assert sum(written) == 5000
    assert list(tmp_path.iterdir()) == []


def test_an_empty_gzip_file_is_refused_as_empty() -> None:
    with pytest.raises(DataError) as error, gunzip_to_temp(io.BytesIO(gzip.compress(b"")), 100):
        pass
    assert error.value.code == "empty_file"
