import numpy as np
from scipy.integrate import quad

from automl_core.search.bayes.encoding import SpaceEncoder
from automl_core.search.bayes.surrogates.tpe import ParzenEstimator, TreeParzen
from automl_core.search.space import CashSpace, CategoricalParam, FloatParam

LINE = CashSpace({"f": (FloatParam("x", 0.0, 1.0),)})
TWO_FAMILIES = CashSpace({
    "a": (FloatParam("x", 0.0, 1.0),),
    "b": (CategoricalParam("c", ("p", "q", "r")),),
})


def test_a_parzen_estimator_is_a_density_on_the_unit_interval():
    encoder = SpaceEncoder(LINE)
    estimator = ParzenEstimator(encoder, np.array([[0.0, 0.1], [0.0, 0.95], [0.0, 0.5]]))
    total, _ = quad(lambda x: np.exp(estimator.log_density(np.array([[0.0, x]])))[0], 0, 1)
    assert abs(total - 1.0) < 1e-3


def test_the_ratio_prefers_the_region_of_the_good_observations():
    encoder = SpaceEncoder(LINE)
    x = np.linspace(0, 1, 40)
    X = np.column_stack([np.zeros(40), x])
    ratio = TreeParzen(encoder).fit(X, (x - 0.2) ** 2, np.empty((0, 2)))
    scores = ratio(np.array([[0.0, 0.2], [0.0, 0.8]]))
    assert scores[0] > scores[1]
    samples = ratio.sample(200, np.random.default_rng(0))
    assert np.median(samples[:, 1]) < 0.4


def test_pending_configurations_count_against_their_region():
    encoder = SpaceEncoder(LINE)
    x = np.linspace(0, 1, 20)
    X = np.column_stack([np.zeros(20), x])
    y = (x - 0.5) ** 2
    pending = np.array([[0.0, 0.5]] * 5)
    without = TreeParzen(encoder).fit(X, y, np.empty((0, 2)))(pending[:1])
    with_pending = TreeParzen(encoder).fit(X, y, pending)(pending[:1])
    assert with_pending[0] < without[0]


def test_samples_respect_the_conditional_structure():
    encoder = SpaceEncoder(TWO_FAMILIES)
    centres = encoder.sample(10, np.random.default_rng(1))
    samples = ParzenEstimator(encoder, centres).sample(100, np.random.default_rng(2))
    for row in samples:
        TWO_FAMILIES.validate(encoder.decode(row))
    assert np.array_equal(encoder.snap(samples), samples, equal_nan=True)
