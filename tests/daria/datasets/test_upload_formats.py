"""Compressed CSVs, workbooks and Parquet files are accepted; other content is named and refused."""

import gzip
import io
import zipfile

import openpyxl
import pandas as pd
import pytest

from daria.accounts.services import create_project
from daria.datasets.models import Dataset
from tests.conftest import BAD_INPUTS, stored_files
from tests.daria.datasets.helpers import post_file

pytestmark = pytest.mark.django_db

TRAIN = (BAD_INPUTS / "train_reference.csv").read_bytes()


@pytest.fixture
def project(alice: object) -> object:
    return create_project(alice, "Formats")


EXPECTED = pd.read_csv(BAD_INPUTS / "train_reference.csv")


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(("name", "content", "fmt"), [
    ("train.csv.gz", gzip.compress(TRAIN), "gzip"),
    ("train.zip", _zip({"nested/dir/train.csv": TRAIN}), "zip"),
    ("train.parquet", EXPECTED.to_parquet(), "parquet"),
], ids=["gzip", "zip", "parquet"])
def test_a_compressed_or_columnar_table_is_read_like_its_csv(as_alice: object, project: object,
                                                             name: str, content: bytes,
                                                             fmt: str) -> None:
    response = post_file(as_alice, project.pk, name, content)

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["format"] == fmt and (body["n_rows"], body["n_columns"]) == EXPECTED.shape
    assert [c["name"] for c in body["columns"]] == list(EXPECTED.columns)
    preview = as_alice.get(f"/api/v1/datasets/{body['id']}/preview/").json()
    assert preview["rows"][0][EXPECTED.columns.get_loc("churn")] == str(EXPECTED["churn"][0])


def test_a_workbook_sheet_can_be_chosen_in_the_upload_form(as_alice: object,
                                                           project: object) -> None:
    workbook = openpyxl.Workbook()
    workbook.active.title = "요약"
    workbook.active.append(["note"])
    sheet = workbook.create_sheet("고객")
    for row in [["나이", "지역", "해지여부"], [31, "서울", "예"], [45, "부산", "아니오"]]:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)

    response = post_file(as_alice, project.pk, "고객.xlsx", buffer.getvalue(), sheet="고객")

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["format"] == "xlsx" and body["sheet"] == "고객" and body["n_rows"] == 2
    assert [c["name"] for c in body["columns"]] == ["나이", "지역", "해지여부"]
    assert body["read_options"]["sheet"] == "고객"


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_zip_with_several_files_is_refused_in_the_users_language(
        as_alice: object, project: object, language: str) -> None:
    response = post_file(as_alice, project.pk, "two.zip", _zip({"a.csv": TRAIN, "b.csv": TRAIN}),
                         language=language)

    assert response.status_code == 400
    assert response.json()["code"] == "zip_members"
    assert ("exactly one" in response.json()["detail"]) if language == "en" else (
        "하나만" in response.json()["detail"])
    assert not Dataset.objects.exists() and stored_files("datasets") == []


def test_a_pdf_renamed_csv_is_refused_naming_it_in_korean(as_alice: object,
                                                          project: object) -> None:
    response = post_file(as_alice, project.pk, "report.csv", b"%PDF-1.7\n" + bytes(500),
                         language="ko")

    assert response.status_code == 400
    assert "PDF 문서" in response.json()["detail"]
    assert not Dataset.objects.exists()


def test_a_gzip_bomb_is_refused_at_the_configured_limit(as_alice: object, project: object,
                                                        settings: object) -> None:
    settings.DARIA_MAX_DECOMPRESSED_BYTES = 1 << 20
    bomb = gzip.compress(b"a,b\n" + b"0,0\n" * (1 << 20))  # 4 MiB unpacked, a few KB packed

    response = post_file(as_alice, project.pk, "bomb.csv.gz", bomb)

    assert response.status_code == 400
    assert response.json()["code"] == "decompressed_too_large"
    assert "1 MB" in response.json()["detail"]
    assert stored_files("datasets") == []
