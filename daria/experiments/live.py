"""An experiment's events as the database knows them: what a live stream replays on (re)connect.

Every committed change of a trial (its start, its end) or of the experiment's status carries the
experiment's next event sequence number (``seq``). Replaying "everything after N" sends each
changed trial once, in its latest state (a running trial as ``trial_started``), and the current
status if it changed after N: a client that applies events by trial number ends with exactly the
database's view.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from daria.experiments.models import Experiment, Trial
from daria.experiments.serializers import trial_payload
from daria.experiments.services import TRIAL_STARTED, status_payload


@dataclass(frozen=True)
class LiveEvent:
    """One event of an experiment's stream."""

    seq: int
    name: str  # "trial" (ended), "trial_started" or "status"
    data: dict[str, Any]

    @property
    def is_final(self) -> bool:
        """Whether this event says the experiment finished (so the stream can end)."""
        return self.name == "status" and self.data["status"] in Experiment.FINISHED

    @classmethod
    def from_message(cls, message: dict[str, Any]) -> LiveEvent:
        """The event published on Redis as ``{"event", "id", "data"}``."""
        return cls(seq=int(message["id"]), name=str(message["event"]), data=message["data"])


@dataclass(frozen=True)
class Replay:
    """The events after a cursor, oldest first, and the newest sequence number the database has."""

    events: list[LiveEvent]
    last_seq: int
    finished: bool


def events_after(experiment_id: int, after: int) -> Replay:
    """The experiment's events with a sequence number above ``after``, from the database."""
    experiment = Experiment.objects.get(pk=experiment_id)
    trials = (Trial.objects.filter(experiment_id=experiment_id, seq__gt=after)
              .exclude(state=Trial.QUEUED).order_by("seq"))
    events = [LiveEvent(trial.seq, _trial_event_name(trial), trial_payload(trial))
              for trial in trials]
    if experiment.status_seq > after:
        events.append(LiveEvent(experiment.status_seq, "status", status_payload(experiment)))
        events.sort(key=lambda event: event.seq)
    return Replay(events=events, last_seq=experiment.event_seq,
                  finished=experiment.is_finished)


def _trial_event_name(trial: Trial) -> str:
    """A running trial's latest change is its start; any other state's is its end."""
    return TRIAL_STARTED if trial.state == Trial.RUNNING else "trial"
