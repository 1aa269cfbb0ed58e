"""ONNX export: the converted file predicts what the Daria model predicts, or is refused by name."""

import numpy as np
import onnxruntime
import pandas as pd
import pytest
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import FunctionTransformer

from automl_core import AutoML
from automl_core.data.reading import read_csv
from automl_core.export.onnx import OnnxRefusal, export_onnx, onnx_feed
from automl_core.export.onnx_usage import usage_snippet
from automl_core.pipelines.model import EnsembleModel

ROWS = 1200


def _frame(shared_dir, name, rows=ROWS):
    frame = read_csv(shared_dir / "datasets" / name).frame
    return frame.sample(n=min(rows, len(frame)), random_state=0).reset_index(drop=True)


def _fit(frame, target, algorithm, budget=6):
    return AutoML(time_budget_s=budget, seed=0, n_jobs=1, n_folds=3,
                  algorithms=[algorithm]).fit(frame, target)


def _run(export, rows):
    session = onnxruntime.InferenceSession(export.content, providers=["CPUExecutionProvider"])
    names = [o.name for o in session.get_outputs()]
    return dict(zip(names, session.run(None, onnx_feed(rows, export.inputs)), strict=True))


def _assert_same_classification(automl, export, rows):
    outputs = _run(export, rows)
    expected = automl.predict_proba(rows).to_numpy()
    assert np.abs(outputs["probabilities"] - expected).max() < 1e-4
    top = np.sort(expected, axis=1)
    decided = top[:, -1] - top[:, -2] > 1e-4
    labels = np.asarray([str(v) for v in automl.predict(rows)], dtype=object)
    assert (outputs["label"][decided] == labels[decided]).all()


@pytest.fixture(scope="module")
def adult(shared_dir):
    frame = _frame(shared_dir, "adult.csv")
    return frame.iloc[:900], frame.iloc[900:].drop(columns=["income"])


@pytest.fixture(scope="module")
def adult_lightgbm(adult):
    train, _ = adult
    return _fit(train, "income", "lightgbm")


def test_a_lightgbm_model_on_numbers_and_categories_converts_and_matches(adult, adult_lightgbm):
    train, unseen_rows = adult
    export = export_onnx(adult_lightgbm, train.drop(columns=["income"]))
    assert export.outputs == ("label", "probabilities")
    assert export.inputs["age"] == "number" and export.inputs["workclass"] == "text"
    _assert_same_classification(adult_lightgbm, export, unseen_rows)


def test_missing_values_and_unseen_categories_are_treated_as_daria_treats_them(adult,
                                                                               adult_lightgbm):
    train, rows = adult
    export = export_onnx(adult_lightgbm, train.drop(columns=["income"]))
    rows = rows.astype({"age": float, "hours_per_week": float})
    rows.loc[rows.index[::3], "age"] = np.nan
    rows.loc[rows.index[1::3], "hours_per_week"] = np.inf
    rows.loc[rows.index[::4], "occupation"] = np.nan
    rows.loc[rows.index[1::4], "workclass"] = "a value never seen"
    _assert_same_classification(adult_lightgbm, export, rows)


def test_a_random_forest_multiclass_model_converts_and_matches(shared_dir):
    frame = _frame(shared_dir, "car.csv")
    automl = _fit(frame, "class", "random_forest")
    export = export_onnx(automl, frame.drop(columns=["class"]))
    assert len(automl.classes_) > 2
    _assert_same_classification(automl, export, frame.drop(columns=["class"]))


@pytest.mark.parametrize("algorithm", ["linear", "mlp", "lightgbm"])
def test_regression_models_convert_and_match(shared_dir, algorithm):
    frame = _frame(shared_dir, "diamonds.csv")
    train, rows = frame.iloc[:900], frame.iloc[900:].drop(columns=["price"])
    automl = _fit(train, "price", algorithm)
    export = export_onnx(automl, train.drop(columns=["price"]))
    assert export.outputs == ("prediction",)
    got = _run(export, rows)["prediction"]
    expected = automl.predict(rows)
    assert np.abs(got - expected).max() <= 1e-4 * max(1.0, float(np.std(expected)))


def test_an_ensemble_of_different_families_converts_as_its_weighted_average(shared_dir):
    frame = _frame(shared_dir, "titanic.csv")
    automl = _fit(frame, "survived", "lightgbm")
    other = _fit(frame, "survived", "linear")
    automl.model_ = EnsembleModel([*automl.model_.members, *other.model_.members],
                                  [*automl.model_.weights, 2 * sum(other.model_.weights)])
    features = frame.drop(columns=["survived"])
    export = export_onnx(automl, features)
    _assert_same_classification(automl, export, features)


def test_date_columns_are_refused_by_name(shared_dir):
    frame = _frame(shared_dir, "taxis.csv", rows=600)
    automl = _fit(frame, "payment", "linear")
    with pytest.raises(OnnxRefusal) as refusal:
        export_onnx(automl, frame.drop(columns=["payment"]))
    assert refusal.value.code == "dates"
    assert "pickup" in refusal.value.params["part"]


def test_histogram_boosting_with_category_splits_is_refused(shared_dir):
    frame = _frame(shared_dir, "car.csv", rows=600)
    automl = _fit(frame, "class", "hist_gradient_boosting")
    with pytest.raises(OnnxRefusal) as refusal:
        export_onnx(automl, frame.drop(columns=["class"]))
    assert refusal.value.code == "categorical_splits"
    assert refusal.value.params["part"] == "hist_gradient_boosting"


def test_histogram_boosting_on_numbers_converts_and_matches(shared_dir):
    frame = _frame(shared_dir, "wine_quality_white.csv", rows=800)
    automl = _fit(frame, "quality", "hist_gradient_boosting")
    export = export_onnx(automl, frame.drop(columns=["quality"]))
    _assert_same_classification(automl, export, frame.drop(columns=["quality"]))


def test_an_estimator_without_converter_is_refused_by_family(adult, adult_lightgbm):
    train, _ = adult
    member = adult_lightgbm.model_.members[0]
    original = member.estimator
    member.estimator = make_pipeline(FunctionTransformer(np.asarray), original)
    try:
        with pytest.raises(OnnxRefusal) as refusal:
            export_onnx(adult_lightgbm, train.drop(columns=["income"]))
    finally:
        member.estimator = original
    assert refusal.value.code == "no_converter"
    assert refusal.value.params["part"] == "lightgbm"


def test_the_feed_gives_numbers_as_doubles_and_missing_text_as_empty():
    frame = pd.DataFrame({"n": ["1.5", "x", None], "c": ["a", None, "b"]})
    feed = onnx_feed(frame, {"n": "number", "c": "text"})
    assert feed["n"].dtype == np.float64 and feed["n"].shape == (3, 1)
    assert np.isnan(feed["n"][1, 0]) and feed["n"][0, 0] == 1.5
    assert list(feed["c"].ravel()) == ["a", "", "b"]


def test_the_usage_snippet_runs_the_file_on_a_csv_and_gives_the_model_s_labels(
        adult, adult_lightgbm, tmp_path, monkeypatch):
    train, rows = adult
    export = export_onnx(adult_lightgbm, train.drop(columns=["income"]))
    (tmp_path / "model.onnx").write_bytes(export.content)
    rows.to_csv(tmp_path / "new_rows.csv", index=False)
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    exec(usage_snippet(export.inputs, export.outputs, "model.onnx"), namespace)

    expected = adult_lightgbm.predict_proba(pd.read_csv(tmp_path / "new_rows.csv")).to_numpy()
    assert np.abs(namespace["probabilities"] - expected).max() < 1e-4
