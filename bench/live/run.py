"""Live-search benchmarks on loopback: SSE latency and fan-out, platform overhead per trial,
trials per minute with 1 and 2 workers.

    .venv/bin/python -m bench.live.run            # everything, ~3 min on an idle 2-core box
    .venv/bin/python -m bench.live.run --only latency fanout

It creates its own PostgreSQL database (``--database``, default daria_bench_live, dropped at the
end unless ``--keep-database``), uses Redis db ``--redis-db`` (default 13) with a Celery queue of
its own, serves Daria with one uvicorn process and starts Celery workers as ``make run`` does
(prefork, concurrency 1, DARIA_WORKER_THREADS=1). Prints the load average and one JSON object
per scenario.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from bench.live import searches, streaming
from bench.live.seed import Seeded, seed
from bench.live.stack import bench_env, throwaway_database, web_server

SCENARIOS = ("latency", "fanout", "overhead", "speedup")
PORT = 8787


def _load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def _report(name: str, result: dict[str, Any]) -> None:
    print(json.dumps({"scenario": name, "load": _load(), **result}), flush=True)


def _speedup(seeded: Seeded, env: dict[str, str], log_dir: Path, trials: int,
             trees: int) -> dict[str, Any]:
    plan = searches.forest_plan(trials, trees)
    runs = {workers: searches.throughput(searches.run_plan(
        seeded, seeded.credit_g, "class", plan, parallelism=2, workers=workers, env=env,
        log_dir=log_dir)) for workers in (1, 2)}
    return {"one_worker": runs[1], "two_workers": runs[2], "speedup": round(
        runs[2]["trials_per_minute"] / runs[1]["trials_per_minute"], 2)}


def main() -> None:
    """Set up, run the chosen scenarios, print their results."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", nargs="+", choices=SCENARIOS, default=list(SCENARIOS))
    parser.add_argument("--database", default="daria_bench_live")
    parser.add_argument("--keep-database", action="store_true")
    parser.add_argument("--redis-db", type=int, default=13)
    parser.add_argument("--latency-trials", type=int, default=500)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--fanout-events", type=int, default=50)
    parser.add_argument("--web-pool-size", type=int, default=None,
                        help="DARIA_DB_POOL_SIZE of the web process (default: the app's)")
    parser.add_argument("--overhead-trials", type=int, default=40)
    parser.add_argument("--speedup-trials", type=int, default=12)
    parser.add_argument("--trees", type=int, default=150, help="trees per forest (speed-up)")
    args = parser.parse_args()
    env = bench_env(args.database, f"redis://127.0.0.1:6379/{args.redis_db}")
    os.environ.update(env)
    log_dir = Path(tempfile.mkdtemp(prefix="bench-live-logs-"))
    print(f"load average at start: {_load()}; worker logs in {log_dir}", flush=True)
    import django

    django.setup()
    with throwaway_database(env, args.database, args.keep_database):
        seeded = seed()
        if {"latency", "fanout"} & set(args.only):
            web_env = env if args.web_pool_size is None else {
                **env, "DARIA_DB_POOL_SIZE": str(args.web_pool_size)}
            with web_server(web_env, PORT) as server:
                if "latency" in args.only:
                    _report("latency", streaming.latency(seeded, PORT, args.latency_trials))
                if "fanout" in args.only:
                    _report("fanout", streaming.fan_out(seeded, PORT, server.pid, args.clients,
                                                        args.fanout_events, interval_s=0.1))
        if "overhead" in args.only:
            _report("overhead", searches.overhead(searches.run_plan(
                seeded, seeded.tiny, "y", searches.linear_plan(args.overhead_trials),
                parallelism=1, workers=1, env=env, log_dir=log_dir)))
        if "speedup" in args.only:
            _report("speedup", _speedup(seeded, env, log_dir, args.speedup_trials, args.trees))
    print(f"load average at end: {_load()}", flush=True)


if __name__ == "__main__":
    main()
