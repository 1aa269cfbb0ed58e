"""The timeline of trials per worker: bars from each trial's start to its end, and its table."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import plotly.graph_objects as go
import pytest

from daria.leaderboard.worker_timeline import timeline_bars, worker_timeline
from tests.daria.factories import TrialFactory

pytestmark = pytest.mark.django_db

START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def _at(seconds: float) -> datetime:
    return START + timedelta(seconds=seconds)


@pytest.fixture
def ran(experiment: object) -> object:
    """Two workers: a ran trials 0 (complete) and 2 (failed), b ran 1 and is running 3;
    trial 4 is still queued and trial 5 ran before the worker was recorded."""
    experiment.started_at = START
    experiment.save(update_fields=["started_at"])
    for number, worker, state, start, end in [
        (0, "celery@a", "complete", 1, 11), (1, "celery@b", "complete", 2, 20),
        (2, "celery@a", "failed", 12, 15), (3, "celery@b", "running", 21, None),
        (5, "", "cancelled", 3, 4),
    ]:
        TrialFactory(experiment=experiment, number=number, worker=worker, state=state,
                     started_at=_at(start), finished_at=None if end is None else _at(end))
    TrialFactory(experiment=experiment, number=4, state="queued", score=None)
    return experiment


def test_bars_run_from_start_to_end_per_worker_and_a_running_trial_ends_now(ran: object
                                                                             ) -> None:
    bars = timeline_bars(ran, now=_at(30))

    assert [(b.worker, b.number, b.start_s, b.end_s) for b in bars] == [
        ("", 5, 3.0, 4.0),
        ("celery@a", 0, 1.0, 11.0), ("celery@a", 2, 12.0, 15.0),
        ("celery@b", 1, 2.0, 20.0), ("celery@b", 3, 21.0, 30.0),
    ]


def test_the_chart_has_a_trace_per_state_and_the_same_bars_as_its_table(ran: object) -> None:
    payload = worker_timeline(timeline_bars(ran, now=_at(30)))

    figure = go.Figure(payload["figure"])  # plotly accepts it
    names = [trace.name for trace in figure.data]
    assert names == ["Complete", "Running", "Failed", "Cancelled"]
    colours = {trace.marker.color for trace in figure.data}
    patterns = {trace.marker.pattern.shape for trace in figure.data}
    assert len(colours) == len(patterns) == 4  # colour is never the only cue
    complete = figure.data[0]
    assert list(complete.y) == ["celery@a", "celery@b"]
    assert list(complete.base) == [1.0, 2.0] and list(complete.x) == [10.0, 18.0]
    assert payload["table"]["columns"][0] == "Worker"
    assert payload["table"]["rows"][0] == ["Unknown worker", "5", "lightgbm", "Cancelled",
                                           "3.0", "4.0", "1.0"]
    assert len(payload["table"]["rows"]) == 5  # the queued trial has no bar


def test_the_endpoint_answers_the_timeline_in_the_request_language(as_alice: object,
                                                                   ran: object) -> None:
    response = as_alice.get(f"/api/v1/experiments/{ran.pk}/diagnostics/timeline/",
                            HTTP_ACCEPT_LANGUAGE="ko")

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["table"]["columns"][:2] == ["워커", "시도"]
    assert {row[0] for row in body["table"]["rows"]} == {"알 수 없는 워커", "celery@a",
                                                         "celery@b"}


def test_an_experiment_without_started_trials_has_an_empty_timeline(experiment: object
                                                                    ) -> None:
    payload = worker_timeline(timeline_bars(experiment))

    assert payload["table"]["rows"] == [] and payload["figure"]["data"] == []
