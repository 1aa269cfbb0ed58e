"""BOHB: Hyperband whose new configurations come from a TPE model (Falkner et al., 2018).

The schedule and the ASHA promotions are Hyperband's. A new configuration is drawn from the
engine's multivariate TPE (``automl_core.search.bayes.surrogates.tpe``) fitted on the highest rung
with at least ``min_points`` finished evaluations: cheap rungs guide the search early, and the
model moves up as promoted configurations finish on higher rungs. A share ``random_fraction`` of
new configurations stays uniformly random, as in the paper, so a misleading low-fidelity model
cannot trap the search. Pending configurations join TPE's bad group (a constant liar), so
parallel workers are sent to different places.
"""

from __future__ import annotations

import numpy as np

from automl_core.search.bayes.encoding import SpaceEncoder
from automl_core.search.bayes.searcher import sorted_configs
from automl_core.search.bayes.surrogates.tpe import TreeParzen
from automl_core.search.multifidelity.hyperband import HyperbandSearcher
from automl_core.search.multifidelity.ladder import Ladder
from automl_core.search.space import CashSpace, Configuration

# BOHB fits its model once a rung has d + 1 observations; a CASH encoding has a column for every
# family's parameters although only one family's are active, so that count is capped.
MAX_MIN_POINTS = 10


class BOHBSearcher(HyperbandSearcher):
    """Hyperband with TPE proposals for new configurations (``bohb``)."""

    def __init__(self, space: CashSpace, seed: int, minimize: bool = True, eta: int = 3,
                 min_fidelity: float = 1 / 9, random_fraction: float = 1 / 3,
                 min_points: int | None = None, n_candidates: int = 64) -> None:
        super().__init__(space, seed, minimize, eta, min_fidelity)
        self.encoder = SpaceEncoder(space)
        self.model = TreeParzen(self.encoder)
        self.random_fraction = float(random_fraction)
        self.min_points = (min(self.encoder.n_columns + 1, MAX_MIN_POINTS) if min_points is None
                           else int(min_points))
        self.n_candidates = int(n_candidates)

    def model_rung(self, ladder: Ladder) -> int | None:
        """The highest rung with at least ``min_points`` finite results, or ``None``."""
        for rung in reversed(self.schedule.rungs):
            if len(ladder.observations(rung)[1]) >= self.min_points:
                return rung
        return None

    def _new_configuration(self, ladder: Ladder,
                           rng: np.random.Generator) -> Configuration | None:
        rung = self.model_rung(ladder)
        if rung is None or rng.random() < self.random_fraction:
            return super()._new_configuration(ladder, rng)
        configs, losses = ladder.observations(rung)
        X = self.encoder.encode_many(list(configs))  # noqa: N806
        X_pending = self.encoder.encode_many(sorted_configs(set(ladder.pending())))  # noqa: N806
        ratio = self.model.fit(X, np.asarray(losses), X_pending)
        candidates = ratio.sample(self.n_candidates, rng)
        excluded = set(self.encoder.keys(self.encoder.encode_many(
            sorted_configs(set(ladder.configs)))))
        keys = self.encoder.keys(candidates)
        values = ratio(candidates)
        for i in np.argsort(-values, kind="stable"):
            if keys[i] not in excluded:
                return self.encoder.decode(candidates[i])
        return super()._new_configuration(ladder, rng)
