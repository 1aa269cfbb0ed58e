"""Read options in the upload form and on re-reading, and the configurable limits."""

import pytest

from daria.accounts.services import create_project
from daria.datasets.models import Dataset
from tests.conftest import BAD_INPUTS, stored_files
from tests.daria.datasets.helpers import post_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(alice: object) -> object:
    return create_project(alice, "Overrides")


def _bad(name: str) -> bytes:
    return (BAD_INPUTS / name).read_bytes()


def test_first_row_as_data_gives_generated_names_and_is_shown(as_alice: object,
                                                              project: object) -> None:
    response = post_file(as_alice, project.pk, "no_header.csv", _bad("no_header.csv"),
                         header="false")

    assert response.status_code == 201, response.json()
    body = response.json()
    assert [c["name"] for c in body["columns"]][:2] == ["column_1", "column_2"]
    assert body["read_options"]["header"] is False
    assert "header_looks_like_data" not in [w["code"] for w in body["warnings"]]


def test_encoding_delimiter_and_decimal_comma_overrides_are_applied_and_shown(
        as_alice: object, project: object) -> None:
    content = "이름|금액\n홍길동|1,5\n김철수|2,25\n".encode("cp949")

    response = post_file(as_alice, project.pk, "x.csv", content, encoding="cp949",
                         delimiter="|", decimal_comma="true")

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["encoding"] == "cp949" and body["delimiter"] == "|"
    assert body["read_options"] == {"encoding": "cp949", "delimiter": "|", "decimal_comma": True,
                                    "header": True, "sheet": None, "missing_values": [],
                                    "drop_duplicates": False, "parse_numbers": []}
    amount = next(c for c in body["columns"] if c["name"] == "금액")
    assert amount["kind"] == "numeric" and amount["stats"]["max"] == 2.25


def test_reparse_applies_a_fix_and_keeps_the_users_column_choices(as_alice: object,
                                                                  project: object) -> None:
    dataset = post_file(as_alice, project.pk, "no_header.csv", _bad("no_header.csv")).json()
    [warning] = [w for w in dataset["warnings"] if w["code"] == "header_looks_like_data"]
    assert warning["fix"]["kind"] == "reparse"

    response = as_alice.post(f"/api/v1/datasets/{dataset['id']}/reparse/",
                             warning["fix"]["options"], format="json")

    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["n_rows"] == dataset["n_rows"] + 1 and body["read_options"]["header"] is False
    assert body["columns"][0]["name"] == "column_1"


def test_a_reparse_that_fails_leaves_the_dataset_as_it_was(as_alice: object,
                                                           project: object) -> None:
    dataset = post_file(as_alice, project.pk, "train.csv", _bad("train_reference.csv")).json()

    response = as_alice.post(f"/api/v1/datasets/{dataset['id']}/reparse/",
                             {"encoding": "utf-16"}, format="json")

    assert response.status_code == 400 and response.json()["code"] in ("bad_encoding",
                                                                       "ragged_rows", "no_rows")
    again = as_alice.get(f"/api/v1/datasets/{dataset['id']}/").json()
    assert again["n_rows"] == dataset["n_rows"] and again["encoding"] == dataset["encoding"]


@pytest.mark.parametrize(("setting", "value", "code"), [
    ("DARIA_MAX_COLUMNS", 3, "too_many_columns"),
    ("DARIA_MAX_ROWS", 10, "too_many_rows"),
    ("DARIA_MAX_FIELD_CHARS", 5, "field_too_long"),
])
@pytest.mark.parametrize("language", ["en", "ko"])
def test_each_limit_is_a_setting_with_a_clear_error(as_alice: object, project: object,
                                                    settings: object, setting: str, value: int,
                                                    code: str, language: str) -> None:
    setattr(settings, setting, value)

    response = post_file(as_alice, project.pk, "train.csv", _bad("train_reference.csv"),
                         language=language)

    assert response.status_code == 400
    assert response.json()["code"] == code and str(value) in response.json()["detail"]
    if language == "ko":
        assert any("\uac00" <= char <= "\ud7a3" for char in response.json()["detail"])
    assert not Dataset.objects.exists() and stored_files("datasets") == []
