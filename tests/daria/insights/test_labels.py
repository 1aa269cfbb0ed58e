"""Chart labels follow the user's language; user text (class labels, column names) never does."""

from __future__ import annotations

import numpy as np
from django.utils import translation

from automl_core.data.task import Task
from automl_core.diagnostics import OutOfFold, calibration, metrics_chart, threshold_table
from daria.insights.labels import localize


def _oof(classes: tuple[str, str]) -> OutOfFold:
    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, size=200)
    p1 = np.clip(0.4 * y + rng.uniform(0, 0.6, size=200), 0, 1)
    return OutOfFold(Task.BINARY, y, np.column_stack([1 - p1, p1]), classes)


def test_fixed_labels_are_translated_and_class_labels_are_not() -> None:
    oof = _oof(("rows", "precision"))  # class labels that happen to be label words
    with translation.override("ko"):
        chart = localize(calibration(oof))
        thresholds = localize(threshold_table(oof))
    names = [trace["name"] for trace in chart["figure"]["data"]]
    assert names == ["precision", "완벽한 보정"]
    assert chart["figure"]["layout"]["xaxis"]["title"]["text"] == "평균 예측 확률"
    assert chart["table"]["columns"][0] == "클래스"
    assert {row[0] for row in chart["table"]["rows"]} == {"precision"}
    assert thresholds["table"]["columns"][:3] == ["임계값", "정밀도", "재현율"]
    assert thresholds["figure"]["data"][0]["name"] == "정밀도"


def test_the_metrics_table_translates_its_direction_but_not_metric_names() -> None:
    with translation.override("ko"):
        chart = localize(metrics_chart(_oof(("no", "yes"))))
    rows = {row[0]: row[2] for row in chart["table"]["rows"]}
    assert rows["accuracy"] == "높을수록" and rows["log_loss"] == "낮을수록"
    assert chart["figure"]["data"][0]["cells"]["values"][2] == list(rows.values())
