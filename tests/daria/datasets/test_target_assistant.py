"""The target assistant through the API: the task with its reason and blocking problems."""

import json

import pytest

from daria.accounts.services import create_project
from tests.conftest import BAD_INPUTS
from tests.daria.datasets.helpers import post_file

pytestmark = pytest.mark.django_db

TARGETS = {"target_single_class.csv": "label", "target_all_missing.csv": "target",
           "single_column.csv": "churn", "messy_types.csv": "label"}
TARGET_FILES = [e for e in json.loads((BAD_INPUTS / "manifest.json").read_text())["files"]
                if e["phase"] == "target"]


@pytest.fixture
def project(alice: object) -> object:
    return create_project(alice, "Targets")


def _advice(client: object, project: object, name: str, content: bytes, target: str,
            language: str = "en") -> dict:
    upload = post_file(client, project.pk, name, content)
    assert upload.status_code == 201, upload.json()
    response = client.get(f"/api/v1/datasets/{upload.json()['id']}/target-advice/",
                          {"target": target}, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200, response.json()
    return response.json()


@pytest.mark.parametrize("language", ["en", "ko"])
@pytest.mark.parametrize("entry", TARGET_FILES, ids=lambda e: e["file"])
def test_each_target_file_gets_its_manifest_behaviour_before_start(
        as_alice: object, project: object, entry: dict, language: str) -> None:
    advice = _advice(as_alice, project, entry["file"], (BAD_INPUTS / entry["file"]).read_bytes(),
                     TARGETS[entry["file"]], language)
    if entry["expect"] == "reject":
        assert advice["problems"], advice
        text = " ".join(p["message"].lower() for p in advice["problems"])
        assert any(hint.lower() in text for hint in entry["hint"]), text
    else:
        assert advice["problems"] == []
        assert advice["task"] == "binary"  # a 0.0/1.0 float target is not regression
        assert ("binary" in advice["task_reason"]) if language == "en" else (
            "분류" in advice["task_reason"])


def test_a_target_alone_reports_no_features_with_its_task(as_alice: object,
                                                          project: object) -> None:
    advice = _advice(as_alice, project, "one.csv",
                     (BAD_INPUTS / "single_column.csv").read_bytes(), "churn")
    assert [p["code"] for p in advice["problems"]] == ["no_features"]
    assert advice["task"] is not None and advice["task_reason"]


def test_too_few_rows_per_class_is_a_problem_naming_the_class(as_alice: object,
                                                              project: object) -> None:
    content = "x,y\n" + "".join(f"{i},{'ab'[i % 2]}\n" for i in range(20)) + "20,rare\n"
    advice = _advice(as_alice, project, "rare.csv", content.encode(), "y")
    [problem] = advice["problems"]
    assert problem["code"] == "too_few_rows_per_class" and "rare" in problem["message"]


def test_a_regression_target_gets_its_reason_in_korean(as_alice: object,
                                                       project: object) -> None:
    content = "x,price\n" + "".join(f"{i},{i * 1.37:.2f}\n" for i in range(40))
    advice = _advice(as_alice, project, "price.csv", content.encode(), "price", "ko")
    assert advice["task"] == "regression" and advice["problems"] == []
    assert "회귀" in advice["task_reason"] and "40" in advice["task_reason"]
