"""Numbers stored as text, mixed types, inf/NaN text and near-duplicate names through the API."""

import pytest

from daria.accounts.services import create_project
from tests.conftest import BAD_INPUTS
from tests.daria.datasets.helpers import post_file

pytestmark = pytest.mark.django_db

PRICES = ("price,rate,group\n" + "\n".join(
    f'"₩{n:,}",{n % 7}%,g{n % 3}' for n in range(1000, 61000, 1000)) + "\n").encode()


@pytest.fixture
def project(alice: object) -> object:
    return create_project(alice, "Text values")


def _warning(dataset: dict, code: str) -> dict:
    [warning] = [w for w in dataset["warnings"] if w["code"] == code]
    return warning


@pytest.mark.parametrize("language", ["en", "ko"])
def test_numbers_stored_as_text_get_a_fix_that_reads_them_as_numbers(
        as_alice: object, project: object, language: str) -> None:
    dataset = post_file(as_alice, project.pk, "prices.csv", PRICES, language).json()
    warning = _warning(dataset, "numbers_as_text")
    assert warning["columns"] == ["price", "rate"]
    assert ("read them as numbers" in warning["message"]) if language == "en" else (
        "숫자로 읽는" in warning["message"])
    assert warning["fix"]["options"]["parse_numbers"] == ["price", "rate"]

    fixed = as_alice.post(f"/api/v1/datasets/{dataset['id']}/reparse/",
                          warning["fix"]["options"], format="json").json()

    price = next(c for c in fixed["columns"] if c["name"] == "price")
    assert price["kind"] == "numeric" and price["stats"]["max"] == 60000.0
    assert fixed["read_options"]["parse_numbers"] == ["price", "rate"]
    assert "numbers_as_text" not in [w["code"] for w in fixed["warnings"]]


def test_parse_numbers_can_be_chosen_at_upload(as_alice: object, project: object) -> None:
    response = post_file(as_alice, project.pk, "prices.csv", PRICES, parse_numbers=["price"])
    assert response.status_code == 201, response.json()
    price = next(c for c in response.json()["columns"] if c["name"] == "price")
    assert price["kind"] == "numeric"


def test_parse_numbers_of_an_unknown_column_is_a_400_naming_it(as_alice: object,
                                                               project: object) -> None:
    dataset = post_file(as_alice, project.pk, "prices.csv", PRICES).json()
    response = as_alice.post(f"/api/v1/datasets/{dataset['id']}/reparse/",
                             {"parse_numbers": ["cost"]}, format="json")
    assert response.status_code == 400 and "cost" in str(response.json())


def test_messy_types_shows_mixed_types_and_an_inf_fix_that_works(as_alice: object,
                                                                 project: object) -> None:
    dataset = post_file(as_alice, project.pk, "messy.csv",
                        (BAD_INPUTS / "messy_types.csv").read_bytes()).json()
    assert _warning(dataset, "mixed_types")["columns"] == ["mixed"]
    inf = _warning(dataset, "inf_nan_text")
    assert inf["columns"] == ["ratio"] and "1e309" in inf["fix"]["options"]["missing_values"]

    fixed = as_alice.post(f"/api/v1/datasets/{dataset['id']}/reparse/",
                          inf["fix"]["options"], format="json").json()

    assert "inf_nan_text" not in [w["code"] for w in fixed["warnings"]]


def test_near_duplicate_column_names_are_shown(as_alice: object, project: object) -> None:
    content = "Income,income ,ｉｎｃｏｍｅ,age\n" + "".join(
        f"{i},{i},{i},{20 + i}\n" for i in range(30))
    dataset = post_file(as_alice, project.pk, "names.csv", content.encode(), "ko").json()
    warning = _warning(dataset, "near_duplicate_column_names")
    assert warning["columns"] == ["Income", "income", "ｉｎｃｏｍｅ"]
    assert "대소문자" in warning["message"]
