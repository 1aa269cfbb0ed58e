import numpy as np
import pytest
from scipy import stats

from automl_core.search.bayes.warping import LAMBDA_BOUNDS, OutputWarp, yeojohnson_lambda

SKEWED = {
    "normal": lambda rng: rng.normal(size=40),
    "right-skewed": lambda rng: rng.lognormal(0.0, 1.5, 60),
    "negative": lambda rng: -rng.lognormal(0.0, 1.0, 25),
    "heavy": lambda rng: rng.exponential(size=80) ** 3,
}


@pytest.mark.parametrize("kind", sorted(SKEWED))
def test_the_lambda_is_scipys_maximum_likelihood_estimate_within_the_bounds(kind):
    y = SKEWED[kind](np.random.default_rng(0))
    centred = (y - y.mean()) / y.std()
    expected = np.clip(stats.yeojohnson_normmax(centred), *LAMBDA_BOUNDS)
    assert yeojohnson_lambda(centred) == pytest.approx(expected, abs=1e-6)


@pytest.mark.parametrize("kind", sorted(SKEWED))
def test_the_warp_matches_scipys_transform_and_inverts(kind):
    y = SKEWED[kind](np.random.default_rng(1))
    warp = OutputWarp(y)
    centred = (y - y.mean()) / y.std()
    reference = stats.yeojohnson(centred, lmbda=yeojohnson_lambda(centred))
    expected = (reference - reference.mean()) / reference.std()
    assert np.allclose(warp.transform(y), expected)
    assert np.allclose(warp.inverse(warp.transform(y)), y)
