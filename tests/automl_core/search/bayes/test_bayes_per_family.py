"""The per-family GP of conditional spaces: independent families, one frame for the acquisition."""

import numpy as np
import pytest
from scipy.stats import norm

from automl_core.search.bayes.encoding import SpaceEncoder
from automl_core.search.bayes.surrogates.per_family import PerFamilyGP
from automl_core.search.space import CashSpace, CategoricalParam, FloatParam, IntParam

SPACE = CashSpace({
    "smooth": (FloatParam("u", 0.0, 1.0), FloatParam("v", 0.0, 1.0)),
    "steps": (IntParam("k", 1, 20), CategoricalParam("mode", ("p", "q")),
              FloatParam("w", 0.0, 1.0)),
    "empty": (FloatParam("z", 0.0, 1.0),),
})
ENCODER = SpaceEncoder(SPACE)


def loss(row):
    if row[0] == 0:
        return 3.0 * (row[1] - 0.3) ** 2 + np.sin(5 * row[2])
    return 100.0 * row[3] ** 2 + 10.0 * row[4] + row[5]


def observations(n, families=(0, 1), seed=0):
    rng = np.random.default_rng(seed)
    X = ENCODER.sample(400, rng)
    X = X[np.isin(np.rint(X[:, 0]), families)][:n]
    return X, np.array([loss(row) for row in X])


def fit(X, y, seed=1):
    return PerFamilyGP(ENCODER.family, ENCODER.n_choices).fit(X, y, np.random.default_rng(seed))


def test_observations_of_one_algorithm_leave_another_algorithms_model_unchanged():
    X, y = observations(24)
    smooth = np.rint(X[:, 0]) == 0
    changed = y.copy()
    changed[~smooth] = changed[~smooth] * 0.5 + 1.0  # other family, same order of targets
    queries = ENCODER.sample(200, np.random.default_rng(2))
    queries = queries[np.rint(queries[:, 0]) == 0]
    before, after = fit(X, y).predict(queries), fit(X, changed).predict(queries)
    # The frame moves with the incumbent only if the incumbent moves; here it stays in "smooth".
    assert np.argmin(y) == np.argmin(changed) and smooth[np.argmin(y)]
    np.testing.assert_allclose(after[0], before[0], rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(after[1], before[1], rtol=1e-9, atol=1e-9)


def test_a_family_interpolates_its_own_observations():
    X, y = observations(30)
    posterior = fit(X, y)
    mean, std = posterior.predict(X)
    incumbent = posterior.incumbent_value
    assert incumbent == pytest.approx(y.min())
    best = np.argmin(y)
    assert mean[best] == pytest.approx(incumbent, abs=0.05)
    # Probability of improvement is the family's own: the best point cannot beat itself.
    assert norm.cdf((incumbent - mean[best]) / std[best]) < 0.6


def test_an_unobserved_family_keeps_the_prior():
    X, y = observations(20)
    posterior = fit(X, (y - y.mean()) / y.std())
    empty = ENCODER.sample(300, np.random.default_rng(3))
    empty = empty[np.rint(empty[:, 0]) == 2]
    mean, std = posterior.predict(empty)
    np.testing.assert_allclose(mean, 0.0)
    np.testing.assert_allclose(std, 1.0)


def test_input_gradients_match_finite_differences_and_vanish_in_other_families():
    X, y = observations(24)
    posterior = fit(X, y)
    rows = ENCODER.sample(60, np.random.default_rng(4))
    rows = np.vstack([rows[np.rint(rows[:, 0]) == f][:2] for f in (0, 1)])
    numeric = np.flatnonzero(ENCODER.n_choices == 0)
    _, _, d_mean, d_std = posterior.predict_with_gradient(rows)
    active = ENCODER.active(rows)[:, numeric]
    assert np.all(d_mean[~active] == 0) and np.all(d_std[~active] == 0)
    eps = 1e-6
    for i, j in zip(*np.nonzero(active), strict=True):
        if ENCODER.is_int[numeric[j]]:
            continue
        hi, lo = rows[i:i + 1].copy(), rows[i:i + 1].copy()
        hi[0, numeric[j]] += eps
        lo[0, numeric[j]] -= eps
        (m_hi, s_hi), (m_lo, s_lo) = posterior.predict(hi), posterior.predict(lo)
        assert d_mean[i, j] == pytest.approx((m_hi[0] - m_lo[0]) / (2 * eps), rel=1e-3, abs=1e-5)
        assert d_std[i, j] == pytest.approx((s_hi[0] - s_lo[0]) / (2 * eps), rel=1e-3, abs=1e-5)


def test_a_pending_configuration_is_believed_within_its_own_family():
    X, y = observations(24)
    posterior = fit(X, y)
    pending = ENCODER.sample(100, np.random.default_rng(5))
    pending = pending[np.rint(pending[:, 0]) == 1]
    pending = pending[[np.argmax(posterior.predict(pending)[1])]]  # the least known one
    mean, std = posterior.predict(pending)
    believed = posterior.with_pending(pending)
    after_mean, after_std = believed.predict(pending)
    assert after_mean[0] == pytest.approx(mean[0], abs=1e-6)
    assert after_std[0] < 0.1 * std[0]
    others = X[np.rint(X[:, 0]) == 0]
    np.testing.assert_allclose(believed.predict(others)[0], posterior.predict(others)[0])
    assert believed.incumbent_value == pytest.approx(min(posterior.incumbent_value, mean[0]))


def test_the_fit_is_reproducible_from_the_same_generator_seed():
    X, y = observations(24)
    queries = ENCODER.sample(50, np.random.default_rng(6))
    first, second = fit(X, y, seed=9).predict(queries), fit(X, y, seed=9).predict(queries)
    np.testing.assert_array_equal(first[0], second[0])
    np.testing.assert_array_equal(first[1], second[1])


def test_explanations_are_in_the_targets_units():
    X, y = observations(30)
    posterior = fit(X, y)
    mean, _ = posterior.predict_targets(X)
    np.testing.assert_allclose(mean, y, atol=0.05 * np.ptp(y))
