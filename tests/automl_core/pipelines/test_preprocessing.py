import numpy as np
import pandas as pd

from automl_core.data.column_types import ColumnKind
from automl_core.pipelines.preprocessing import Encoding, TabularPreprocessor

FRAME = pd.DataFrame({
    "amount": ["1.5", "inf", None, "#DIV/0!"] * 5,
    "city": ["Seoul", "Busan", None, "Seoul"] * 5,
    "when": ["2024-01-02", "2024-03-04", None, "2024-05-06"] * 5,
    "flag": ["yes", "no", "yes", None] * 5,
    "row": range(20),
})
KINDS = {"amount": ColumnKind.NUMERIC, "city": ColumnKind.CATEGORICAL,
         "when": ColumnKind.DATETIME, "flag": ColumnKind.BOOLEAN, "row": ColumnKind.ID}


def test_every_output_is_finite_and_ids_are_dropped():
    for encoding in Encoding:
        pre = TabularPreprocessor(KINDS, encoding).fit(FRAME)
        out = pre.transform(FRAME)
        assert np.isfinite(out).all()
        assert out.shape[1] == len(pre.get_feature_names_out())
        assert not any(name.startswith("row") for name in pre.get_feature_names_out())


def test_missing_values_get_an_indicator():
    names = TabularPreprocessor(KINDS).fit(FRAME).get_feature_names_out()
    assert "amount.missing" in names


def test_unseen_categories_are_reported_and_encoded_without_error():
    pre = TabularPreprocessor(KINDS, Encoding.LINEAR).fit(FRAME)
    new = FRAME.head(2).assign(city=["Jeju", "Seoul"])
    assert pre.unseen_categories(new) == {"city": ["Jeju"]}
    assert np.isfinite(pre.transform(new)).all()


def test_high_cardinality_columns_are_frequency_encoded_not_one_hot():
    frame = pd.DataFrame({"code": [f"c{i}" for i in range(300)]})
    pre = TabularPreprocessor({"code": ColumnKind.CATEGORICAL}, Encoding.LINEAR).fit(frame)
    assert pre.transform(frame).shape[1] == 1


def test_category_code_columns_are_reported_for_trees_only():
    import pandas as pd

    from automl_core.data.column_types import ColumnKind
    from automl_core.pipelines.preprocessing import Encoding, TabularPreprocessor

    frame = pd.DataFrame({"x": [1.0, None, 3.0, 4.0], "colour": ["red", "blue", "red", "green"]})
    kinds = {"x": ColumnKind.NUMERIC, "colour": ColumnKind.CATEGORICAL}
    trees = TabularPreprocessor(kinds, Encoding.TREES).fit(frame)
    names = trees.get_feature_names_out()
    assert [names[i] for i in trees.categorical_indices_] == ["colour.code"]
    assert TabularPreprocessor(kinds, Encoding.LINEAR).fit(frame).categorical_indices_ == ()
