import math

import numpy as np
import pytest
from scipy.stats import norm

from automl_core.search.bayes.acquisition import (
    LogExpectedImprovement,
    LogProbabilityOfImprovement,
    LowerConfidenceBound,
    log_h,
    ucb_beta,
)


def test_log_ei_matches_the_closed_form_at_hand_computed_points():
    ei = LogExpectedImprovement(incumbent=0.0)
    # mean 0, std 1: EI = phi(0) = 0.398942; mean -1, std 1: EI = phi(1) + Phi(1) = 1.083315.
    values = ei(np.array([0.0, -1.0]), np.array([1.0, 1.0]))
    assert values == pytest.approx([math.log(0.398942), math.log(1.083315)], abs=1e-5)


def test_log_ei_scales_with_the_standard_deviation():
    ei = LogExpectedImprovement(incumbent=1.0)
    # EI(mean 0, std 2) = 2 h(0.5) = 2 (phi(0.5) + 0.5 Phi(0.5)).
    expected = math.log(2 * (norm.pdf(0.5) + 0.5 * norm.cdf(0.5)))
    assert ei(np.array([0.0]), np.array([2.0]))[0] == pytest.approx(expected, abs=1e-9)


def test_log_ei_stays_finite_and_ordered_where_plain_ei_underflows():
    z = np.array([-10.0, -40.0, -100.0, -1e5])
    values = log_h(z)
    assert np.isfinite(values).all()
    assert np.all(np.diff(values) < 0)
    assert values[0] == pytest.approx(math.log(norm.pdf(10) - 10 * norm.sf(10)), rel=1e-6)


def test_log_pi_is_the_log_probability_below_the_incumbent_minus_xi():
    pi = LogProbabilityOfImprovement(incumbent=1.0, xi=0.5)
    assert pi(np.array([0.0]), np.array([1.0]))[0] == pytest.approx(math.log(norm.cdf(0.5)))


def test_the_confidence_bound_rewards_uncertainty_by_the_square_root_of_beta():
    lcb = LowerConfidenceBound(beta=4.0)
    assert lcb(np.array([1.0, 1.0]), np.array([0.5, 0.0])) == pytest.approx([0.0, -1.0])


def test_the_ucb_beta_schedule_grows_with_the_number_of_observations():
    # 0.2 * 2 log(d t^2 pi^2 / (6 delta)) with d=2, t=10, delta=0.1.
    assert ucb_beta(10, 2) == pytest.approx(0.4 * math.log(2 * 100 * math.pi**2 / 0.6))
    assert ucb_beta(100, 2) > ucb_beta(10, 2)


@pytest.mark.parametrize("acquisition", [
    LogExpectedImprovement(0.0), LogProbabilityOfImprovement(0.0), LowerConfidenceBound(2.0),
])
def test_acquisition_gradients_match_finite_differences(acquisition):
    mean, std, eps = np.array([0.3, -0.2, 2.0]), np.array([0.5, 1.0, 0.4]), 1e-6
    d_mean, d_std = acquisition.gradient(mean, std)
    numeric_mean = (acquisition(mean + eps, std) - acquisition(mean - eps, std)) / (2 * eps)
    numeric_std = (acquisition(mean, std + eps) - acquisition(mean, std - eps)) / (2 * eps)
    assert d_mean == pytest.approx(numeric_mean, rel=1e-4)
    assert d_std == pytest.approx(numeric_std, rel=1e-4)
