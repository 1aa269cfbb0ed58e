import pickle

import numpy as np

from automl_core.evaluation.footprint import per_thousand_rows, pickled_size


def test_the_pickled_size_is_the_length_of_the_pickle_without_keeping_it():
    obj = {"weights": np.arange(10_000, dtype=np.float64), "name": "forest"}
    assert pickled_size(obj) == len(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))
    assert pickled_size(obj) > 80_000


def test_prediction_time_is_scaled_to_a_thousand_rows():
    assert per_thousand_rows(0.5, 250) == 2.0
    assert per_thousand_rows(0.5, 0) is None
