import math

import numpy as np
import pytest

from automl_core.search.bayes.surrogates.gp import (
    GaussianProcess,
    GPFeatures,
    GPHyperparameters,
    GPPosterior,
)
from automl_core.search.bayes.surrogates.kernels import matern52, stable_cholesky

NUMERIC_2D = np.array([0, 0])  # two numeric encoder columns


def _posterior(Z, y, lengthscale=0.5, amplitude=2.0, noise=1e-6):
    hyper = GPHyperparameters(np.full(Z.shape[1], lengthscale), amplitude, noise)
    return GPPosterior(GPFeatures(np.zeros(Z.shape[1], dtype=int)), Z, y, hyper)


def test_the_posterior_with_one_observation_matches_the_closed_form():
    x0, y0, s, noise = np.array([[0.2, 0.4]]), 1.5, 2.0, 0.01
    posterior = _posterior(x0, np.array([y0]), amplitude=s, noise=noise)
    x = np.array([[0.5, 0.1]])
    k = s * matern52(np.array(np.linalg.norm((x - x0) / 0.5)))
    mean, std = posterior.predict(x)
    assert mean[0] == pytest.approx(k / (s + noise) * y0)
    assert std[0] ** 2 == pytest.approx(s - k * k / (s + noise))


def test_the_matern_kernel_has_its_textbook_value():
    r = 0.7
    expected = (1 + math.sqrt(5) * r + 5 * r * r / 3) * math.exp(-math.sqrt(5) * r)
    assert matern52(np.array(r)) == pytest.approx(expected)


def test_a_fitted_gp_interpolates_a_smooth_function():
    rng = np.random.default_rng(0)
    X = rng.random((30, 2))
    y = np.sin(4 * X[:, 0]) + X[:, 1] ** 2
    y = (y - y.mean()) / y.std()
    posterior = GaussianProcess(NUMERIC_2D).fit(X, y, np.random.default_rng(1))
    mean, std = posterior.predict(X)
    assert np.max(np.abs(mean - y)) < 0.05
    X_test = rng.random((50, 2))
    truth = np.sin(4 * X_test[:, 0]) + X_test[:, 1] ** 2
    predicted = posterior.predict(X_test)[0] * np.std(np.sin(4 * X[:, 0]) + X[:, 1] ** 2)
    assert np.corrcoef(predicted, truth)[0, 1] > 0.95


def test_input_gradients_match_finite_differences():
    rng = np.random.default_rng(2)
    Z = rng.random((12, 2))
    posterior = _posterior(Z, rng.normal(size=12), noise=1e-3)
    X, eps = rng.random((3, 2)), 1e-6
    _, _, d_mean, d_std = posterior.predict_with_gradient(X)
    for j in range(2):
        step = np.zeros(2)
        step[j] = eps
        (m_hi, s_hi), (m_lo, s_lo) = posterior.predict(X + step), posterior.predict(X - step)
        assert d_mean[:, j] == pytest.approx((m_hi - m_lo) / (2 * eps), rel=1e-4, abs=1e-6)
        assert d_std[:, j] == pytest.approx((s_hi - s_lo) / (2 * eps), rel=1e-4, abs=1e-6)


def test_kriging_believer_collapses_the_uncertainty_at_a_pending_point():
    rng = np.random.default_rng(3)
    posterior = _posterior(rng.random((8, 2)), rng.normal(size=8))
    pending = np.array([[0.9, 0.9]])
    before_mean, before_std = posterior.predict(pending)
    after_mean, after_std = posterior.with_pending(pending).predict(pending)
    assert after_mean[0] == pytest.approx(before_mean[0], abs=1e-6)
    assert after_std[0] < 0.01 * before_std[0]


def test_the_cholesky_survives_duplicated_points():
    Z = np.array([[0.1, 0.1]] * 3 + [[0.5, 0.5]])
    K = matern52(np.linalg.norm(Z[:, None] - Z[None], axis=-1))
    L = stable_cholesky(K)
    assert np.allclose(L @ L.T, K, atol=1e-6)


def test_categorical_columns_are_one_hot_and_inactive_ones_are_blank():
    features = GPFeatures(np.array([2, 0, 3]))  # algorithm (2 choices), a number, a category
    Z = features.transform(np.array([[1.0, 0.25, np.nan], [0.0, np.nan, 2.0]]))
    assert Z.tolist() == [[0.25, 0, 1, 0, 0, 0], [0.5, 1, 0, 0, 0, 1]]
