"""Translated messages for the data codes this app adds to the engine's shared table.

Looked up before ``daria.lib.engine_messages``, which holds the codes every app shares; an
unknown code falls back to that table and then to the engine's English message.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from automl_core.data import TaskInference
from automl_core.exceptions import AutoMLError, DataWarning
from daria.lib.engine_messages import render, translate_error, translate_warning

ERRORS: dict[str, Promise] = {
    "unsupported_format": _("This is not a CSV, Excel (.xlsx) or Parquet file: it looks like "
                            "%(what)s. Export the data as CSV (comma-separated text) or XLSX "
                            "and upload that file."),
    "zip_members": _("The ZIP archive holds %(members)s files; it must hold exactly one CSV "
                     "file."),
    "decompressed_too_large": _("The compressed file unpacks to more than %(limit_mb)s MB, the "
                                "limit for compressed files."),
    "bad_archive": _("The compressed file is damaged and cannot be unpacked."),
    "file_too_large": _("The file is larger than %(limit_mb)s MB, the limit for a table."),
    "unknown_sheet": _("The workbook has no sheet named '%(sheet)s'; its sheets are: "
                       "%(sheets)s."),
    "too_many_rows": _("The file has too many rows: %(rows)s rows, and the limit is %(limit)s."),
    "field_too_long": _("A cell has more than %(limit)s characters, the limit per cell. Is a "
                        "closing quote or a line break missing?"),
    "bad_option": _("Unknown read option(s): %(options)s."),
    "not_ready": _("The dataset is still being read, or its file could not be read; upload it "
                   "again."),
    "unknown_column": _("These columns are not in the data: %(columns)s."),
    "queue_unavailable": _("The job queue is not reachable, so the file was not read. Check "
                           "that Redis and a worker are running, then upload it again."),
}

# What a refused file looks like, by the engine's ``detected`` name.
FORMAT_NAMES: dict[str, Promise] = {
    "png": _("a PNG image"), "jpeg": _("a JPEG image"), "gif": _("a GIF image"),
    "tiff": _("a TIFF image"), "webp": _("a WebP image"), "pdf": _("a PDF document"),
    "pickle": _("a Python pickle (never opened: it could run code)"),
    "xls": _("an old Excel file (.xls); save it as .xlsx or CSV"),
    "docx": _("a Word document"), "pptx": _("a PowerPoint presentation"),
    "executable": _("a program"),
}

WARNINGS: dict[str, Promise] = {
    "placeholder_missing": _("Some values look like a stand-in for 'missing' (%(tokens)s) in: "
                             "%(columns)s. A model would learn from them as if they were real "
                             "values; read them as missing instead."),
    "class_imbalance": _("The classes of the target are imbalanced: '%(class)s' is only "
                         "%(percent)s%% of the rows. Accuracy can look good while that class is "
                         "always missed; judge the model by ROC AUC or balanced accuracy."),
    "target_leakage": _("These columns predict the target almost perfectly on their own: "
                        "%(columns)s. They are probably known only after the fact, or a copy of "
                        "the target; a model using them will fail on new data. Exclude them "
                        "unless you are sure."),
    "numbers_as_text": _("These columns hold numbers written with symbols or separators (such "
                         "as '₩1,234' or '12%%'), so they were read as text: %(columns)s. As "
                         "text they lose their order and size; read them as numbers."),
    "mixed_types": _("These columns mix different kinds of values (numbers, dates, true/false, "
                     "text): %(columns)s. They are read as categories, so numbers in them lose "
                     "their order; check how the column was filled, or exclude it."),
    "inf_nan_text": _("These columns hold infinite or not-a-number values (%(tokens)s), usually "
                      "from a division by zero: %(columns)s. They cannot be used as numbers; "
                      "read them as missing."),
    "near_duplicate_column_names": _("Some column names differ only in upper/lower case, spaces "
                                     "or how a character is encoded: %(columns)s. They may be "
                                     "the same column twice, perhaps a copy of the target; "
                                     "exclude the copies."),
    "other_sheets": _("The first sheet '%(sheet)s' was read; the workbook also has: %(sheets)s. "
                      "Choose a sheet to read another one."),
}

# Why the target means this task, by the engine's ``TaskInference.code``.
TASK_REASONS: dict[str, Promise] = {
    "two_values": _("The target has two values, so this is binary classification (predicting "
                    "one of two outcomes)."),
    "text_values": _("The target is text with %(values)s different values, so this is "
                     "multiclass classification."),
    "few_whole_numbers": _("The target has %(values)s different whole numbers, so this is "
                           "multiclass classification; choose regression if they are amounts."),
    "many_numbers": _("The target has %(values)s different numbers, so this is regression "
                      "(predicting a number)."),
    "chosen_by_user": _("You chose %(task)s for this target."),
}

# The task a user chose, by the engine's ``Task`` value, for the ``chosen_by_user`` reason.
TASK_NAMES: dict[str, Promise] = {
    "binary": _("binary classification"),
    "multiclass": _("multiclass classification"),
    "regression": _("regression"),
}

FIX_LABELS: dict[str, Promise] = {
    "exclude": _("Exclude these columns"),
    "missing_values": _("Read them as missing"),
    "drop_duplicates": _("Remove the duplicated rows"),
    "no_header": _("Read the first row as data"),
    "parse_numbers": _("Read them as numbers"),
}


def translate_data_error(error: AutoMLError) -> str:
    """The error's message in the active language."""
    template = ERRORS.get(error.code)
    if template is None:
        return translate_error(error)
    params = dict(error.params)
    if error.code == "unsupported_format":
        name = FORMAT_NAMES.get(str(params.get("detected")))
        params["what"] = str(name) if name else params.get("what", params.get("detected"))
    return render(template, error.message, params)


def translate_task_reason(inference: TaskInference) -> str:
    """Why the target means its task, in the active language."""
    return translate_task_reason_fields(inference.code, inference.reason, inference.params)


def translate_task_reason_fields(code: str, reason: str, params: Mapping[str, Any]) -> str:
    """A stored task reason (code, English text, params) in the active language.

    Without a known code (rows stored before codes were kept) the English text is returned.
    """
    values = dict(params)
    if code == "chosen_by_user":
        name = TASK_NAMES.get(str(values.get("task")))
        values["task"] = str(name) if name else values.get("task")
    return render(TASK_REASONS.get(code), reason, values)


def translate_error_fields(code: str, message: str, params: Mapping[str, Any]) -> str:
    """A stored error (code, English message, params) in the active language."""
    return translate_data_error(AutoMLError(code, message, params))


def translate_data_warning(warning: Mapping[str, Any] | DataWarning) -> dict[str, Any]:
    """A warning as ``{code, message, columns}`` in the active language."""
    data = warning.to_dict() if isinstance(warning, DataWarning) else dict(warning)
    template = WARNINGS.get(data["code"])
    if template is None:
        return translate_warning(data)
    columns = [str(column) for column in data.get("columns", [])]
    params = {"columns": columns, **dict(data.get("params") or {})}
    return {"code": data["code"], "columns": columns,
            "message": render(template, data.get("message", ""), params)}
