"""Column choices (kind, excluded), charts, warnings with their fixes, and target advice."""

from urllib.parse import quote

import pandas as pd
import pytest

from daria.accounts.services import create_project
from daria.datasets.models import Dataset
from daria.datasets.services import column_kinds, load_frame
from tests.conftest import BAD_INPUTS, DATASETS
from tests.daria.datasets.helpers import post_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(alice: object) -> object:
    return create_project(alice, "Columns")


def _upload(client: object, project: object, path: object) -> dict:
    response = post_file(client, project.pk, path.name, path.read_bytes())
    assert response.status_code == 201, response.json()
    return response.json()


def _column_url(dataset: dict, name: str) -> str:
    return f"/api/v1/datasets/{dataset['id']}/columns/{quote(name, safe='')}/"


def test_a_kind_change_is_kept_beside_the_inferred_kind_and_reaches_the_engine(
        as_alice: object, project: object) -> None:
    dataset = _upload(as_alice, project, DATASETS / "titanic.csv")

    response = as_alice.patch(_column_url(dataset, "pclass"), {"kind": "categorical"},
                              format="json")

    assert response.status_code == 200, response.json()
    assert response.json()["kind"] == "categorical"
    assert response.json()["inferred_kind"] == "numeric"
    assert response.json()["stats"]["type"] == "values"
    assert column_kinds(Dataset.objects.get(pk=dataset["id"])) == {"pclass": "categorical"}


def test_an_excluded_column_is_left_out_of_training_but_a_target_is_kept(
        as_alice: object, project: object) -> None:
    dataset = _upload(as_alice, project, DATASETS / "titanic.csv")
    for name in ("name", "survived"):
        assert as_alice.patch(_column_url(dataset, name), {"excluded": True},
                              format="json").status_code == 200

    stored = Dataset.objects.get(pk=dataset["id"])
    assert "name" not in load_frame(stored).columns
    assert "survived" in load_frame(stored, keep=["survived"]).columns


def test_an_unknown_kind_is_a_field_error(as_alice: object, project: object) -> None:
    dataset = _upload(as_alice, project, DATASETS / "titanic.csv")
    response = as_alice.patch(_column_url(dataset, "age"), {"kind": "banana"}, format="json")
    assert response.status_code == 400 and "kind" in response.json()


def test_a_chart_is_plotly_json_with_html_in_names_shown_as_text(as_alice: object,
                                                                  project: object) -> None:
    dataset = _upload(as_alice, project, BAD_INPUTS / "xss_column_names.csv")
    name = next(c["name"] for c in dataset["columns"] if "<" in c["name"])

    response = as_alice.get(_column_url(dataset, name) + "chart/")

    assert response.status_code == 200
    figure = response.json()
    assert figure["data"][0]["type"] == "bar"
    title = figure["layout"]["xaxis"]["title"]["text"]
    assert "<" not in title and title.replace("&lt;", "<").replace("&gt;", ">").replace(
        "&amp;", "&") == name


def test_a_chart_counts_rows_in_the_users_language(as_alice: object, project: object) -> None:
    dataset = _upload(as_alice, project, DATASETS / "titanic.csv")
    url = _column_url(dataset, "age") + "chart/"

    english = as_alice.get(url, HTTP_ACCEPT_LANGUAGE="en").json()
    korean = as_alice.get(url, HTTP_ACCEPT_LANGUAGE="ko").json()

    assert english["layout"]["yaxis"]["title"]["text"] == "rows"
    assert korean["layout"]["yaxis"]["title"]["text"] == "행 수"


def test_a_missing_column_is_a_404(as_alice: object, project: object) -> None:
    dataset = _upload(as_alice, project, DATASETS / "titanic.csv")
    assert as_alice.get(_column_url(dataset, "nope") + "chart/").status_code == 404


def test_the_profile_shows_dataset_numbers_and_id_columns_with_an_exclude_fix(
        as_alice: object, project: object) -> None:
    dataset = _upload(as_alice, project, BAD_INPUTS / "messy_types.csv")
    assert dataset["n_rows"] == 300 and dataset["memory_bytes"] > 0
    assert dataset["duplicated_rows"] == 0
    [ids] = [w for w in dataset["warnings"] if w["code"] == "id_columns"]
    assert ids["fix"]["kind"] == "exclude" and "customer_id" in ids["fix"]["columns"]

    for name in ids["fix"]["columns"]:
        as_alice.patch(_column_url(dataset, name), {"excluded": True}, format="json")

    again = as_alice.get(f"/api/v1/datasets/{dataset['id']}/").json()
    assert next(w for w in again["warnings"] if w["code"] == "id_columns")["fix"] is None


def test_disguised_missing_values_get_a_read_as_missing_fix_that_works(
        as_alice: object, project: object) -> None:
    frame = pd.DataFrame({"job": ["admin", "?", "tech", "clerk"] * 10,
                          "age": list(range(20, 60)), "y": [0, 1] * 20})
    response = post_file(as_alice, project.pk, "jobs.csv", frame.to_csv(index=False).encode())
    dataset = response.json()
    [warning] = [w for w in dataset["warnings"] if w["code"] == "placeholder_missing"]
    assert warning["columns"] == ["job"] and "?" in warning["message"]

    fixed = as_alice.post(f"/api/v1/datasets/{dataset['id']}/reparse/",
                          warning["fix"]["options"], format="json").json()

    job = next(c for c in fixed["columns"] if c["name"] == "job")
    assert job["missing"] == 10
    assert "placeholder_missing" not in [w["code"] for w in fixed["warnings"]]


def test_duplicated_rows_get_a_remove_fix(as_alice: object, project: object) -> None:
    content = b"a,b\n" + b"1,x\n" * 3 + b"2,y\n3,z\n"
    dataset = post_file(as_alice, project.pk, "dups.csv", content).json()
    [warning] = [w for w in dataset["warnings"] if w["code"] == "duplicated_rows"]

    fixed = as_alice.post(f"/api/v1/datasets/{dataset['id']}/reparse/",
                          warning["fix"]["options"], format="json").json()

    assert fixed["n_rows"] == 3 and fixed["duplicated_rows"] == 0


@pytest.mark.parametrize("language", ["en", "ko"])
def test_target_advice_reports_leakage_with_an_exclude_fix(as_alice: object, project: object,
                                                           language: str) -> None:
    frame = pd.read_csv(DATASETS / "titanic.csv")
    frame["outcome"] = frame["survived"].map({0: "died", 1: "lived"})
    dataset = post_file(as_alice, project.pk, "t.csv",
                        frame.to_csv(index=False).encode()).json()

    response = as_alice.get(f"/api/v1/datasets/{dataset['id']}/target-advice/",
                            {"target": "survived"}, HTTP_ACCEPT_LANGUAGE=language)

    assert response.status_code == 200
    [leak] = response.json()["warnings"]
    assert leak["code"] == "target_leakage" and leak["fix"]["columns"] == ["outcome"]
    assert ("almost perfectly" in leak["message"]) if language == "en" else (
        "완벽" in leak["message"])
