"""A seeded mixed-kind CSV for the ingest benchmark: numbers, categories, booleans, dates, IDs."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

CITIES = np.array(["서울", "Busan", "Daegu", "Incheon", "Gwangju", "Daejeon", "Ulsan", "Jeju"])
PLANS = np.array(["basic", "plus", "pro", "enterprise"])


def mixed_table(rows: int, seed: int = 0) -> pa.Table:
    """20 columns: 8 float, 4 integer, 4 categorical, 1 boolean, 2 date and 1 ID column."""
    rng = np.random.default_rng(seed)
    columns: dict[str, pa.Array] = {}
    for i in range(8):
        values = rng.normal(100 * i, 10 + i, rows).round(3)
        values[rng.random(rows) < 0.02] = np.nan  # a few missing cells, as in real exports
        columns[f"measure_{i}"] = pa.array(values, from_pandas=True)
    for i in range(4):
        columns[f"count_{i}"] = pa.array(rng.integers(0, 10 ** (i + 2), rows))
    columns["city"] = pa.array(CITIES[rng.integers(0, len(CITIES), rows)])
    columns["plan"] = pa.array(PLANS[rng.integers(0, len(PLANS), rows)])
    columns["segment"] = pa.array(np.char.add("s", rng.integers(0, 40, rows).astype(str)))
    columns["channel"] = pa.array(np.array(["web", "app", "store"])[rng.integers(0, 3, rows)])
    columns["active"] = pa.array(rng.random(rows) < 0.3)
    start = np.datetime64("2020-01-01")
    for name in ("signup_date", "last_seen"):
        days = start + rng.integers(0, 2000, rows).astype("timedelta64[D]")
        columns[name] = pa.array(np.datetime_as_string(days, unit="D"))
    columns["customer_id"] = pa.array(np.char.add("C", np.arange(rows).astype(str)))
    return pa.table(columns)


def write_mixed_csv(path: Path, rows: int, seed: int = 0) -> int:
    """Write the table as CSV at ``path``; return its size in bytes."""
    pacsv.write_csv(mixed_table(rows, seed), path)
    return path.stat().st_size
