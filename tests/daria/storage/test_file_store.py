"""Stored files read and written by path, on the data directory and on an S3 bucket."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from daria.lib.file_store import delete_stored, local_copy, new_stored_file, read_stored
from tests.daria.storage.conftest import Bucket


def _files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def test_on_the_data_directory_the_copy_is_the_stored_file_itself(data_dir: Path) -> None:
    name = default_storage.save("datasets/a.csv", ContentFile(b"x,y\n1,2\n"))

    assert local_copy(name) == data_dir / "datasets" / "a.csv"
    assert not (Path(settings.DARIA_DATA_DIR) / "cache").exists()


def test_on_the_data_directory_a_new_file_appears_whole_or_not_at_all(data_dir: Path) -> None:
    with new_stored_file("models/m.skops") as path:
        path.write_bytes(b"model")
        assert not (data_dir / "models" / "m.skops").exists()  # still a temporary name
    with pytest.raises(RuntimeError), new_stored_file("models/n.skops") as path:
        path.write_bytes(b"half")
        raise RuntimeError("the writer failed")

    assert _files_under(data_dir) == [data_dir / "models" / "m.skops"]
    assert read_stored("models/m.skops") == b"model" and read_stored("models/n.skops") is None


def test_a_bucket_file_is_downloaded_once_into_the_cache(s3_bucket: Bucket,
                                                         data_dir: Path) -> None:
    s3_bucket.client.put_object(Bucket=s3_bucket.name, Key="datasets/a.csv", Body=b"x\n1\n")

    path = local_copy("datasets/a.csv")
    s3_bucket.client.delete_object(Bucket=s3_bucket.name, Key="datasets/a.csv")

    assert path == s3_bucket.cache / "datasets" / "a.csv" and path.read_bytes() == b"x\n1\n"
    assert local_copy("datasets/a.csv") == path  # served from the cache: no second download
    with pytest.raises(FileNotFoundError):
        local_copy("datasets/a.csv", refresh=True)
    assert _files_under(data_dir) == []


def test_a_missing_bucket_file_raises_and_leaves_no_partial_copy(s3_bucket: Bucket) -> None:
    with pytest.raises(FileNotFoundError):
        local_copy("models/missing.skops")
    assert _files_under(s3_bucket.cache) == []


def test_a_name_outside_the_cache_is_refused(s3_bucket: Bucket) -> None:
    with pytest.raises(ValueError, match="not a stored file name"):
        local_copy("../secret_key")


def test_a_new_file_goes_to_the_bucket_and_a_failed_one_does_not(s3_bucket: Bucket,
                                                                 data_dir: Path) -> None:
    with new_stored_file("predictions/p.csv") as path:
        path.write_bytes(b"prediction\nyes\n")
    with pytest.raises(RuntimeError), new_stored_file("predictions/q.csv") as path:
        path.write_bytes(b"half")
        raise RuntimeError("the writer failed")

    assert s3_bucket.keys() == ["predictions/p.csv"]
    assert s3_bucket.read("predictions/p.csv") == b"prediction\nyes\n"
    assert _files_under(s3_bucket.cache) == [s3_bucket.cache / "predictions" / "p.csv"]
    assert _files_under(data_dir) == []


def test_deleting_removes_the_object_and_the_cached_copy(s3_bucket: Bucket) -> None:
    with new_stored_file("models/m.skops") as path:
        path.write_bytes(b"model")

    delete_stored("models/m.skops")

    assert s3_bucket.keys() == [] and _files_under(s3_bucket.cache) == []
    assert read_stored("models/m.skops") is None
