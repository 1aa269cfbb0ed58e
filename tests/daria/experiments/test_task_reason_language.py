"""An experiment's task reason is stored as a code and shown in the reader's language."""

import pytest

from daria.accounts.services import create_project
from tests.daria.factories import ExperimentFactory, make_dataset

pytestmark = pytest.mark.django_db


@pytest.fixture
def dataset(alice: object) -> object:
    return make_dataset(alice, create_project(alice, "Churn"))


def _start(client: object, dataset: object, django_capture_on_commit_callbacks: object,
           **body: object) -> int:
    # The run is not sent: only the stored experiment is under test.
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post("/api/v1/experiments/", {"dataset": dataset.pk,
                                                         "target": "churn", **body},
                               format="json", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 201, response.json()
    return response.json()["id"]


def _reason(client: object, experiment_id: int, language: str) -> str:
    response = client.get(f"/api/v1/experiments/{experiment_id}/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200, response.json()
    return response.json()["task_reason"]


def test_the_inferred_task_reason_comes_back_in_the_readers_language(
        as_alice: object, dataset: object, django_capture_on_commit_callbacks: object) -> None:
    experiment_id = _start(as_alice, dataset, django_capture_on_commit_callbacks)

    assert _reason(as_alice, experiment_id, "ko") == (
        "타깃 값이 두 가지이므로 이진 분류(두 결과 중 하나를 예측)입니다.")
    assert _reason(as_alice, experiment_id, "en") == (
        "The target has two values, so this is binary classification (predicting one of two "
        "outcomes).")


def test_a_task_chosen_by_the_user_is_named_in_the_readers_language(
        as_alice: object, dataset: object, django_capture_on_commit_callbacks: object) -> None:
    experiment_id = _start(as_alice, dataset, django_capture_on_commit_callbacks,
                           task="multiclass")

    assert _reason(as_alice, experiment_id, "ko") == (
        "이 타깃에 대해 직접 고른 작업은 다중 분류입니다.")
    assert _reason(as_alice, experiment_id, "en") == (
        "You chose multiclass classification for this target.")


def test_an_experiment_stored_without_a_reason_code_shows_its_english_text(
        as_alice: object, dataset: object) -> None:
    older = ExperimentFactory(dataset=dataset, task_reason="text column with two values -> "
                              "binary classification")

    assert older.task_reason_code == ""
    for language in ("en", "ko"):
        assert _reason(as_alice, older.pk, language) == (
            "text column with two values -> binary classification")
