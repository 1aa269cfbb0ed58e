"""Random search: the baseline every other searcher must beat."""

from __future__ import annotations

import numpy as np

from automl_core.search.base import Searcher
from automl_core.search.space import Configuration


class RandomSearcher(Searcher):
    """Sample the CASH space uniformly, avoiding configurations already tried or pending."""

    max_redraws = 20

    def _propose(self, rng: np.random.Generator) -> Configuration:
        seen = self._seen()
        config = self.space.sample(rng)
        for _ in range(self.max_redraws):
            if config not in seen:
                break
            config = self.space.sample(rng)
        return config
