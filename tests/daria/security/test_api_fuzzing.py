"""Property-based fuzzing of every API operation from the OpenAPI schema (schemathesis).

Schemathesis generates requests (valid and invalid path ids, query strings and bodies) for each
operation of `/api/schema/` and sends them through the WSGI app as a signed-in project owner with
an API token. Whatever it sends, the answer must not be a server error: bad input is a 4xx.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import Case
from schemathesis.schemas import BaseSchema

from daria.accounts.services import create_project
from daria.accounts.tokens import create_token
from tests.daria.factories import ExperimentFactory, make_dataset

pytestmark = pytest.mark.django_db


@pytest.fixture
def api_schema() -> Iterator[BaseSchema]:
    """The live schema, loaded through the app itself.

    As in Django's test client, requests must not close the database connection when they
    start or end: the test's data lives in that connection's open transaction.
    """
    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/schema/?format=json", WSGIHandler())
    finally:
        for signal in (signals.request_started, signals.request_finished):
            signal.connect(close_old_connections)


@pytest.fixture
def owned_ids(alice: object) -> dict[str, int]:
    """Alice's project, dataset and experiment, by the URL segment that names their kind."""
    project = create_project(alice, "Fuzzed")
    dataset = make_dataset(alice, project)
    experiment = ExperimentFactory(dataset=dataset)
    return {"projects": project.pk, "datasets": dataset.pk, "experiments": experiment.pk}


def on_owned_object(case: Case, owned_ids: dict[str, int]) -> Case | None:
    """The same request with its first path parameter set to alice's object of that kind.

    Random ids mostly answer 404; this also sends the generated bodies and queries to objects
    that exist. None when the path names no such object.
    """
    segments = case.operation.path.strip("/").split("/")
    kind = segments[2] if len(segments) > 3 else ""
    names = list(case.path_parameters or {})
    if kind not in owned_ids or not names:
        return None
    case.path_parameters = {**case.path_parameters, names[0]: owned_ids[kind]}
    return case


def test_no_request_makes_the_server_fail(
    api_schema: BaseSchema, alice: object, owned_ids: dict[str, int]
) -> None:
    headers = {"Authorization": f"Token {create_token(alice, name='fuzz')[1]}"}
    failures: list[str] = []

    def check(case: Case) -> None:
        response = case.call(headers=headers)
        assert response.status_code < 500, (
            f"{case.method} {case.formatted_path} -> {response.status_code}: "
            f"{response.text[:300]}")

    for result in api_schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(max_examples=6, deadline=None, derandomize=True, database=None,
                  phases=[Phase.explicit, Phase.generate],
                  suppress_health_check=list(HealthCheck))
        def server_survives(case: Case) -> None:
            check(case)
            owned = on_owned_object(case, owned_ids)
            if owned is not None:
                check(owned)

        try:
            server_survives()
        except AssertionError as failure:
            failures.append(str(failure).splitlines()[0])
    assert not failures, "\n".join(failures)
