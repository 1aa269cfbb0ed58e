"""Owners manage a project's members: invite by username or email, change roles, remove; a
project always keeps an owner, and nobody else can touch its members."""

import pytest
from django.contrib.auth import get_user_model
from rest_framework.test import APIClient

from daria.accounts.models import Membership, Role
from daria.accounts.services import add_member, create_project
from daria.audit.models import Action, AuditEvent
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(alice: object) -> object:
    return create_project(alice, "Team")


def _members(client: APIClient, project_id: int) -> list[dict]:
    response = client.get(f"/api/v1/projects/{project_id}/members/")
    assert response.status_code == 200, response.content
    return response.json()


def test_an_owner_sees_the_members_with_their_roles(as_alice: APIClient, project: object,
                                                    charlie: object) -> None:
    add_member(project, charlie, Role.VIEWER)
    members = _members(as_alice, project.pk)
    assert [(m["username"], m["role"]) for m in members] == [("alice", "owner"),
                                                            ("charlie", "viewer")]


def test_an_owner_invites_by_username(as_alice: APIClient, project: object, bob: object) -> None:
    response = as_alice.post(f"/api/v1/projects/{project.pk}/members/",
                             {"user": "bob", "role": "editor"}, format="json")
    assert response.status_code == 201, response.content
    assert Membership.objects.get(project=project, user=bob).role == Role.EDITOR
    assert client_for(bob).get(f"/api/v1/projects/{project.pk}/").json()["role"] == "editor"
    event = AuditEvent.objects.get(action=Action.MEMBER_ADD)
    assert event.project_id == project.pk and event.details == {"username": "bob",
                                                                "role": "editor"}


def test_an_owner_invites_by_email_address(as_alice: APIClient, project: object,
                                           bob: object) -> None:
    bob.email = "Bob@Example.org"
    bob.save()
    response = as_alice.post(f"/api/v1/projects/{project.pk}/members/",
                             {"user": "bob@example.org"}, format="json")
    assert response.status_code == 201
    assert response.json()["role"] == "viewer"  # the default


def test_an_unknown_user_is_refused_with_a_clear_message(as_alice: APIClient,
                                                         project: object) -> None:
    response = as_alice.post(f"/api/v1/projects/{project.pk}/members/",
                             {"user": "nobody@example.org"}, format="json")
    assert response.status_code == 400
    assert "nobody@example.org" in response.json()["user"][0]


def test_an_address_two_accounts_share_is_ambiguous_and_refused(as_alice: APIClient,
                                                                project: object) -> None:
    users = get_user_model().objects
    users.create_user("dan", email="team@example.org")
    users.create_user("eve", email="team@example.org")
    response = as_alice.post(f"/api/v1/projects/{project.pk}/members/",
                             {"user": "team@example.org"}, format="json")
    assert response.status_code == 400


def test_inviting_an_existing_member_is_refused(as_alice: APIClient, project: object,
                                                charlie: object) -> None:
    add_member(project, charlie, Role.VIEWER)
    response = as_alice.post(f"/api/v1/projects/{project.pk}/members/",
                             {"user": "charlie", "role": "owner"}, format="json")
    assert response.status_code == 400
    assert Membership.objects.get(project=project, user=charlie).role == Role.VIEWER


def test_an_owner_changes_a_role_and_removes_a_member(as_alice: APIClient, project: object,
                                                      charlie: object) -> None:
    membership = add_member(project, charlie, Role.VIEWER)
    url = f"/api/v1/projects/{project.pk}/members/{membership.pk}/"

    assert as_alice.patch(url, {"role": "editor"}, format="json").json()["role"] == "editor"
    assert as_alice.delete(url).status_code == 204

    assert not Membership.objects.filter(project=project, user=charlie).exists()
    assert client_for(charlie).get(f"/api/v1/projects/{project.pk}/").status_code == 404
    actions = list(AuditEvent.objects.order_by("id").values_list("action", flat=True))
    assert actions[-2:] == [Action.MEMBER_ROLE, Action.MEMBER_REMOVE]


def test_the_last_owner_can_neither_leave_nor_step_down(alice: object, as_alice: APIClient,
                                                        project: object) -> None:
    own = Membership.objects.get(project=project, user=alice)
    url = f"/api/v1/projects/{project.pk}/members/{own.pk}/"

    demoted = as_alice.patch(url, {"role": "editor"}, format="json")
    removed = as_alice.delete(url)

    assert demoted.status_code == 400 and demoted.json()["code"] == "last_owner"
    assert removed.status_code == 400 and removed.json()["code"] == "last_owner"
    assert Membership.objects.get(pk=own.pk).role == Role.OWNER


def test_an_owner_may_leave_once_someone_else_owns_the_project(
    alice: object, as_alice: APIClient, project: object, bob: object
) -> None:
    add_member(project, bob, Role.OWNER)
    own = Membership.objects.get(project=project, user=alice)
    assert as_alice.delete(f"/api/v1/projects/{project.pk}/members/{own.pk}/").status_code == 204


def _member_requests(project_id: int, member_id: int) -> list[tuple[str, str, dict]]:
    members = f"/api/v1/projects/{project_id}/members/"
    return [
        ("get", members, {}),
        ("post", members, {"user": "bob", "role": "owner"}),
        ("patch", f"{members}{member_id}/", {"role": "owner"}),
        ("delete", f"{members}{member_id}/", {}),
    ]


def test_an_outsider_gets_404_on_every_member_route(project: object, charlie: object,
                                                    as_bob: APIClient) -> None:
    membership = add_member(project, charlie, Role.VIEWER)
    for method, url, body in _member_requests(project.pk, membership.pk):
        response = getattr(as_bob, method)(url, body, format="json")
        assert response.status_code == 404, (method, url)
    assert Membership.objects.get(pk=membership.pk).role == Role.VIEWER


@pytest.mark.parametrize("role", [Role.VIEWER, Role.EDITOR])
def test_viewers_and_editors_get_403_on_every_member_route(project: object, charlie: object,
                                                           bob: object, role: Role) -> None:
    membership = add_member(project, charlie, role)
    as_charlie = client_for(charlie)
    for method, url, body in _member_requests(project.pk, membership.pk):
        response = getattr(as_charlie, method)(url, body, format="json")
        assert response.status_code == 403, (method, url)
    assert Membership.objects.get(pk=membership.pk).role == role
    assert not Membership.objects.filter(user=bob).exists()


def test_a_membership_of_another_project_answers_404(as_alice: APIClient, project: object,
                                                     bob: object) -> None:
    bobs_membership = Membership.objects.get(project=create_project(bob, "Bob's"), user=bob)
    url = f"/api/v1/projects/{project.pk}/members/{bobs_membership.pk}/"
    assert as_alice.delete(url).status_code == 404
    assert Membership.objects.filter(pk=bobs_membership.pk).exists()
