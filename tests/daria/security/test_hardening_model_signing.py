"""Stored model files are HMAC-signed when saved and verified before they are loaded or sent."""

from pathlib import Path

import pytest

from automl_core import AutoML
from automl_core.data import read_csv
from daria.accounts.services import create_project
from daria.audit.models import Action, AuditEvent
from daria.predictions import services
from daria.predictions.models import TrainedModel
from daria.predictions.services import save_trained_model
from daria.predictions.signing import sign_file
from tests.daria.factories import ExperimentFactory, churn_csv, make_dataset

pytestmark = pytest.mark.django_db

ROWS = {"rows": [{"age": 30, "plan": "basic", "usage": 80.0}]}


@pytest.fixture(scope="module")
def fitted() -> AutoML:
    """One real model, trained once for this module (the engine only; no database)."""
    return AutoML(time_budget_s=3, seed=0).fit(read_csv(churn_csv()).frame, target="churn")


@pytest.fixture
def model(alice: object, fitted: AutoML) -> TrainedModel:
    services._load.cache_clear()  # a fresh load, as in a newly started worker
    dataset = make_dataset(alice, create_project(alice, "Signed"))
    return save_trained_model(ExperimentFactory(dataset=dataset), fitted)


def _flip_a_byte(path: Path) -> None:
    content = bytearray(path.read_bytes())
    content[len(content) // 2] ^= 0x01
    path.write_bytes(bytes(content))


def test_a_saved_model_carries_the_signature_of_its_bytes(model: TrainedModel) -> None:
    assert len(model.file_hmac) == 64
    assert model.file_hmac == sign_file(Path(model.file.path))


def test_an_untouched_model_predicts_and_downloads(as_alice: object,
                                                   model: TrainedModel) -> None:
    assert as_alice.post(f"/api/v1/models/{model.pk}/predict/", ROWS,
                         format="json").status_code == 200
    download = as_alice.get(f"/api/v1/models/{model.pk}/download/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == Path(model.file.path).read_bytes()


def test_a_tampered_model_is_never_loaded(as_alice: object, model: TrainedModel,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    _flip_a_byte(Path(model.file.path))
    loads = []
    monkeypatch.setattr(AutoML, "load", classmethod(lambda cls, path: loads.append(path)))

    response = as_alice.post(f"/api/v1/models/{model.pk}/predict/", ROWS, format="json")

    assert response.status_code == 409
    assert response.json()["code"] == "model_file_tampered"
    assert "changed since Daria saved it" in response.json()["detail"]
    assert loads == []


def test_a_tampered_model_is_not_handed_out(as_alice: object, model: TrainedModel) -> None:
    _flip_a_byte(Path(model.file.path))

    response = as_alice.get(f"/api/v1/models/{model.pk}/download/")

    assert response.status_code == 409
    assert response.json()["code"] == "model_file_tampered"
    assert not AuditEvent.objects.filter(action=Action.MODEL_DOWNLOAD).exists()


def test_the_refusal_is_translated(as_alice: object, model: TrainedModel) -> None:
    _flip_a_byte(Path(model.file.path))
    response = as_alice.get(f"/api/v1/models/{model.pk}/download/", HTTP_ACCEPT_LANGUAGE="ko")
    assert "모델 파일이 바뀌어" in response.json()["detail"]


def test_a_swapped_in_file_with_a_copied_signature_is_refused(
        as_alice: object, model: TrainedModel) -> None:
    # An attacker who can write files but does not know SECRET_KEY cannot sign their own file.
    Path(model.file.path).write_bytes(b"not the model the server saved")

    response = as_alice.post(f"/api/v1/models/{model.pk}/predict/", ROWS, format="json")

    assert response.status_code == 409


def test_an_unsigned_model_row_is_refused(as_alice: object, model: TrainedModel) -> None:
    TrainedModel.objects.filter(pk=model.pk).update(file_hmac="")
    response = as_alice.post(f"/api/v1/models/{model.pk}/predict/", ROWS, format="json")
    assert response.status_code == 409


def test_the_signature_depends_on_the_secret_key(model: TrainedModel, settings: object) -> None:
    old_key = settings.SECRET_KEY
    settings.SECRET_KEY = old_key + "-rotated"
    assert sign_file(Path(model.file.path)) != model.file_hmac


def test_models_signed_before_a_key_rotation_still_verify(as_alice: object, model: TrainedModel,
                                                         settings: object) -> None:
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = settings.SECRET_KEY + "-rotated"

    download = as_alice.get(f"/api/v1/models/{model.pk}/download/")

    assert download.status_code == 200
