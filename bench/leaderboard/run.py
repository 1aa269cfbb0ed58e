"""The leaderboard API under load: p50/p95/p99 with N concurrent users on loopback.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/daria_bench_leaderboard \
        .venv/bin/python -m bench.leaderboard.run --users 50 --duration 60

It migrates the database named by DATABASE_URL (use a throwaway one), seeds an experiment of
``--trials`` trials, serves Daria with uvicorn as ``make run`` does (``--web-workers`` processes,
by default as many as ``make run`` starts) and runs Locust (installed in bench/.venv only)
headless against it; prints a Markdown table.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.served import APP_PYTHON, REPO, serve_daria
from scripts.run import DEFAULT_WEB_WORKERS

LOCUST = REPO / "bench" / ".venv" / "bin" / "locust"
PORT = 8765


def _results(stats_csv: Path) -> list[dict[str, str]]:
    with stats_csv.open(newline="") as handle:
        return list(csv.DictReader(handle))


def main() -> None:
    """Seed, serve, load and report."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--spawn-rate", type=int, default=10)
    parser.add_argument("--duration", type=int, default=60, help="seconds of load")
    parser.add_argument("--trials", type=int, default=10_000)
    parser.add_argument("--web-workers", type=int, default=DEFAULT_WEB_WORKERS,
                        help="uvicorn processes (make run: DARIA_WEB_WORKERS, default "
                             f"{DEFAULT_WEB_WORKERS})")
    args = parser.parse_args()
    if "DATABASE_URL" not in os.environ:
        sys.exit("Set DATABASE_URL to a throwaway PostgreSQL database.")
    env = {**os.environ, "DARIA_DATA_DIR": tempfile.mkdtemp(prefix="daria-bench-lb-")}
    subprocess.run([APP_PYTHON, "manage.py", "migrate", "-v", "0"], cwd=REPO, env=env,
                   check=True)
    seeded = json.loads(subprocess.run(
        [APP_PYTHON, "-m", "bench.leaderboard.seed", "--trials", str(args.trials)], cwd=REPO,
        env=env, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1])
    with serve_daria(env, PORT, workers=args.web_workers) as url:
        prefix = Path(tempfile.mkdtemp(prefix="locust-")) / "leaderboard"
        load_env = {**env, "DARIA_BENCH_TOKEN": seeded["token"],
                    "DARIA_BENCH_EXPERIMENT": str(seeded["experiment"])}
        subprocess.run([LOCUST, "-f", REPO / "bench" / "leaderboard" / "locustfile.py",
                        "--headless", "--host", url, "-u",
                        str(args.users), "-r", str(args.spawn_rate), "-t", f"{args.duration}s",
                        "--csv", str(prefix), "--only-summary"], env=load_env, check=False)
    print(f"\n{args.trials} trials, {args.users} users, {args.duration} s, "
          f"web processes: {args.web_workers}\n")
    print("| request | requests | failures | req/s | p50 ms | p95 ms | p99 ms |")
    print("|---|---|---|---|---|---|---|")
    for row in _results(Path(f"{prefix}_stats.csv")):
        print(f"| {row['Name']} | {row['Request Count']} | {row['Failure Count']} | "
              f"{float(row['Requests/s']):.1f} | {row['50%']} | {row['95%']} | {row['99%']} |")


if __name__ == "__main__":
    main()
