import numpy as np

from automl_core.search.bayes.encoding import SpaceEncoder
from automl_core.search.bayes.maximizer import maximize
from automl_core.search.space import CashSpace, CategoricalParam, FloatParam, IntParam

SPACE = CashSpace({
    "a": (FloatParam("x", 0.0, 1.0), IntParam("n", 0, 10)),
    "b": (CategoricalParam("c", ("p", "q", "r")),),
})
ENCODER = SpaceEncoder(SPACE)


def _score(X):
    """Best at algorithm a, x = 0.3137, n = 7; family b is worse everywhere."""
    x, n = np.nan_to_num(X[:, 1], nan=0.0), np.nan_to_num(X[:, 2], nan=0.0) * 10
    return np.where(X[:, 0] == 0, -((x - 0.3137) ** 2) - 0.01 * (n - 7) ** 2, -1.0)


def _gradient(X):
    grads = np.zeros((len(X), 2))  # numeric columns x and n
    grads[:, 0] = np.where(X[:, 0] == 0, -2 * (np.nan_to_num(X[:, 1]) - 0.3137), 0.0)
    return _score(X), grads


def test_it_finds_the_optimum_with_integers_rounded():
    found = maximize(_score, ENCODER, np.random.default_rng(0), np.empty((0, 4)), set(),
                     gradient=_gradient)
    config = ENCODER.decode(found[0])
    assert config.algorithm == "a"
    assert config.params["n"] == 7
    assert abs(config.params["x"] - 0.3137) < 1e-3


def test_it_never_returns_an_excluded_point():
    target = ENCODER.snap(np.array([[0, 0.3137, 0.7, np.nan]]))
    excluded = set(ENCODER.keys(target))
    found = maximize(_score, ENCODER, np.random.default_rng(0), target, excluded,
                     gradient=_gradient)
    assert ENCODER.keys(found[0][None, :])[0] not in excluded


def test_it_reports_when_every_point_is_excluded():
    tiny = SpaceEncoder(CashSpace({"only": (CategoricalParam("c", ("p", "q")),)}))
    everything = set(tiny.keys(tiny.snap(np.array([[0, 0.0], [0, 1.0]]))))
    assert maximize(lambda X: np.zeros(len(X)), tiny, np.random.default_rng(0),
                    np.empty((0, 2)), everything) is None
