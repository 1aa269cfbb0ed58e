"""Column names a person can use: blanks get generated names, duplicates get suffixes."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from automl_core.exceptions import DataWarning

_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
_UNNAMED = re.compile(r"^Unnamed: \d+$")
_SPACES = re.compile(r"\s+")


def generated_names(count: int) -> list[str]:
    """``column_1 .. column_<count>``, for files without a header row."""
    return [f"column_{i + 1}" for i in range(count)]


def clean_names(header: Sequence[str]) -> tuple[list[str], list[DataWarning]]:
    """Unique, non-blank names for a header row, and warnings saying what was changed."""
    header = [str(name).strip() for name in header]
    warnings: list[DataWarning] = []
    blank = [i for i, name in enumerate(header) if not name or _UNNAMED.match(name)]
    names = [f"column_{i + 1}" if i in blank else name for i, name in enumerate(header)]
    if blank:
        generated = tuple(names[i] for i in blank)
        warnings.append(DataWarning(
            "blank_column_names",
            f"{len(blank)} column name(s) were blank and got generated names: "
            f"{', '.join(generated)}.", generated, {"positions": [i + 1 for i in blank]}))
    seen: Counter[str] = Counter()
    renamed: list[str] = []
    for i, name in enumerate(names):
        if seen[name]:
            new = f"{name}.{seen[name]}"
            while new in names or new in renamed:
                seen[name] += 1
                new = f"{name}.{seen[name]}"
            renamed.append(new)
            names[i] = new
        seen[name] += 1
    if renamed:
        warnings.append(DataWarning(
            "duplicate_column_names",
            f"Duplicate column names were renamed: {', '.join(renamed)}. Check that a duplicate "
            "is not a copy of the target.", tuple(renamed)))
    numeric = [n for n in header if _NUMBER.match(n)]
    if header and len(numeric) * 2 >= len(header):
        warnings.append(DataWarning(
            "header_looks_like_data",
            "The first row looks like data, not a header: column names such as "
            f"{', '.join(numeric[:3])} are numbers. Is the header row missing?", tuple(numeric)))
    return names, warnings


def normalise_name(name: object) -> str:
    """A column name for matching: Unicode NFKC, case-folded, spaces collapsed and stripped.

    ``"Income "``, ``"income"`` and the full-width ``"ｉｎｃｏｍｅ"`` all become ``"income"``.
    """
    text = unicodedata.normalize("NFKC", str(name)).casefold()
    return _SPACES.sub(" ", text).strip()


def near_duplicate_warning(names: Iterable[str]) -> DataWarning | None:
    """``near_duplicate_column_names`` for names that differ only in case, spaces or Unicode."""
    groups: defaultdict[str, list[str]] = defaultdict(list)
    for name in names:
        groups[normalise_name(name)].append(str(name))
    near = [group for group in groups.values() if len(group) > 1]
    if not near:
        return None
    listed = "; ".join(" / ".join(repr(name) for name in group) for group in near)
    return DataWarning(
        "near_duplicate_column_names", f"Some column names differ only in upper/lower case, "
        f"spaces or how a character is encoded: {listed}. They may be the same column twice, "
        "perhaps a copy of the target; exclude the copies.",
        tuple(name for group in near for name in group), {"groups": near})
