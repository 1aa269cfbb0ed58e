"""Commit→arrival latency of trial events and fan-out to many SSE clients on loopback.

The bench process commits trials itself through ``record_trial`` (as a worker does: commit,
then publish on Redis) and reads the experiment's stream with :class:`StreamReader`s; both use
``time.perf_counter()`` of the same process, so no clock sync is involved.
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from bench.live.seed import Seeded
from bench.live.sse import StreamReader
from bench.live.stack import rss_kib
from bench.live.stats import summary_ms

WAIT_S = 30


def _experiment(seeded: Seeded) -> Any:
    """A running experiment, fed by the bench rather than by a worker."""
    from daria.experiments.models import Experiment

    return Experiment.objects.create(
        project_id=seeded.tiny.project_id, dataset=seeded.tiny, target="y", task="binary",
        metric="roc_auc", greater_is_better=True, time_budget_s=600, status="running",
        created_by=seeded.user)


def _record(experiment_id: int, number: int) -> None:
    from automl_core import TrialRecord, TrialState
    from daria.experiments.services import record_trial

    record = TrialRecord(number=number, state=TrialState.COMPLETE, algorithm="linear",
                         params={"C": 1.0, "class_weight": "none"}, score=0.8,
                         fold_scores=(0.8, 0.8), fit_time_s=0.01)
    record_trial(experiment_id, record, progress=0.5)


def _reader(port: int, experiment_id: int, token: str) -> StreamReader:
    """A stream of the experiment, open and past its first event (the current status), so
    the server is subscribed to the experiment's channel."""
    reader = StreamReader("127.0.0.1", port, f"/api/v1/experiments/{experiment_id}/events/",
                          {"Authorization": f"Token {token}"}).start()
    reader.inbox.get(timeout=WAIT_S)
    return reader


def _try_reader(port: int, experiment_id: int, token: str) -> StreamReader | str:
    """:func:`_reader`, or why the stream was not opened (e.g. "stream answered 500")."""
    try:
        return _reader(port, experiment_id, token)
    except (RuntimeError, OSError) as exc:
        return str(exc)


def latency(seeded: Seeded, port: int, trials: int) -> dict[str, Any]:
    """One client; ``trials`` trials committed one after another, each once the previous one
    arrived. Latency runs from the call of ``record_trial`` (its commit and publish are inside)
    to the event read by the client: an upper bound of commit→arrival."""
    from daria.experiments.models import Experiment
    from daria.experiments.services import finish_experiment

    experiment = _experiment(seeded)
    reader = _reader(port, experiment.pk, seeded.token)
    to_arrival, in_call = [], []
    for number in range(trials):
        started = time.perf_counter()
        _record(experiment.pk, number)
        in_call.append(time.perf_counter() - started)
        arrival = reader.inbox.get(timeout=WAIT_S)
        if arrival.data.get("number") != number:
            raise RuntimeError(f"expected trial {number}, got {arrival}")
        to_arrival.append(arrival.at - started)
    finish_experiment(experiment, Experiment.Status.SUCCEEDED)
    reader.join(WAIT_S)
    return {"trials": trials, "call_to_arrival_ms": summary_ms(to_arrival),
            "record_trial_ms": summary_ms(in_call)}


def fan_out(seeded: Seeded, port: int, web_pid: int, clients: int, events: int,
            interval_s: float) -> dict[str, Any]:
    """``clients`` streams of one experiment; ``events`` trials committed ``interval_s``
    apart, then the end of the experiment. Checks that every client got every trial in order
    and its final status, and notes the web process's memory before, connected and after."""
    from daria.experiments.models import Experiment
    from daria.experiments.services import finish_experiment

    experiment = _experiment(seeded)
    memory = {"before": rss_kib(web_pid)["VmRSS"]}
    with ThreadPoolExecutor(max_workers=clients) as pool:  # connect all at once, as a crowd
        opened = list(pool.map(lambda _: _try_reader(port, experiment.pk, seeded.token),
                               range(clients)))
    readers = [r for r in opened if isinstance(r, StreamReader)]
    refused = sorted({r for r in opened if isinstance(r, str)})
    memory["connected"] = rss_kib(web_pid)["VmRSS"]
    committed_at = {}
    for number in range(events):
        committed_at[number] = time.perf_counter()
        _record(experiment.pk, number)
        time.sleep(interval_s)
    memory["after_events"] = rss_kib(web_pid)["VmRSS"]
    finish_experiment(experiment, Experiment.Status.SUCCEEDED)
    for reader in readers:
        reader.join(WAIT_S)
    memory["peak"] = rss_kib(web_pid)["VmHWM"]
    complete, delays = 0, []
    for reader in readers:
        trials = [a for a in reader.arrivals if a.name == "trial"]
        ended = bool(reader.arrivals) and reader.arrivals[-1].data.get("status") == "succeeded"
        if [a.data["number"] for a in trials] == list(range(events)) and ended:
            complete += 1
        delays += [a.at - committed_at[a.data["number"]] for a in trials]
    return {"clients": clients, "connected": len(readers), "refused": refused,
            "events": events, "clients_with_every_event": complete,
            "errors": sorted({r.error for r in readers if r.error}),
            "call_to_arrival_ms": summary_ms(delays), "web_rss_mib": {
                name: round(kib / 1024, 1) for name, kib in memory.items()}}
