"""Rows unlike the training data: new categories (compared as text) and far-out numbers."""

import pandas as pd

from automl_core.data.column_types import ColumnKind
from automl_core.export.novelty import fit_reference, unusual_columns

KINDS = {"plan": ColumnKind.CATEGORICAL, "code": ColumnKind.CATEGORICAL,
         "age": ColumnKind.NUMERIC}


def _reference() -> object:
    train = pd.DataFrame({"plan": ["basic", "pro", "basic"], "code": [1, 2, 3],
                          "age": [20.0, 40.0, 60.0]})
    return fit_reference(train, KINDS)


def test_a_new_category_and_a_far_number_are_named_per_row() -> None:
    rows = pd.DataFrame({"plan": ["basic", "gold", "pro"], "code": [1, 2, 9],
                         "age": [30.0, 35.0, 500.0]})

    assert unusual_columns(rows, _reference()) == [[], ["plan"], ["age", "code"]]


def test_missing_values_are_never_unusual_and_categories_match_as_text() -> None:
    rows = pd.DataFrame({"plan": [None, "pro"], "code": ["3", None], "age": [None, 61.0]},
                        dtype=object)

    assert unusual_columns(rows, _reference()) == [[], []]
