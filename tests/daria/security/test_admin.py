"""The Django admin covers users, projects, memberships, datasets, experiments, quotas, tokens
and the audit log, and every page of it opens for an administrator."""

import pytest
from django.contrib.admin.sites import site

from daria.accounts.models import ProjectQuota, UserQuota
from daria.accounts.services import create_project
from daria.accounts.tokens import create_token
from daria.audit.models import Action
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
