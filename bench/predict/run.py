"""Prediction latency: the REST endpoint against calling the saved pipeline directly.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/daria_bench_predict \
        .venv/bin/python -m bench.predict.run --repeats 100

It migrates the database named by DATABASE_URL (use a throwaway one), trains one model on
titanic (``seed.py``), serves Daria with uvicorn exactly as ``make run`` does (one process) and
sends ``POST /api/v1/models/{id}/predict/`` with 1 and with 1,000 JSON rows, one request at a
time on loopback, after a warm-up (the first request loads and verifies the model file and reads
the training data once for the novelty check). "Direct" is ``AutoML.load(path)`` then
``predict_proba`` (labels are its argmax) on a DataFrame in this process: the floor the API adds its
checks, JSON and HTTP to. Prints a Markdown table of p50/p95 in milliseconds.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable

import pandas as pd

from bench.served import APP_PYTHON, REPO, serve_daria

PORT = 8766
WARMUP = 3


def _timings(call: Callable[[], object], repeats: int) -> list[float]:
    """Milliseconds of ``repeats`` calls after a warm-up."""
    for _ in range(WARMUP):
        call()
    found = []
    for _ in range(repeats):
        started = time.perf_counter()
        call()
        found.append((time.perf_counter() - started) * 1000)
    return found


def _percentile(values: list[float], share: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[round(share * 100) - 1]


def _rest_call(url: str, token: str, rows: list[dict]) -> Callable[[], object]:
    body = json.dumps({"rows": rows}).encode()

    def call() -> object:
        request = urllib.request.Request(url, data=body, method="POST", headers={
            "Authorization": f"Token {token}", "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=120) as response:  # noqa: S310
            return response.read()

    return call


def _direct_call(model_path: str, frame: pd.DataFrame) -> Callable[[], object]:
    from automl_core import AutoML

    automl = AutoML.load(model_path)

    def call() -> object:
        proba = automl.predict_proba(frame)  # labels are its argmax, as the API derives them
        return proba.to_numpy().argmax(axis=1)

    return call


def main() -> None:
    """Seed, serve, measure and report."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=100, help="timed calls per case")
    parser.add_argument("--budget", type=float, default=20, help="training budget, seconds")
    args = parser.parse_args()
    if "DATABASE_URL" not in os.environ:
        sys.exit("Set DATABASE_URL to a throwaway PostgreSQL database.")
    env = {**os.environ, "DARIA_DATA_DIR": tempfile.mkdtemp(prefix="daria-bench-predict-")}
    subprocess.run([APP_PYTHON, "manage.py", "migrate", "-v", "0"], cwd=REPO, env=env,
                   check=True)
    seeded = json.loads(subprocess.run(
        [APP_PYTHON, "-m", "bench.predict.seed", "--budget", str(args.budget)], cwd=REPO,
        env=env, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1])
    features = pd.read_csv(seeded["data"]).drop(columns=[seeded["target"]])
    frames = {1: features.head(1),
              1000: features.sample(1000, replace=True, random_state=0).reset_index(drop=True)}
    results: dict[tuple[str, int], list[float]] = {}
    with serve_daria(env, PORT) as base:
        url = f"{base}/api/v1/models/{seeded['model']}/predict/"
        for size, frame in frames.items():
            rows = json.loads(frame.to_json(orient="records"))
            results[("REST", size)] = _timings(_rest_call(url, seeded["token"], rows),
                                               args.repeats)
    for size, frame in frames.items():
        results[("direct", size)] = _timings(_direct_call(seeded["model_path"], frame),
                                             args.repeats)
    print(f"\n{args.repeats} timed calls per row, one at a time, after {WARMUP} warm-up calls\n")
    print("| rows | path | p50 ms | p95 ms |")
    print("|---|---|---|---|")
    for (path, size), values in sorted(results.items(), key=lambda item: (item[0][1],
                                                                          item[0][0])):
        print(f"| {size:,} | {path} | {_percentile(values, 0.5):.1f} | "
              f"{_percentile(values, 0.95):.1f} |")


if __name__ == "__main__":
    main()
