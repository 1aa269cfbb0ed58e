"""Ingest benchmark: a generated 1,000,000 x 20 mixed CSV read by pyarrow alone and by Daria.

``.venv/bin/python -m bench.ingest.run [--rows N] [--repeat N] [--json PATH]`` writes the CSV
into a temporary directory, runs each stage in its own process (``bench.ingest.stages``) with its
peak RSS sampled from outside (``bench.engine.measure``), ``--repeat`` times interleaved (the
median time and the highest peak count), times the refusal of every ``reject`` file of the
hostile-input manifest, and prints a Markdown section for ``docs/benchmarks.md``. The API-level
benchmark (upload through HTTP until the profile is ready) is ``bench.ingest.api``; the
full-scale hostile inputs of ``bad-inputs/make_big.py`` are ``bench.ingest.big_inputs``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys
import tempfile
from pathlib import Path

from bench.engine.measure import run_measured
from bench.ingest.generate import write_mixed_csv
from bench.ingest.rejections import bad_inputs_dir, time_rejections

TIMEOUT_S = 900
TIME_TARGET = 3.0  # Daria within 3x a bare pyarrow read
MEMORY_TARGET = 3.0  # peak RSS under 3x the loaded table
REJECT_TARGET_S = 2.0


def _stage(stage: str, csv_path: Path, folder: Path) -> dict[str, float]:
    out, log = folder / f"{stage}.json", folder / f"{stage}.log"
    measured = run_measured([sys.executable, "-m", "bench.ingest.stages", stage, str(csv_path),
                             str(out)], TIMEOUT_S, log, cwd=Path(__file__).resolve().parents[2])
    if measured.returncode != 0:
        raise SystemExit(f"{stage} failed: {measured.stderr_tail}")
    return {**json.loads(out.read_text()), "wall_s": measured.wall_s,
            "peak_rss_mb": measured.peak_rss_mb}


def _median_run(runs: list[dict]) -> dict:
    """The run of median time, with the highest peak RSS of all runs."""
    middle = sorted(runs, key=lambda run: run["seconds"])[len(runs) // 2]
    return {**middle, "peak_rss_mb": max(run["peak_rss_mb"] for run in runs)}


def _markdown(rows: int, size_mb: float, arrow: dict, reader: dict, daria: dict,
              rejections: list[dict], command: str, repeat: int) -> str:
    ratio = daria["seconds"] / arrow["seconds"]
    cpu_ratio = daria["cpu_s"] / arrow["cpu_s"]
    memory = daria["peak_rss_mb"] / daria["table_mb"]
    above_floor = (daria["peak_rss_mb"] - daria["baseline_rss_mb"]) / daria["table_mb"]
    reader_above = (reader["peak_rss_mb"] - reader["baseline_rss_mb"]) / reader["table_mb"]
    slowest = max(rejections, key=lambda r: r["seconds"])
    lines = [
        f"## Ingest benchmark ({dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC)", "",
        f"Command: `{command}` (engine level, each stage in its own process, {repeat} runs "
        "interleaved: median time, highest peak; "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, shared machine). The file: "
        f"{rows:,} rows x {daria['columns']} columns (8 float, 4 integer, 4 categorical, 1 "
        f"boolean, 2 date, 1 ID), {size_mb:.0f} MB, generated with seed 0 into a temporary "
        "directory by `bench/ingest/generate.py`.", "",
        "| stage | seconds | CPU seconds | peak RSS (MB) | RSS after imports (MB) | "
        "loaded table (MB) |", "|---|---|---|---|---|---|",
        f"| bare `pyarrow.csv.read_csv` | {arrow['seconds']:.2f} | {arrow['cpu_s']:.2f} | "
        f"{arrow['peak_rss_mb']:.0f} | {arrow['baseline_rss_mb']:.0f} | "
        f"{arrow['table_mb']:.0f} (Arrow) |",
        f"| Daria `read_table` alone | {reader['seconds']:.2f} | {reader['cpu_s']:.2f} | "
        f"{reader['peak_rss_mb']:.0f} | {reader['baseline_rss_mb']:.0f} | "
        f"{reader['table_mb']:.0f} (pandas, deep) |",
        f"| Daria `read_table` + `profile_frame(with_stats=True)` | {daria['seconds']:.2f} "
        f"(read {daria['read_s']:.2f}, profile {daria['profile_s']:.2f}) | "
        f"{daria['cpu_s']:.2f} | {daria['peak_rss_mb']:.0f} | "
        f"{daria['baseline_rss_mb']:.0f} | {daria['table_mb']:.0f} (pandas, deep) |", "",
        f"- Time: Daria / pyarrow = **{ratio:.1f}x** (target <= {TIME_TARGET:.0f}x): "
        f"{'met' if ratio <= TIME_TARGET else 'NOT met'}. CPU time: Daria / pyarrow = "
        f"{cpu_ratio:.1f}x (both use every core for parsing; Daria's profile uses them "
        f"for its per-column part).",
        f"- Memory: peak RSS / loaded table = **{memory:.1f}x** (target < "
        f"{MEMORY_TARGET:.0f}x): {'met' if memory < MEMORY_TARGET else 'NOT met'}; above the "
        f"process's RSS after imports it is {above_floor:.1f}x (the reader alone: "
        f"{reader_above:.1f}x, +{reader['peak_rss_mb'] - reader['baseline_rss_mb']:.0f} MB).",
        f"- Warnings on the file: {', '.join(daria['warnings']) or 'none'}.",
        f"- Refusal of every `reject` file of `bad-inputs/manifest.json` (engine, warm process): "
        f"slowest {slowest['seconds'] * 1000:.0f} ms ({slowest['file']}); target < "
        f"{REJECT_TARGET_S:.0f} s: "
        f"{'met' if slowest['seconds'] < REJECT_TARGET_S else 'NOT met'}.", "",
        "| file | phase | refused with | ms |", "|---|---|---|---|",
        *[f"| {r['file']} | {r['phase']} | `{r['code']}` | {r['seconds'] * 1000:.0f} |"
          for r in rejections],
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    """Generate, measure and print the Markdown section (and the raw figures as JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each stage: the median time and the highest peak count")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="daria-ingest-") as tmp:
        folder = Path(tmp)
        csv_path = folder / "mixed.csv"
        size_mb = write_mixed_csv(csv_path, args.rows) / 1e6
        runs: dict[str, list[dict]] = {"pyarrow": [], "daria_read": [], "daria": []}
        for _ in range(args.repeat):  # interleaved, so that the machine's load hits all alike
            for stage, found in runs.items():
                found.append(_stage(stage, csv_path, folder))
        arrow, reader, daria = (_median_run(runs[stage]) for stage in runs)
    rejections = time_rejections(bad_inputs_dir())
    command = ".venv/bin/python -m bench.ingest.run" + (
        f" --rows {args.rows}" if args.rows != 1_000_000 else "") + (
        f" --repeat {args.repeat}" if args.repeat != 3 else "")
    if args.json:
        args.json.write_text(json.dumps({"arrow": arrow, "reader": reader, "daria": daria,
                                         "rejections": rejections}, indent=1))
    print(_markdown(args.rows, size_mb, arrow, reader, daria, rejections, command, args.repeat))


if __name__ == "__main__":
    main()
