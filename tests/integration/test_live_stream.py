"""The live stream of an experiment, served by a real uvicorn and fed through the real Redis."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import pytest
import redis
from django.conf import settings
from django.test import Client

from automl_core import TrialRecord, TrialState
from daria.accounts.services import create_project
from daria.experiments.models import Experiment
from daria.experiments.services import finish_experiment, record_trial
from daria.lib.events import experiment_stream
from tests.conftest import client_for
from tests.daria.factories import ExperimentFactory, make_dataset
from tests.integration.sse_client import SseClient
from tests.processes import (
    ServerProcess,
    daria_env,
    end_subprocess_database_sessions,
    private_queue_name,
    run_uvicorn,
)

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

POOL_SIZE = 2  # database connections of the server's pool


@pytest.fixture(scope="module")
def server(real_services: None, django_db_setup: None, django_db_blocker: object,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """uvicorn on the test database, shared by this module's tests (no worker: each test
    commits its trials itself); it shares the test's secret key, so it accepts the sessions the
    test signs. Each test's experiment is its own, and so is its Redis Stream."""
    data_dir = tmp_path_factory.mktemp("live-stream-data")
    # A small connection pool, so that a stream holding a connection while it waits shows.
    env = {**daria_env(data_dir, private_queue_name()), "DARIA_DB_POOL_SIZE": str(POOL_SIZE)}
    with run_uvicorn(env) as process:
        yield process
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        end_subprocess_database_sessions()


@pytest.fixture
def experiment(alice: object) -> Experiment:
    """A running experiment of alice's."""
    dataset = make_dataset(alice, create_project(alice, "Live"))
    experiment = ExperimentFactory(dataset=dataset, status="running")
    # The test database numbers experiments from 1 again in each run; Redis may still hold the
    # stream of the previous run's experiment of this number.
    redis.Redis.from_url(settings.REDIS_URL).delete(experiment_stream(experiment.pk))
    return experiment


def _headers(user: object, last_event_id: int | None = None) -> dict[str, str]:
    """A signed-in browser's headers: its session cookie, and its cursor when it reconnects."""
    browser = Client()
    browser.force_login(user)
    headers = {"Cookie": f"{settings.SESSION_COOKIE_NAME}="
                         f"{browser.cookies[settings.SESSION_COOKIE_NAME].value}"}
    if last_event_id is not None:
        headers["Last-Event-ID"] = str(last_event_id)
    return headers


def _open(server: ServerProcess, experiment: Experiment, user: object,
          last_event_id: int | None = None, query: str = "") -> SseClient:
    url = f"{server.url}/api/v1/experiments/{experiment.pk}/events/{query}"
    return SseClient(url, _headers(user, last_event_id))


def _record(experiment: Experiment, number: int) -> None:
    record = TrialRecord(number=number, state=TrialState.COMPLETE, algorithm="lightgbm",
                         params={"num_leaves": 7 + number}, score=0.7 + number / 100,
                         fold_scores=(0.7, 0.8), fit_time_s=0.2)
    record_trial(experiment.pk, record, progress=number / 10)


def _numbers(events: list) -> list[int]:
    return [event.data["number"] for event in events if event.name == "trial"]


def test_trials_committed_after_connecting_arrive_as_the_trials_endpoint_shows_them(
    server: ServerProcess, experiment: Experiment, alice: object
) -> None:
    stream = _open(server, experiment, alice)
    assert stream.status == 200
    assert stream.response.getheader("Content-Type").startswith("text/event-stream")
    assert stream.response.getheader("X-Accel-Buffering") == "no"
    current = stream.next_event()  # a new client is told the status first
    assert (current.name, current.id, current.data["status"]) == ("status", 0, "running")

    _record(experiment, 0)
    _record(experiment, 1)
    started = time.monotonic()
    events = stream.events(2)

    # Well inside the 15 s keep-alive: delivered by Redis, not by a database catch-up.
    assert time.monotonic() - started < 5
    listed = client_for(alice).get(f"/api/v1/experiments/{experiment.pk}/trials/").json()
    assert [event.data for event in events] == listed
    assert [event.id for event in events] == [1, 2]

    finish_experiment(experiment, Experiment.Status.SUCCEEDED)
    final = stream.next_event()
    assert (final.name, final.data["status"], final.id) == ("status", "succeeded", 3)
    assert stream.next_event() is None  # the server ends the stream with the experiment
    stream.close()


def test_a_reconnect_with_last_event_id_gets_exactly_the_missed_trials(
    server: ServerProcess, experiment: Experiment, alice: object
) -> None:
    _record(experiment, 0)
    _record(experiment, 1)
    first = _open(server, experiment, alice)
    seen = first.events(3)[1:]  # after the current status
    first.close()

    for number in (2, 3, 4):  # while the client is away
        _record(experiment, number)
    second = _open(server, experiment, alice, last_event_id=seen[-1].id, query="?after=0")
    missed = second.events(3)
    time.sleep(0.5)
    _record(experiment, 5)
    live = second.events(1)
    second.close()

    assert _numbers(seen) == [0, 1]
    assert _numbers(missed) == [2, 3, 4]
    assert _numbers(live) == [5]
    assert [event.id for event in seen + missed + live] == [1, 2, 3, 4, 5, 6]


def test_the_after_parameter_resumes_a_new_connection(
    server: ServerProcess, experiment: Experiment, alice: object
) -> None:
    for number in range(3):
        _record(experiment, number)
    stream = _open(server, experiment, alice, query="?after=2")
    assert _numbers(stream.events(1)) == [2]
    stream.close()


def test_a_finished_experiment_replays_then_ends_and_then_answers_no_content(
    server: ServerProcess, experiment: Experiment, alice: object
) -> None:
    _record(experiment, 0)
    finish_experiment(experiment, Experiment.Status.SUCCEEDED)

    stream = _open(server, experiment, alice)
    events = [stream.next_event() for _ in range(3)]
    assert [(e.name, e.id) for e in events[:2]] == [("trial", 1), ("status", 2)]
    assert events[2] is None
    # An EventSource that reconnects anyway is told, with 204, not to come back.
    assert _open(server, experiment, alice, last_event_id=2).status == 204


def _reading_connections(server: ServerProcess, seconds: float = 1.0) -> int:
    """The server's Redis connections waiting in XREAD for live events (the most seen while
    sampling for ``seconds``: between two reads the connection is briefly not waiting)."""
    name = f"daria-events-{server.process.pid}"
    client = redis.Redis.from_url(settings.REDIS_URL)
    most = 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        waiting = [c for c in client.client_list()
                   if c["name"] == name and c["cmd"] == "xread" and "b" in c["flags"]]
        most = max(most, len(waiting))
        time.sleep(0.02)
    client.close()
    return most


def test_a_client_that_leaves_stops_the_servers_reading(
    server: ServerProcess, experiment: Experiment, alice: object
) -> None:
    stream = _open(server, experiment, alice)
    stream.events(1)  # the status: the server follows the experiment's stream
    assert _reading_connections(server) == 1

    stream.close()

    deadline = time.monotonic() + 10
    while _reading_connections(server, 0.5) and time.monotonic() < deadline:
        pass
    assert _reading_connections(server) == 0


def test_two_clients_of_one_experiment_share_one_redis_connection(
    server: ServerProcess, experiment: Experiment, alice: object
) -> None:
    first, second = _open(server, experiment, alice), _open(server, experiment, alice)
    first.events(1), second.events(1)  # the status: both listen

    assert _reading_connections(server) == 1
    _record(experiment, 0)
    assert _numbers(first.events(1)) == _numbers(second.events(1)) == [0]
    first.close()
    _record(experiment, 1)
    assert _numbers(second.events(1)) == [1]  # the one who stayed still gets events
    second.close()


def test_the_experiments_redis_stream_holds_its_events_and_expires(
    server: ServerProcess, experiment: Experiment, alice: object
) -> None:
    for number in range(3):
        _record(experiment, number)
    client = redis.Redis.from_url(settings.REDIS_URL)
    key = experiment_stream(experiment.pk)
    entries = client.xrange(key)
    assert [json.loads(fields[b"event"])["id"] for _, fields in entries] == [1, 2, 3]
    assert 0 < client.ttl(key) <= settings.DARIA_EVENT_STREAM_TTL_S
    client.close()


def test_more_clients_than_pooled_connections_all_follow_the_experiment(
    server: ServerProcess, experiment: Experiment, alice: object
) -> None:
    # A stream gives its database connection back between steps: it holds none while it waits.
    clients = [_open(server, experiment, alice) for _ in range(3 * POOL_SIZE)]
    assert [client.status for client in clients] == [200] * len(clients)
    for client in clients:
        client.events(1)  # the status
    _record(experiment, 0)
    assert [_numbers(client.events(1)) for client in clients] == [[0]] * len(clients)
    for client in clients:
        client.close()


def test_another_users_experiment_answers_not_found(
    server: ServerProcess, experiment: Experiment, bob: object
) -> None:
    stream = _open(server, experiment, bob)
    assert stream.status == 404
    assert b"not_found" in stream.response.read()


def test_a_signed_out_client_is_refused(server: ServerProcess, experiment: Experiment) -> None:
    stream = SseClient(f"{server.url}/api/v1/experiments/{experiment.pk}/events/", {})
    assert stream.status == 403


def test_a_cursor_that_is_not_a_number_is_a_bad_request(
    server: ServerProcess, experiment: Experiment, alice: object
) -> None:
    assert _open(server, experiment, alice, query="?after=soon").status == 400
