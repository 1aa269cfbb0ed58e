import math

from automl_core.pipelines.family import Rounds, refit_rounds


def test_refit_rounds_are_the_fold_mean_scaled_by_the_root_of_the_row_growth():
    folds = [Rounds(count=100, rows=600), Rounds(count=140, rows=600)]
    assert refit_rounds(folds, n_rows=2400) == round(120 * math.sqrt(2400 / 600))


def test_refit_rounds_never_shrink_below_the_fold_mean_or_one():
    assert refit_rounds([Rounds(count=80, rows=900)], n_rows=500) == 80
    assert refit_rounds([Rounds(count=0, rows=900)], n_rows=1000) == 1
