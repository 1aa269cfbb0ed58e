"""Every API route that names an object answers 404 to someone outside the object's project,
for every method, and no list shows another project's objects. The routes come from the URL
resolver: a new id-route fails ``test_every_id_route_is_in_the_sweep`` until it is added here."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from daria.accounts.models import ApiToken, Membership
from daria.accounts.services import create_project
from daria.experiments.models import Trial
from tests.daria.factories import ExperimentFactory, make_dataset
from tests.daria.security.routes import ALL_METHODS, api_id_routes
from tests.daria.security.world import World

pytestmark = pytest.mark.django_db

def _a_replay(w: World) -> dict[str, object]:
    """A replay of the world's experiment (only a replay has a replay comparison)."""
    replay = ExperimentFactory(
        dataset=w.dataset, replay_of=w.experiment, status="succeeded",
        replay_plan=[{"number": w.trial.number, "score": w.trial.score}],
        initial_configurations=[{"algorithm": w.trial.algorithm, "params": w.trial.params}])
    return {"pk": replay.pk}


# Route name -> the URL keyword arguments that aim it at an object of alice's world.
TARGETS: dict[str, Callable[[World], dict[str, object]]] = {
    "token-detail": lambda w: {"pk": w.token.pk},
    "project-detail": lambda w: {"pk": w.project.pk},
    "member-list": lambda w: {"pk": w.project.pk},
    "member-detail": lambda w: {"pk": w.project.pk, "member_id": w.membership.pk},
    "project-datasets": lambda w: {"pk": w.project.pk},
    "project-experiments": lambda w: {"pk": w.project.pk},
    "dataset-detail": lambda w: {"pk": w.dataset.pk},
    "dataset-preview": lambda w: {"pk": w.dataset.pk},
    "dataset-reparse": lambda w: {"pk": w.dataset.pk},
    "dataset-target-advice": lambda w: {"pk": w.dataset.pk},
    "dataset-column": lambda w: {"pk": w.dataset.pk, "name": "plan"},
    "dataset-column-chart": lambda w: {"pk": w.dataset.pk, "name": "plan"},
    "experiment-detail": lambda w: {"pk": w.experiment.pk},
    "experiment-trials": lambda w: {"pk": w.experiment.pk},
    "experiment-events": lambda w: {"pk": w.experiment.pk},
    "experiment-cancel": lambda w: {"pk": w.experiment.pk},
    "experiment-pause": lambda w: {"pk": w.experiment.pk},
    "experiment-resume": lambda w: {"pk": w.experiment.pk},
    "experiment-extend": lambda w: {"pk": w.experiment.pk},
    "model-detail": lambda w: {"pk": w.model.pk},
    "model-predict": lambda w: {"pk": w.model.pk},
    "model-download": lambda w: {"pk": w.model.pk},
    "prediction-download": lambda w: {"pk": w.batch.pk},
    "prediction-detail": lambda w: {"pk": w.batch.pk},
    "model-exports": lambda w: {"pk": w.model.pk},
    "model-onnx": lambda w: {"pk": w.model.pk},
    "model-insights": lambda w: {"pk": w.model.pk},
    "model-insights-retry": lambda w: {"pk": w.model.pk},
    "model-insight-chart": lambda w: {"pk": w.model.pk, "chart": "metrics"},
    "trial-script": lambda w: {"pk": w.experiment.pk, "number": w.trial.number},
    "experiment-space": lambda w: {"pk": w.experiment.pk},
    "experiment-leaderboard": lambda w: {"pk": w.experiment.pk},
    "experiment-leaderboard-export": lambda w: {"pk": w.experiment.pk},
    "experiment-diagnostics": lambda w: {"pk": w.experiment.pk},
    "experiment-diagnostics-chart": lambda w: {"pk": w.experiment.pk, "chart": "history"},
    "experiment-reproducibility": lambda w: {"pk": w.experiment.pk},
    "experiment-report": lambda w: {"pk": w.experiment.pk},
    "experiment-replay": lambda w: {"pk": w.experiment.pk},
    "experiment-replay-comparison": _a_replay,
}

# What the owner gets where it is not 200: the world's experiment kept no out-of-fold
# predictions to chart.
OWNER_ANSWERS = {"model-insight-chart": 409}

# Valid bodies, so that a view that checks its input before the object still reaches the lookup.
BODIES: dict[str, dict[str, object]] = {
    "member-detail": {"role": "owner"},
    "member-list": {"user": "bob", "role": "owner"},
    "dataset-column": {"excluded": True},
    "experiment-extend": {"seconds": 60},
    "experiment-trials": {"algorithm": "lightgbm", "params": {"num_leaves": 31}},
}


@pytest.fixture
def as_bob_session(bob: object) -> APIClient:
    """Bob signed in with a session, as a browser is (the event stream reads the session)."""
    client = APIClient()
    client.force_login(bob)
    return client


def _call(client: APIClient, method: str, url: str, name: str = "") -> int:
    body = json.dumps(BODIES.get(name, {}))
    return client.generic(method, url, body, content_type="application/json").status_code


def test_every_id_route_is_in_the_sweep() -> None:
    assert set(api_id_routes()) == set(TARGETS)


def test_an_outsider_gets_404_from_every_method_of_every_id_route(
    world: World, as_bob_session: APIClient
) -> None:
    # One world for all routes (building it is the slow part); the message names every miss.
    wrong: dict[str, dict[str, int]] = {}
    for name, target in TARGETS.items():
        url = reverse(name, kwargs=target(world))
        allowed = api_id_routes()[name].allowed_methods()
        for method in ALL_METHODS:
            code = _call(as_bob_session, method, url, name)
            if code != 404 and (method in allowed or code != 405):
                wrong.setdefault(url, {})[method] = code

    assert not wrong


def test_nothing_of_alices_changed_after_the_sweep(world: World, as_bob_session: APIClient
                                                   ) -> None:
    for name, target in TARGETS.items():
        url = reverse(name, kwargs=target(world))
        for method in ("POST", "PATCH", "DELETE"):
            _call(as_bob_session, method, url, name)

    world.experiment.refresh_from_db()
    assert world.experiment.status == "succeeded"
    assert world.experiment.time_budget_s == 30
    assert list(Trial.objects.filter(experiment=world.experiment)) == [world.trial]
    assert Membership.objects.filter(pk=world.membership.pk, role="viewer").exists()
    assert ApiToken.objects.filter(pk=world.token.pk).exists()
    assert world.dataset.columns.get(name="plan").excluded is False
    assert not Membership.objects.filter(project=world.project, user__username="bob").exists()


def test_the_owner_reads_the_same_routes(world: World, as_alice: APIClient) -> None:
    # Proof that the 404s above are isolation, not wrong URLs or missing objects.
    readable = [name for name in TARGETS if "GET" in api_id_routes()[name].allowed_methods()]
    answers = {}
    for name in readable:
        params = {"target": "churn"} if name == "dataset-target-advice" else {}
        url = reverse(name, kwargs=TARGETS[name](world))
        answers[url] = (as_alice.get(url, params).status_code, OWNER_ANSWERS.get(name, 200))

    wrong = {url: got for url, (got, expected) in answers.items() if got != expected}
    assert not wrong


def test_a_membership_of_alices_project_is_404_through_bobs_project(
    world: World, bob: object, as_bob_session: APIClient
) -> None:
    own = create_project(bob, "Bob's")
    url = reverse("member-detail", kwargs={"pk": own.pk, "member_id": world.membership.pk})
    assert as_bob_session.patch(url, {"role": "owner"}, format="json").status_code == 404
    assert as_bob_session.delete(url).status_code == 404


def test_bobs_lists_hold_only_his_own_objects(world: World, bob: object,
                                              as_bob_session: APIClient) -> None:
    own = create_project(bob, "Bob's")
    own_dataset = make_dataset(bob, own)

    projects = as_bob_session.get("/api/v1/projects/").json()
    datasets = as_bob_session.get(f"/api/v1/projects/{own.pk}/datasets/").json()
    experiments = as_bob_session.get(f"/api/v1/projects/{own.pk}/experiments/").json()
    tokens = as_bob_session.get("/api/v1/auth/tokens/").json()
    members = as_bob_session.get(f"/api/v1/projects/{own.pk}/members/").json()

    assert [p["id"] for p in projects] == [own.pk]
    assert [d["id"] for d in _items(datasets)] == [own_dataset.pk]
    assert _items(experiments) == []
    assert tokens == []
    assert [m["username"] for m in members] == ["bob"]
    assert as_bob_session.get("/api/v1/audit/").status_code == 403


def _items(body: object) -> list[dict]:
    """The rows of a list answer, paginated or not."""
    return body["results"] if isinstance(body, dict) else body
