"""Who uploaded, ran, cancelled, downloaded and predicted is recorded, and administrators (only)
read it at GET /api/v1/audit/."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from automl_core import AutoML
from automl_core.data import read_csv
from daria.accounts.services import create_project
from daria.audit.models import Action, AuditEvent
from daria.audit.services import record
from daria.predictions.services import save_trained_model
from tests.conftest import client_for
from tests.daria.factories import ExperimentFactory, churn_csv, make_dataset

pytestmark = pytest.mark.django_db


def _actions() -> list[str]:
    return list(AuditEvent.objects.order_by("id").values_list("action", flat=True))


def test_an_upload_is_recorded_with_its_name_and_size(alice: object, as_alice: APIClient) -> None:
    project = create_project(alice, "Audit")
    upload = SimpleUploadedFile("churn.csv", churn_csv(), content_type="text/csv")
    response = as_alice.post(f"/api/v1/projects/{project.pk}/datasets/", {"file": upload},
                             format="multipart")
    assert response.status_code == 201
    event = AuditEvent.objects.get(action=Action.DATASET_UPLOAD)
    assert (event.actor_username, event.project_name) == ("alice", "Audit")
    assert event.target_id == str(response.json()["id"])
    assert event.details["name"] == "churn.csv" and event.details["size_bytes"] > 0


def test_starting_and_cancelling_an_experiment_are_recorded(alice: object,
                                                            as_alice: APIClient) -> None:
    dataset = make_dataset(alice, create_project(alice, "Audit"))
    started = as_alice.post("/api/v1/experiments/", {"dataset": dataset.pk, "target": "churn"},
                            format="json").json()
    as_alice.post(f"/api/v1/experiments/{started['id']}/cancel/")
    assert _actions() == [Action.EXPERIMENT_START, Action.EXPERIMENT_CANCEL]
    assert set(AuditEvent.objects.values_list("target_id", flat=True)) == {str(started["id"])}


def test_predicting_and_downloading_are_recorded(alice: object, as_alice: APIClient) -> None:
    dataset = make_dataset(alice, create_project(alice, "Audit"))
    fitted = AutoML(time_budget_s=2, seed=0).fit(read_csv(churn_csv(60)).frame, target="churn")
    model = save_trained_model(ExperimentFactory(dataset=dataset), fitted)

    as_alice.post(f"/api/v1/models/{model.pk}/predict/",
                  {"rows": [{"age": 30, "plan": "pro", "usage": 40.0}]}, format="json")
    response = as_alice.post(f"/api/v1/models/{model.pk}/predict/",
                             {"file": SimpleUploadedFile("new.csv", churn_csv(10))},
                             format="multipart")
    assert response.status_code == 201, response.json()
    batch = response.json()
    as_alice.get(f"/api/v1/models/{model.pk}/download/")
    as_alice.get(f"/api/v1/predictions/{batch['id']}/download/")

    assert _actions() == [Action.PREDICTION_CREATE, Action.PREDICTION_CREATE,
                          Action.MODEL_DOWNLOAD, Action.PREDICTION_DOWNLOAD]


def test_only_administrators_read_the_audit_log(alice: object, admin_user: object) -> None:
    record(alice, Action.PASSWORD_CHANGE)
    assert client_for(alice).get("/api/v1/audit/").status_code == 403
    events = client_for(admin_user).get("/api/v1/audit/").json()
    assert [(e["actor_username"], e["action"]) for e in events] == [("alice", "password.change")]


def test_the_audit_log_filters_and_pages_back(alice: object, bob: object,
                                              admin_user: object) -> None:
    project = create_project(alice, "Audit")
    first = record(alice, Action.MODEL_DOWNLOAD, project=project)
    record(bob, Action.PASSWORD_CHANGE)
    latest = record(alice, Action.MODEL_DOWNLOAD, project=project)
    client = client_for(admin_user)

    def ids(query: str) -> list[int]:
        return [e["id"] for e in client.get(f"/api/v1/audit/{query}").json()]

    assert ids(f"?project={project.pk}") == [latest.pk, first.pk]
    assert ids(f"?actor={bob.pk}") == [latest.pk - 1]
    assert ids(f"?action=model.download&before={latest.pk}") == [first.pk]
    assert client.get("/api/v1/audit/?action=nonsense").status_code == 400
    assert client.get("/api/v1/audit/?project=x").status_code == 400


def test_the_audit_api_has_no_way_to_change_events(admin_user: object, alice: object) -> None:
    event = record(alice, Action.PASSWORD_CHANGE)
    client = client_for(admin_user)
    assert client.post("/api/v1/audit/", {}, format="json").status_code == 405
    assert client.delete("/api/v1/audit/").status_code == 405
    assert AuditEvent.objects.filter(pk=event.pk).exists()
