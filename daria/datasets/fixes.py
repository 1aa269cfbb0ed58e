"""One-click fixes for data warnings: what the browser sends to apply them.

A fix is ``{kind, label, columns}`` for excluding columns (``PATCH .../columns/{name}/`` with
``{"excluded": true}`` for each) or ``{kind, label, options}`` for reading the file again
(``POST .../reparse/`` with those options). A fix that is already applied is not offered.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from daria.datasets.messages import FIX_LABELS

EXCLUDE_CODES = {"id_columns", "constant_columns", "high_cardinality", "target_leakage"}


def fix_for(warning: Mapping[str, Any], excluded: Collection[str],
            read_options: Mapping[str, Any]) -> dict[str, Any] | None:
    """The fix of a stored warning, given the excluded columns and the current read options."""
    code = warning["code"]
    if code in EXCLUDE_CODES:
        columns = [c for c in warning.get("columns", []) if c not in excluded]
        return {"kind": "exclude", "label": str(FIX_LABELS["exclude"]), "columns": columns} \
            if columns else None
    if code in ("placeholder_missing", "inf_nan_text"):
        current = list(read_options.get("missing_values") or [])
        tokens = [t for t in (warning.get("params") or {}).get("tokens", []) if t not in current]
        return _reparse("missing_values", {**read_options, "missing_values": current + tokens}) \
            if tokens else None
    if code == "numbers_as_text":
        current = list(read_options.get("parse_numbers") or [])
        columns = [c for c in warning.get("columns", []) if c not in current]
        return _reparse("parse_numbers", {**read_options, "parse_numbers": current + columns}) \
            if columns else None
    if code == "duplicated_rows" and not read_options.get("drop_duplicates"):
        return _reparse("drop_duplicates", {**read_options, "drop_duplicates": True})
    if code == "header_looks_like_data" and read_options.get("header", True):
        return _reparse("no_header", {**read_options, "header": False})
    return None


def _reparse(label: str, options: Mapping[str, Any]) -> dict[str, Any]:
    return {"kind": "reparse", "label": str(FIX_LABELS[label]), "options": dict(options)}
