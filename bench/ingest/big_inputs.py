"""The large hostile inputs of ``bad-inputs/make_big.py`` at full scale, through Daria's reader.

``.venv/bin/python -m bench.ingest.big_inputs [--scale 1.0] [--json PATH]`` generates the files
(a 2 GiB CSV, a gzip bomb of 8 GiB, a zip bomb of 4 GiB, 100,000 columns, one 256 MiB line) into
a temporary directory, deleted afterwards, and reads each with ``read_table`` and the default
``ReadLimits`` (the web app's too, unless its settings lower them) in a process of its own.
Each row: refused or not, the code and message, the seconds until refused, and the process's
peak RSS (``VmHWM``, the kernel's own high-water mark, which unlike ``ru_maxrss`` does not carry
the parent's memory over ``fork`` and ``exec``) beside its RSS before the read.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[2]
TIMEOUT_S = 600
TARGET_S = 2.0


def measure_case(path: Path) -> dict[str, object]:
    """Read ``path`` in this process; what happened, how long it took and the peak RSS."""
    from automl_core.data import ReadLimits, read_table
    from automl_core.exceptions import DataError

    read_table(b"a,b\n1,2\n")  # imports and first-use costs are not the file's
    before = psutil.Process().memory_info().rss
    cpu = psutil.Process().cpu_times()
    started = time.perf_counter()
    try:
        frame = read_table(path, limits=ReadLimits()).frame
        outcome = {"refused": False, "code": "accepted", "message": f"{len(frame):,} rows"}
    except DataError as error:
        outcome = {"refused": True, "code": error.code, "message": error.message}
    seconds = time.perf_counter() - started
    used = psutil.Process().cpu_times()
    cpu_s = max(0.0, used.user + used.system - cpu.user - cpu.system)  # all threads
    return {**outcome, "seconds": seconds, "cpu_s": cpu_s, "rss_before_mb": before / 2**20,
            "peak_rss_mb": _peak_rss_kb() / 1024}


def _peak_rss_kb() -> int:
    """This process's peak resident memory in kB (``VmHWM`` of ``/proc/self/status``)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise RuntimeError("VmHWM is not in /proc/self/status (Linux only)")


def _bad_inputs_dir() -> Path:
    """As ``bench.ingest.rejections.bad_inputs_dir``, which is not imported: it loads the
    facade, and this process's memory must stay small (see ``_peak_rss_kb``)."""
    shared = os.environ.get("DARIA_SHARED_DIR") or REPO.parent / "shared"
    return Path(shared) / "bad-inputs"


def _run_case(path: Path, folder: Path) -> dict[str, object]:
    out = folder / f"{path.name}.json"
    completed = subprocess.run(
        [sys.executable, "-m", "bench.ingest.big_inputs", "--case", str(path), str(out)],
        cwd=REPO, capture_output=True, text=True, timeout=TIMEOUT_S, check=False)
    if completed.returncode != 0:
        return {"refused": False, "code": f"crashed ({completed.returncode})",
                "message": completed.stderr[-300:], "seconds": float("nan"), "cpu_s": float("nan"),
                "rss_before_mb": float("nan"), "peak_rss_mb": float("nan")}
    return json.loads(out.read_text())


def _markdown(rows: list[dict], scale: float, command: str) -> str:
    lines = [
        f"### Full-scale hostile inputs ({dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC)", "",
        f"Command: `{command}` (files from `bad-inputs/make_big.py --scale {scale:g}` in a "
        "temporary directory, deleted afterwards; each read by `read_table` with the default "
        f"`ReadLimits` in a process of its own; {os.cpu_count()} cores, shared machine).", "",
        "| file | size on disk (MB) | refused | code | seconds (CPU s) | RSS before (MB) | "
        "peak RSS (MB) | message |", "|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        message = str(row["message"]).replace("|", "\\|")
        lines.append(
            f"| {row['file']} | {row['size_mb']:,.1f} | {'yes' if row['refused'] else 'NO'} | "
            f"`{row['code']}` | {row['seconds']:.2f} ({row['cpu_s']:.2f}) | "
            f"{row['rss_before_mb']:.0f} | "
            f"{row['peak_rss_mb']:.0f} | {message} |")
    slow = [r["file"] for r in rows if not r["seconds"] < TARGET_S]  # NaN (a crash) is slow
    lines += ["", f"- Target: each refused at its limit in under {TARGET_S:.0f} s, with a peak "
              "far below the file's size: "
              + ("met for all." if all(r["refused"] for r in rows) and not slow else
                 f"NOT met ({', '.join(slow) or 'a file was accepted'}).")]
    return "\n".join(lines) + "\n"


def main() -> None:
    """Generate, measure each file in its own process, print the Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    parser.add_argument("--case", nargs=2, type=Path, metavar=("FILE", "OUT"),
                        help=argparse.SUPPRESS)  # the child process: measure one file
    args = parser.parse_args()
    if args.case:
        args.case[1].write_text(json.dumps(measure_case(args.case[0])))
        return
    rows = []
    with tempfile.TemporaryDirectory(prefix="daria-big-") as tmp:
        folder = Path(tmp)
        subprocess.run([sys.executable, str(_bad_inputs_dir() / "make_big.py"), str(folder),
                        "--scale", str(args.scale)], check=True, capture_output=True)
        for entry in json.loads((folder / "manifest.json").read_text()):
            path = folder / entry["file"]
            rows.append({"file": entry["file"], "size_mb": path.stat().st_size / 2**20,
                         **_run_case(path, folder)})
            print(json.dumps(rows[-1]), file=sys.stderr)
    command = ".venv/bin/python -m bench.ingest.big_inputs" + (
        f" --scale {args.scale:g}" if args.scale != 1.0 else "")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))
    print(_markdown(rows, args.scale, command))


if __name__ == "__main__":
    main()
