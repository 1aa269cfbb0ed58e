"""Hostile upload file names (traversal, backslashes, markup, 300 characters, Korean, a double
extension) sent byte for byte in the multipart header: the file is stored under a
server-generated name inside the data directory, and the name is kept only as display text."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from rest_framework.test import APIClient

from daria.accounts.services import create_project
from tests.conftest import BAD_INPUTS

pytestmark = pytest.mark.django_db

NAMES = json.loads((BAD_INPUTS / "upload_filenames.json").read_text(encoding="utf-8"))["names"]
BOUNDARY = "daria-hostile-name-boundary"


def _multipart_with_raw_name(name: str, content: bytes) -> bytes:
    """A multipart body whose file name is exactly ``name`` (the test client would strip any
    directories from it before sending)."""
    head = (f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; "
            f"filename=\"{name}\"\r\nContent-Type: text/csv\r\n\r\n")
    return head.encode("utf-8") + content + f"\r\n--{BOUNDARY}--\r\n".encode()


def _display_name(name: str) -> str:
    """What Daria can keep of a sent name: Django's multipart parser passes on only the part
    after the last slash or backslash, shortened to 255 characters with its extension kept."""
    base = re.split(r"[/\\]", name)[-1]
    stem, extension = os.path.splitext(base)
    return base if len(base) <= 255 else stem[:255 - len(extension)] + extension


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:  # a 300-character name is too long to even look up
        return False


def _files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("name", NAMES, ids=range(len(NAMES)))
def test_a_hostile_name_is_display_text_and_the_file_stays_in_storage(
    name: str, alice: object, as_alice: APIClient, data_dir: Path, tmp_path: Path
) -> None:
    project = create_project(alice, "Names")
    escapes = {(data_dir / "datasets" / name).resolve(), (data_dir / name).resolve()}
    existed = {path for path in escapes if _exists(path)}
    body = _multipart_with_raw_name(name, (BAD_INPUTS / "train_reference.csv").read_bytes())

    response = as_alice.generic("POST", f"/api/v1/projects/{project.pk}/datasets/", body,
                                content_type=f"multipart/form-data; boundary={BOUNDARY}")

    assert response.status_code == 201, response.content
    assert response.json()["name"] == _display_name(name)
    [stored] = _files_under(tmp_path)
    assert stored.parent == data_dir / "datasets" and stored.suffix == ".csv"
    assert re.fullmatch(r"[0-9a-f]{32}", stored.stem)
    assert {path for path in escapes if _exists(path)} == existed


def test_the_display_name_is_listed_literally_not_escaped(
    alice: object, as_alice: APIClient
) -> None:
    project = create_project(alice, "Names")
    name = "<img src=x onerror=alert(1)>.csv"
    body = _multipart_with_raw_name(name, (BAD_INPUTS / "train_reference.csv").read_bytes())
    as_alice.generic("POST", f"/api/v1/projects/{project.pk}/datasets/", body,
                     content_type=f"multipart/form-data; boundary={BOUNDARY}")

    listed = as_alice.get(f"/api/v1/projects/{project.pk}/datasets/").json()

    rows = listed["results"] if isinstance(listed, dict) else listed
    assert [row["name"] for row in rows] == [name]
