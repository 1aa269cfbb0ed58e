"""API ingest benchmark: the generated CSV uploaded through the HTTP API until its profile is ready.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/daria_bench_ingest \\
    REDIS_URL=redis://127.0.0.1:6379/4 .venv/bin/python -m bench.ingest.api [--rows N] \\
    [--uploads N]

It migrates the database named by DATABASE_URL (use a throwaway one), seeds a user, a project and
a token (``api_seed.py``), then runs Daria as ``make run`` does: uvicorn (one process) and a
Celery worker (prefork, concurrency 1) on a queue of its own. The file is streamed in a
multipart ``POST /api/v1/projects/{id}/datasets/``; the dataset is polled every 0.05 s until it
is ``ready``; this is repeated ``--uploads`` times (default 3) and the median time reported.
The RSS of the web and worker process trees is sampled every 20 ms from outside. In the same
run, as often each: a bare ``pyarrow.csv.read_csv`` of the file and the engine's read and
profile, each in a fresh process (``stages.py``), and the same body sent to an app that only
counts its bytes (``sink.py``): the floor of any design that parses after the upload.
Prints a Markdown section for ``docs/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psutil
import requests

from bench.ingest.generate import write_mixed_csv
from bench.served import APP_PYTHON, REPO, serve_asgi, serve_daria

PORT = 8767
SINK_PORT = 8768
SAMPLE_S = 0.02
POLL_S = 0.05  # the time to ready is known to within this much
READY_TIMEOUT_S = 900
BOUNDARY = "daria-bench-ingest-boundary"


class PeakSampler:
    """The largest RSS sum over each watched process tree, sampled in a background thread."""

    def __init__(self, roots: dict[str, int]) -> None:
        self.roots = roots
        self.peaks = dict.fromkeys(roots, 0.0)
        self.floors = {name: _tree_rss(pid) for name, pid in roots.items()}
        self.largest_process = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PeakSampler:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            for name, pid in self.roots.items():
                self.peaks[name] = max(self.peaks[name], _tree_rss(pid))
                self.largest_process = max(self.largest_process, _largest_rss(pid))
            time.sleep(SAMPLE_S)


def _tree_rss(pid: int) -> float:
    """MiB of RSS summed over a process and its children (0 for processes that ended)."""
    try:
        root = psutil.Process(pid)
        processes = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0.0
    total = 0
    for process in processes:
        try:
            total += process.memory_info().rss
        except psutil.NoSuchProcess:
            continue
    return total / 2**20


def _largest_rss(pid: int) -> float:
    """MiB of RSS of the largest process in a process tree."""
    try:
        root = psutil.Process(pid)
        return max((process.memory_info().rss for process in
                    [root, *root.children(recursive=True)]), default=0) / 2**20
    except psutil.NoSuchProcess:
        return 0.0


@contextmanager
def _worker(env: dict[str, str]) -> Iterator[subprocess.Popen[bytes]]:
    process = subprocess.Popen(
        [str(APP_PYTHON.parent / "celery"), "-A", "daria", "worker", "--loglevel", "warning",
         "--concurrency", "1", "--queues", env["DARIA_CELERY_QUEUE"], "--without-gossip",
         "--without-mingle", "--without-heartbeat"], cwd=REPO, env=env)
    try:
        time.sleep(8)  # the worker imports the engine; the floor is read once it is idle
        if process.poll() is not None:
            raise SystemExit("the Celery worker exited")
        yield process
    finally:
        process.terminate()
        process.wait(timeout=60)


def _multipart(path: Path, out: Path) -> Path:
    """Write a multipart body holding ``path`` as the ``file`` field to ``out`` (streamed from
    disk when sent, so that the timed request does not include building it)."""
    head = (f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; "
            f"filename=\"{path.name}\"\r\nContent-Type: text/csv\r\n\r\n").encode()
    with out.open("wb") as sink, path.open("rb") as source:
        sink.write(head)
        shutil.copyfileobj(source, sink, 1 << 20)
        sink.write(f"\r\n--{BOUNDARY}--\r\n".encode())
    return out


def _post_body(url: str, body: Path, headers: dict[str, str]) -> requests.Response:
    """POST the multipart ``body`` file to ``url``, streamed from disk."""
    with body.open("rb") as stream:
        return requests.post(url, data=stream, timeout=600, headers={
            **headers, "Content-Type": f"multipart/form-data; boundary={BOUNDARY}"})


def _upload_until_ready(base: str, seeded: dict, body: Path) -> dict[str, float]:
    headers = {"Authorization": f"Token {seeded['token']}"}
    started = time.perf_counter()
    response = _post_body(f"{base}/api/v1/projects/{seeded['project']}/datasets/", body,
                          headers)
    answered = time.perf_counter() - started
    if response.status_code not in (201, 202):
        raise SystemExit(f"upload refused: {response.status_code} {response.text[:500]}")
    dataset = response.json()
    while dataset["status"] == "processing":
        if time.perf_counter() - started > READY_TIMEOUT_S:
            raise SystemExit("the dataset was not ready in time")
        time.sleep(POLL_S)
        dataset = requests.get(f"{base}/api/v1/datasets/{dataset['id']}/", headers=headers,
                               timeout=60).json()
    if dataset["status"] != "ready":
        raise SystemExit(f"the dataset ended {dataset['status']}: {json.dumps(dataset)[:500]}")
    return {"seconds": time.perf_counter() - started, "request_s": answered,
            "rows": dataset["n_rows"], "columns": dataset["n_columns"],
            "table_mb": dataset["memory_bytes"] / 2**20}


def _stage_seconds(stage: str, csv_path: Path, folder: Path) -> float:
    """Seconds of one ``bench.ingest.stages`` stage, run in a process of its own."""
    out = folder / f"{stage}.json"
    subprocess.run([sys.executable, "-m", "bench.ingest.stages", stage, str(csv_path),
                    str(out)], cwd=REPO, check=True)
    return float(json.loads(out.read_text())["seconds"])


def _bare_transfers(body: Path, env: dict[str, str], times: int) -> list[float]:
    """Seconds to POST ``body`` to an app that only counts its bytes (``sink.py``)."""
    seconds = []
    with serve_asgi("bench.ingest.sink:app", "/", env, SINK_PORT) as base:
        for _ in range(times):
            started = time.perf_counter()
            response = _post_body(f"{base}/", body, {})
            seconds.append(time.perf_counter() - started)
            if response.text != str(body.stat().st_size):
                raise SystemExit(f"the sink read {response.text} bytes of {body.stat().st_size}")
    return seconds


def _markdown(rows: int, size_mb: float, uploads: list[dict], sampler: PeakSampler,
              floors: dict[str, float]) -> str:
    arrow_s, transfer_s, engine_s = floors["pyarrow"], floors["transfer"], floors["engine"]
    seconds = statistics.median(upload["seconds"] for upload in uploads)
    request_s = statistics.median(upload["request_s"] for upload in uploads)
    table_mb = uploads[0]["table_mb"]
    web, worker = (sampler.peaks["web"], sampler.floors["web"]), \
        (sampler.peaks["worker"], sampler.floors["worker"])
    return "\n".join([
        "| rows | file (MB) | request to ready (s) | bare pyarrow (s) | time ratio | "
        "table (MB) | web peak / idle (MB) | worker tree peak / idle (MB) | largest process "
        "(MB) |",
        "|---|---|---|---|---|---|---|---|---|",
        f"| {rows:,} | {size_mb:.0f} | {seconds:.1f} (request {request_s:.1f}) | "
        f"{arrow_s:.2f} | {seconds / arrow_s:.1f}x | {table_mb:.0f} | {web[0]:.0f} / "
        f"{web[1]:.0f} | {worker[0]:.0f} / {worker[1]:.0f} | {sampler.largest_process:.0f} |",
        "",
        f"- Medians of {len(uploads)} uploads and {len(uploads)} bare reads, peaks over all. "
        f"Worker tree peak above idle / table = {(worker[0] - worker[1]) / table_mb:.1f}x; "
        f"largest process / table = {sampler.largest_process / table_mb:.1f}x; web peak above "
        f"idle: {web[0] - web[1]:.0f} MB.",
        f"- The floor of any design that parses only once the upload has arrived (medians of "
        f"{len(uploads)}): the same body sent to an app that only counts its bytes "
        f"(`bench/ingest/sink.py`, under uvicorn) took {transfer_s:.2f} s "
        f"({transfer_s / arrow_s:.1f}x the bare read), and the engine's read and profile alone, "
        f"in a fresh process, {engine_s:.2f} s ({engine_s / arrow_s:.1f}x): together "
        f"{(transfer_s + engine_s) / arrow_s:.1f}x, before Django, storage, the queue and the "
        f"polling add anything.",
    ]) + "\n"


def main() -> None:
    """Migrate, seed, serve, upload, measure and print the Markdown section."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--uploads", type=int, default=3,
                        help="uploads timed, and as many bare reads, engine runs and transfers")
    args = parser.parse_args()
    if "DATABASE_URL" not in os.environ or "REDIS_URL" not in os.environ:
        sys.exit("Set DATABASE_URL (a throwaway PostgreSQL database) and REDIS_URL.")
    with tempfile.TemporaryDirectory(prefix="daria-ingest-api-") as tmp:
        folder = Path(tmp)
        env = {**os.environ, "DARIA_DATA_DIR": str(folder / "data"),
               "DARIA_CELERY_QUEUE": f"bench-ingest-{uuid.uuid4().hex[:8]}",
               "DARIA_UPLOAD_RATE": "1000/hour"}
        subprocess.run([APP_PYTHON, "manage.py", "migrate", "-v", "0"], cwd=REPO, env=env,
                       check=True)
        seeded = json.loads(subprocess.run(
            [APP_PYTHON, "-m", "bench.ingest.api_seed"], cwd=REPO, env=env, check=True,
            capture_output=True, text=True).stdout.strip().splitlines()[-1])
        csv_path = folder / "mixed.csv"
        size_mb = write_mixed_csv(csv_path, args.rows) / 1e6
        body = _multipart(csv_path, folder / "upload.body")
        bare = [(_stage_seconds("pyarrow", csv_path, folder),
                 _stage_seconds("daria", csv_path, folder)) for _ in range(args.uploads)]
        floors = {"pyarrow": statistics.median(arrow for arrow, _ in bare),
                  "engine": statistics.median(engine for _, engine in bare),
                  "transfer": statistics.median(_bare_transfers(body, env, args.uploads))}
        with _worker(env) as worker, serve_daria(env, PORT) as base:
            web_pid = _listening_pid(PORT)
            with PeakSampler({"web": web_pid, "worker": worker.pid}) as sampler:
                uploads = [_upload_until_ready(base, seeded, body)
                           for _ in range(args.uploads)]
    print(_markdown(args.rows, size_mb, uploads, sampler, floors))


def _listening_pid(port: int) -> int:
    """The process that listens on ``port`` (uvicorn started by ``serve_daria``)."""
    for connection in psutil.net_connections(kind="tcp"):
        if connection.laddr and connection.laddr.port == port and connection.status == "LISTEN":
            return int(connection.pid)
    raise SystemExit(f"nothing listens on port {port}")


if __name__ == "__main__":
    main()
