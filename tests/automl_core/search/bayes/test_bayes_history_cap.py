"""A GP is fitted on at most a capped number of each family's observations: the best half and the
most recent others, chosen deterministically."""

from __future__ import annotations

import numpy as np

from automl_core.search.bayes.searcher import (
    MAX_GP_OBSERVATIONS_PER_FAMILY,
    capped_per_family,
)
from automl_core.search.registry import make_searcher
from automl_core.search.space import CashSpace, FloatParam
from automl_core.search.trial import TrialRecord, TrialState


def _record(number: int, algorithm: str, x: float = 0.5) -> TrialRecord:
    return TrialRecord(number=number, state=TrialState.COMPLETE, algorithm=algorithm,
                       params={"x": x}, score=0.0)


def test_each_family_over_the_cap_keeps_its_best_half_and_its_most_recent_others() -> None:
    records = [_record(n, "big") for n in range(10)] + [_record(n, "small") for n in (10, 11, 12)]
    losses = [5.0, 1.0, 7.0, 0.0, 9.0, 3.0, 8.0, 2.0, 6.0, 4.0] + [1.0, 2.0, 3.0]

    kept = capped_per_family(records, losses, cap=4)

    # "big": the two lowest losses (numbers 3 and 1), then the two most recent others (8 and 9);
    # "small" is under the cap and kept whole.
    assert kept == [1, 3, 8, 9, 10, 11, 12]
    assert capped_per_family(records, losses, cap=None) == list(range(13))


def test_a_gp_searcher_with_a_long_history_proposes_from_the_capped_data() -> None:
    space = CashSpace({"f": [FloatParam("x", 0.0, 1.0)]})
    rng = np.random.default_rng(0)
    n = MAX_GP_OBSERVATIONS_PER_FAMILY + 50
    history = [TrialRecord(number=i, state=TrialState.COMPLETE, algorithm="f",
                           params={"x": float(x)}, score=float((x - 0.3) ** 2))
               for i, x in enumerate(rng.random(n))]
    searcher = make_searcher("gp-ei", space, 0)
    assert searcher.max_per_family == MAX_GP_OBSERVATIONS_PER_FAMILY
    assert make_searcher("rf-ei", space, 0).max_per_family is None

    rebuilt = type(searcher).from_history(space, history, 0, [])
    X, y = rebuilt._training_data()
    (first,) = rebuilt.ask()
    (again,) = type(searcher).from_history(space, history, 0, []).ask()

    assert len(y) == MAX_GP_OBSERVATIONS_PER_FAMILY and len(X) == len(y)
    assert first == again  # the capped choice is deterministic
