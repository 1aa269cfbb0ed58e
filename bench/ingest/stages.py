"""One measured stage of the ingest benchmark, run in its own process so its peak RSS is its own.

``python -m bench.ingest.stages pyarrow|daria_read|daria CSV RESULT_JSON`` writes ``{seconds,
cpu_s, table_mb, baseline_rss_mb}``: the time to read (and, for ``daria``, type and profile) the
file, the CPU time of all the process's threads meanwhile (which the machine's load inflates
less than the wall time), the loaded table's size, and the process's RSS after imports (the
floor under the peak).
``daria_read`` is Daria's reader alone, so that its share of the peak is seen apart.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import psutil


def _pyarrow(path: Path) -> dict[str, float]:
    import pyarrow.csv as pacsv

    baseline = psutil.Process().memory_info().rss
    started, cpu = time.perf_counter(), time.process_time()
    table = pacsv.read_csv(path)
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "cpu_s": time.process_time() - cpu,
            "table_mb": table.nbytes / 2**20,
            "baseline_rss_mb": baseline / 2**20}


def _daria(path: Path) -> dict[str, float]:
    from automl_core.data import profile_frame, read_table

    baseline = psutil.Process().memory_info().rss
    started, cpu = time.perf_counter(), time.process_time()
    read = read_table(path)
    read_s = time.perf_counter() - started
    profile = profile_frame(read.frame, with_stats=True)
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "cpu_s": time.process_time() - cpu, "read_s": read_s,
            "profile_s": seconds - read_s,
            "table_mb": profile.memory_bytes / 2**20, "baseline_rss_mb": baseline / 2**20,
            "rows": profile.n_rows, "columns": len(profile.columns),
            "warnings": sorted(w.code for w in profile.warnings)}


def _daria_read(path: Path) -> dict[str, float]:
    from automl_core.data import read_table

    baseline = psutil.Process().memory_info().rss
    started, cpu = time.perf_counter(), time.process_time()
    frame = read_table(path).frame
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "cpu_s": time.process_time() - cpu,
            "table_mb": frame.memory_usage(deep=True).sum() / 2**20,
            "baseline_rss_mb": baseline / 2**20}


def main() -> None:
    """Run the stage named on the command line."""
    stage, csv_path, out = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    result = {"pyarrow": _pyarrow, "daria_read": _daria_read, "daria": _daria}[stage](csv_path)
    out.write_text(json.dumps(result))


if __name__ == "__main__":
    main()
