"""What the user may choose when a file is read, and the limits every read must respect."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from automl_core.exceptions import DataError

DEFAULT_MAX_COLUMNS = 2000
DEFAULT_MAX_ROWS = 10_000_000
DEFAULT_MAX_FIELD_CHARS = 100_000
DEFAULT_MAX_DECOMPRESSED_BYTES = 1 << 30  # 1 GiB


@dataclass(frozen=True)
class ReadOptions:
    """Overrides of what the reader detects; ``None`` means "detect it".

    ``decimal_comma``: ``None`` converts ``1,5`` to 1.5 when the delimiter is not a comma,
    ``True`` always does, ``False`` never does. ``header=False`` reads the first row as data and
    names the columns ``column_1, column_2, ...``. ``sheet`` picks a workbook sheet by name (the
    first sheet otherwise). ``missing_values`` are extra cell texts read as missing.
    ``drop_duplicates`` keeps only the first of rows that are exact copies of each other.
    ``parse_numbers`` names text columns to read as numbers, dropping currency symbols,
    thousands separators and ``%`` (``"₩1,234"`` -> 1234, ``"12%"`` -> 12).
    """

    encoding: str | None = None
    delimiter: str | None = None
    decimal_comma: bool | None = None
    header: bool = True
    sheet: str | None = None
    missing_values: tuple[str, ...] = ()
    drop_duplicates: bool = False
    parse_numbers: tuple[str, ...] = ()

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> ReadOptions:
        """Options from their JSON form (unknown keys are an error, blanks mean "detect")."""
        data = dict(data or {})
        unknown = set(data) - set(cls.__dataclass_fields__)
        if unknown:
            raise DataError("bad_option", f"Unknown read option(s): {', '.join(sorted(unknown))}.",
                            {"options": sorted(unknown)})
        header = data.get("header")
        return cls(
            encoding=data.get("encoding") or None,
            delimiter=data.get("delimiter") or None,
            decimal_comma=data.get("decimal_comma"),
            header=True if header is None else bool(header),
            sheet=data.get("sheet") or None,
            missing_values=tuple(str(v) for v in data.get("missing_values") or ()),
            drop_duplicates=bool(data.get("drop_duplicates")),
            parse_numbers=tuple(str(v) for v in data.get("parse_numbers") or ()),
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able form that :meth:`from_dict` reads back."""
        data = asdict(self)
        data["missing_values"] = list(self.missing_values)
        data["parse_numbers"] = list(self.parse_numbers)
        return data


@dataclass(frozen=True)
class ReadLimits:
    """Upper bounds that keep a hostile file from exhausting memory or time."""

    max_columns: int = DEFAULT_MAX_COLUMNS
    max_rows: int = DEFAULT_MAX_ROWS
    max_field_chars: int = DEFAULT_MAX_FIELD_CHARS
    max_decompressed_bytes: int = DEFAULT_MAX_DECOMPRESSED_BYTES

    def check_columns(self, count: int) -> None:
        """Raise ``too_many_columns`` when ``count`` is over the limit."""
        if count > self.max_columns:
            raise DataError(
                "too_many_columns",
                f"The file has {count} columns, too many: the limit is {self.max_columns} "
                "columns.", {"columns": count, "limit": self.max_columns})

    def check_rows(self, count: int) -> None:
        """Raise ``too_many_rows`` when ``count`` is over the limit."""
        if count > self.max_rows:
            raise DataError(
                "too_many_rows",
                f"The file has {count} rows, too many: the limit is {self.max_rows} rows.",
                {"rows": count, "limit": self.max_rows})

    def field_too_long(self, column: str | None = None) -> DataError:
        """The error for a cell longer than ``max_field_chars``."""
        where = f" in column '{column}'" if column is not None else ""
        return DataError(
            "field_too_long",
            f"A cell{where} has more than {self.max_field_chars} characters, the limit per cell "
            "(is a closing quote or a line break missing?).",
            {"limit": self.max_field_chars, "column": column or ""})
