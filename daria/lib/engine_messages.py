"""Translated messages for the engine's error and warning codes.

The engine speaks English and attaches a stable ``code`` and ``params``; the web app shows the
user's language by looking the code up here. An unknown code, or params that do not fit the
message, falls back to the engine's English message rather than failing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from automl_core.exceptions import AutoMLError, DataWarning

ERRORS: dict[str, Promise] = {
    "empty_file": _("The file is empty: it has no header and no rows. Choose a CSV file with a "
                    "header row and at least one row of data."),
    "no_rows": _("The file has a header but no rows of data. Add at least one data row."),
    "not_text": _("This is not a CSV file: it does not contain text. Export the data as CSV "
                  "(comma-separated text) and upload that file."),
    "bad_encoding": _("The file cannot be read with the encoding %(encoding)s. Leave the encoding "
                      "empty to have it detected."),
    "bad_delimiter": _("The delimiter must be a single character, such as a comma or a "
                       "semicolon."),
    "too_many_columns": _("The file has too many columns: %(columns)s columns, and the limit is "
                          "%(limit)s."),
    "ragged_rows": _("Some rows have a different number of fields than the header (expected "
                     "%(expected)s fields) on line(s) %(lines)s. Check quoting and delimiters."),
    "unreadable": _("The file could not be read as CSV text. Check that it is a CSV file."),
    "target_all_missing": _("The target column '%(target)s' is empty: every value is missing. "
                            "Choose another target."),
    "single_class": _("The target column '%(target)s' has only one class (%(value)s); at least "
                      "two classes are needed. Choose another target."),
    "no_features": _("There is nothing to learn from: the data needs at least one feature column "
                     "besides the target."),
    "unknown_target": _("The target column '%(target)s' is not in the data."),
    # Not the engine's: the web app's reaper gave up building the final model (recovery.py).
    "finalize_lost": _("The final model could not be built: its worker was lost %(attempts)s "
                       "times, possibly out of memory. The trials are kept."),
    "not_binary": _("The target '%(target)s' has %(classes)s classes, not two; choose "
                    "multiclass classification."),
    "too_few_rows": _("Only %(rows)s rows have a target value; at least %(min)s are needed."),
    "too_few_rows_per_class": _("The class(es) %(classes)s of the target '%(target)s' have "
                                "fewer than %(min)s rows; remove those rows or merge the "
                                "classes."),
    "target_not_numeric": _("Regression needs a numeric target, but '%(target)s' has %(rows)s "
                            "values that are not numbers."),
    "unknown_metric": _("Unknown metric '%(metric)s'."),
    "metric_task_mismatch": _("The metric '%(metric)s' does not apply to %(task)s problems."),
    "no_successful_trial": _("No trial finished within the time budget; increase the budget "
                             "or check the data."),
    "missing_columns": _("The file is missing column(s) the model needs: %(columns)s. Add them "
                         "and try again."),
}

WARNINGS: dict[str, Promise] = {
    "blank_column_names": _("Some column names were blank and got generated names: "
                            "%(columns)s. Check that the file has a header row."),
    "duplicate_column_names": _("Duplicate column names were renamed: %(columns)s. Check that a "
                                "duplicate is not a copy of the target."),
    "header_looks_like_data": _("The first row looks like data, not a header (column names such "
                                "as %(columns)s are numbers). Is the header row missing?"),
    "encoding_utf16": _("The file is UTF-16 encoded; it was read as UTF-16 text."),
    "decimal_comma": _("Numbers with a decimal comma were read as numbers in: %(columns)s."),
    "id_columns": _("These columns look like IDs (a different value on every row) and will not "
                    "be used as features: %(columns)s."),
    "constant_columns": _("These columns are constant (one value or empty) and will not be "
                          "used: %(columns)s."),
    "high_cardinality": _("These columns have very high cardinality (almost every row has a "
                          "different value): %(columns)s."),
    "duplicated_rows": _("%(rows)s rows are exact duplicates of an earlier row."),
    "disguised_missing": _("These columns are mostly numbers but contain text such as '#DIV/0!' "
                           "or 'inf'; those cells are treated as missing: %(columns)s."),
    "target_missing_rows": _("%(rows)s rows with a missing target were left out."),
    "fewer_folds": _("The smallest class has %(folds)s rows, so %(folds)s-fold "
                     "cross-validation is used instead of %(requested)s."),
    "unseen_categories": _("Some values were never seen in training (new categories) in: "
                           "%(columns)s. The model treats them as unknown."),
    "extra_columns": _("These columns are not used by the model and were ignored: %(columns)s."),
}

# Warnings whose params carry more detail get a fuller template (e.g. counted rows).
DETAILED_WARNINGS: dict[tuple[str, str], Promise] = {
    ("unseen_categories", "total_rows"): _(
        "%(total_rows)s rows hold values never seen in training (new categories), in: "
        "%(columns)s. The model treats them as unknown."),
}


def _as_text(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    return str(value)


def render(template: Promise | None, fallback: str, params: Mapping[str, Any]) -> str:
    """``template`` filled with ``params``; ``fallback`` without a template or when they misfit."""
    if template is None:
        return fallback
    try:
        return str(template) % {key: _as_text(value) for key, value in params.items()}
    except (KeyError, TypeError, ValueError):
        return fallback


def translate_error(error: AutoMLError) -> str:
    """The error's message in the active language."""
    return render(ERRORS.get(error.code), error.message, error.params)


def translate_warning(warning: DataWarning | Mapping[str, Any]) -> dict[str, Any]:
    """A warning as the API's ``{code, message, columns}``, its message in the active language.

    Accepts the engine's DataWarning or its stored ``to_dict()`` form, so that warnings kept in
    the database are shown in the language of whoever reads them, not of who uploaded the file.
    """
    data = warning.to_dict() if isinstance(warning, DataWarning) else warning
    columns = [str(column) for column in data.get("columns", [])]
    params = {"columns": columns, **dict(data.get("params") or {})}
    template = next((text for (code, key), text in DETAILED_WARNINGS.items()
                     if code == data["code"] and key in params), WARNINGS.get(data["code"]))
    return {
        "code": data["code"],
        "message": render(template, data.get("message", ""), params),
        "columns": columns,
    }


def translate_warnings(
    warnings: Iterable[DataWarning | Mapping[str, Any]],
) -> list[dict[str, Any]]:
    """Every warning, translated."""
    return [translate_warning(warning) for warning in warnings]
