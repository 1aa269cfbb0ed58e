"""Creating and listing projects."""

import pytest

from daria.accounts.models import Membership, Role

pytestmark = pytest.mark.django_db


def test_the_creator_of_a_project_becomes_its_owner(as_alice: object, alice: object) -> None:
    response = as_alice.post("/api/v1/projects/", {"name": "Churn", "description": "Q3"},
                             format="json")

    assert response.status_code == 201
    body = response.json()
    assert body["name"] == "Churn" and body["role"] == "owner"
    assert Membership.objects.get(project_id=body["id"], user=alice).role == Role.OWNER


def test_the_project_list_shows_only_the_callers_projects(as_alice: object,
                                                          as_bob: object) -> None:
    as_alice.post("/api/v1/projects/", {"name": "Alice's"}, format="json")
    as_bob.post("/api/v1/projects/", {"name": "Bob's"}, format="json")

    names = [p["name"] for p in as_alice.get("/api/v1/projects/").json()]

    assert names == ["Alice's"]


def test_a_project_needs_a_name(as_alice: object) -> None:
    response = as_alice.post("/api/v1/projects/", {"name": ""}, format="json")
    assert response.status_code == 400
    assert "name" in response.json()
