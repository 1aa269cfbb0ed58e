"""The Django admin covers users, projects, memberships, datasets, experiments, quotas, tokens
and the audit log, and every page of it opens for an administrator."""

import pytest
from django.contrib.admin.sites import site

from daria.accounts.models import ProjectQuota, UserQuota
from daria.accounts.services import create_project
from daria.accounts.tokens import create_token
from daria.audit.models import Action, AuditEvent
from daria.audit.services import record
from tests.daria.factories import ExperimentFactory, make_dataset

pytestmark = pytest.mark.django_db

REQUIRED = ["auth.user", "accounts.project", "accounts.membership", "accounts.userquota",
            "accounts.projectquota", "accounts.apitoken", "datasets.dataset",
            "experiments.experiment", "audit.auditevent"]


def test_every_required_model_is_in_the_admin() -> None:
    registered = {model._meta.label_lower for model in site._registry}
    assert set(REQUIRED) <= registered


def test_every_admin_list_and_change_page_opens(admin_client: object, alice: object) -> None:
    project = create_project(alice, "Admin")
    ExperimentFactory(dataset=make_dataset(alice, project))
    UserQuota.objects.create(user=alice, max_concurrent_experiments=3)
    ProjectQuota.objects.create(project=project, max_storage_bytes=10)
    create_token(alice, name="cli")
    record(alice, Action.MODEL_DOWNLOAD, project=project)

    for model in site._registry:
        meta = model._meta
        changelist = admin_client.get(f"/admin/{meta.app_label}/{meta.model_name}/")
        assert changelist.status_code == 200, meta.label
        first = model.objects.first()
        if first is not None:
            page = admin_client.get(f"/admin/{meta.app_label}/{meta.model_name}/{first.pk}/change/")
            assert page.status_code == 200, meta.label


def test_the_admin_cannot_create_a_token_whose_secret_nobody_would_see(
    admin_client: object,
) -> None:
    assert admin_client.get("/admin/accounts/apitoken/add/").status_code == 403


def test_an_administrator_can_cancel_experiments_from_the_admin(
    admin_client: object, admin_user: object, alice: object
) -> None:
    dataset = make_dataset(alice, create_project(alice, "Admin cancel"))
    queued = ExperimentFactory(dataset=dataset)
    running = ExperimentFactory(dataset=dataset, status="running")
    finished = ExperimentFactory(dataset=dataset, status="succeeded")

    response = admin_client.post("/admin/experiments/experiment/", {
        "action": "cancel_experiments",
        "_selected_action": [queued.pk, running.pk, finished.pk],
    }, follow=True)

    assert response.status_code == 200
    for experiment in (queued, running, finished):
        experiment.refresh_from_db()
    assert queued.status == "cancelled"
    assert running.status == "running" and running.cancel_requested
    assert finished.status == "succeeded" and not finished.cancel_requested
    text = response.content.decode()
    assert "2 experiments cancelled or asked to stop." in text
    assert "1 experiment had already finished" in text
    cancels = AuditEvent.objects.filter(action=Action.EXPERIMENT_CANCEL, actor=admin_user)
    assert cancels.count() == 2
