import math

import numpy as np
import pytest

from automl_core.search.bayes.surrogates.gp import (
    LENGTHSCALE_PRIOR_VAR,
    GaussianProcess,
    GPFeatures,
    GPHyperparameters,
    GPPosterior,
    _neg_log_posterior,
    fit_hyperparameters,
    pair_squared_differences,
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


def _dense_neg_log_posterior(theta, Z, y, prior_mean):
    """The objective written out with dense matrices, as a reference."""
    p = Z.shape[1]
    lengthscales, amplitude, noise = np.exp(theta[:p]), np.exp(theta[p]), np.exp(theta[p + 1])
    r = np.linalg.norm((Z[:, None, :] - Z[None, :, :]) / lengthscales, axis=-1)
    K = amplitude * matern52(r) + noise * np.eye(len(y))
    _, logdet = np.linalg.slogdet(K)
    value = 0.5 * y @ np.linalg.solve(K, y) + 0.5 * logdet + 0.5 * len(y) * math.log(2 * math.pi)
    value += 0.5 * np.sum((theta[:p] - prior_mean) ** 2) / LENGTHSCALE_PRIOR_VAR
    return value + np.sum(theta[:p]) + 0.5 * theta[p] ** 2


def _objective_case(seed, n=15, p=3):
    rng = np.random.default_rng(seed)
    Z, y = rng.random((n, p)), rng.normal(size=n)
    theta = np.concatenate([rng.normal(-1.0, 0.5, p), [0.3, math.log(1e-2)]])
    return Z, y, theta


def test_the_hyperparameter_objective_matches_a_dense_computation():
    Z, y, theta = _objective_case(4)
    value, _ = _neg_log_posterior(theta, pair_squared_differences(Z), y, 1.2)
    assert value == pytest.approx(_dense_neg_log_posterior(theta, Z, y, 1.2), rel=1e-10)


def test_the_hyperparameter_gradient_matches_finite_differences():
    Z, y, theta = _objective_case(5)
    sq_diffs, eps = pair_squared_differences(Z), 1e-6
    _, grad = _neg_log_posterior(theta, sq_diffs, y, 1.2)
    for j in range(len(theta)):
        step = np.zeros_like(theta)
        step[j] = eps
        high, _ = _neg_log_posterior(theta + step, sq_diffs, y, 1.2)
        low, _ = _neg_log_posterior(theta - step, sq_diffs, y, 1.2)
        assert grad[j] == pytest.approx((high - low) / (2 * eps), rel=1e-5, abs=1e-6)


def test_the_fit_is_reproducible_from_the_same_generator_seed():
    rng = np.random.default_rng(6)
    Z = rng.random((30, 2))
    y = np.sin(3 * Z[:, 0]) + Z[:, 1]
    y = (y - y.mean()) / y.std()
    first, second = (fit_hyperparameters(Z, y, np.random.default_rng(7), 3, 100) for _ in range(2))
    assert np.array_equal(first.lengthscales, second.lengthscales)
    assert (first.amplitude, first.noise) == (second.amplitude, second.noise)
