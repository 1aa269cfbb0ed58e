"""Prediction-time input: columns matched to the model's by name, and unseen values counted.

A file for prediction is read by the same reader as training data, but it is made by a person:
``Income `` or ``INCOME`` is the model's ``income``, columns come in any order, and extra columns
(an ID, notes) are simply not used.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

import pandas as pd

from automl_core.data.naming import normalise_name
from automl_core.exceptions import DataWarning


def match_columns(frame: pd.DataFrame, expected: Sequence[str],
                  known: Collection[str] = ()) -> tuple[pd.DataFrame, list[DataWarning]]:
    """``frame`` with columns renamed to the ``expected`` names they equal after
    :func:`normalise_name`, and an ``extra_columns`` notice naming the columns the model will
    not use (``known`` ones, such as the target, are not named).

    Missing expected columns are left to the model's own check, which names them.
    """
    wanted = {normalise_name(name): str(name) for name in expected}
    present = {str(name) for name in frame.columns}
    renames: dict[str, str] = {}
    for name in map(str, frame.columns):
        target = wanted.get(normalise_name(name))
        if target and name != target and target not in present and \
                target not in renames.values():
            renames[name] = target  # the first of two near-equal columns wins
    frame = frame.rename(columns=renames)
    skip = {normalise_name(name) for name in known}
    extra = tuple(str(c) for c in frame.columns
                  if str(c) not in set(wanted.values()) and normalise_name(c) not in skip)
    if not extra:
        return frame, []
    return frame, [DataWarning(
        "extra_columns", f"These columns are not used by the model and were ignored: "
        f"{', '.join(extra)}.", extra)]


def with_unseen_counts(warning: DataWarning, frame: pd.DataFrame) -> DataWarning:
    """An ``unseen_categories`` warning with the rows per column holding a new value.

    ``params["rows"]`` maps each column to that count; other warnings are returned unchanged.
    """
    values: Mapping[str, Sequence[str]] = warning.params.get("values") or {}
    if warning.code != "unseen_categories" or not values:
        return warning
    rows = {column: int(frame[column].astype("str").isin(list(new)).sum())
            for column, new in values.items() if column in frame.columns}
    detail = "; ".join(f"{column}: {count} rows ({', '.join(list(values[column])[:5])})"
                       for column, count in rows.items())
    return DataWarning(
        "unseen_categories", f"Some values are new categories never seen in training (unseen "
        f"values are treated as unknown): {detail}.", warning.columns,
        {**warning.params, "rows": rows, "total_rows": sum(rows.values())})
