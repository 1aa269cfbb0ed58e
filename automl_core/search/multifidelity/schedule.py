"""Hyperband's schedule: the rungs (fidelities) and the brackets that start on each of them.

With reduction factor ``eta`` and smallest fidelity ``eta ** -K``, rung ``k`` (0..K) evaluates at
fidelity ``eta ** (k - K)``, so the top rung ``K`` is full fidelity. Bracket ``b`` starts its
configurations on rung ``b`` and promotes the best ``1/eta`` of each rung to the next; bracket 0
is the most aggressive (many cheap starts), bracket ``K`` is plain full-fidelity search. One
Hyperband iteration starts ``ceil((K + 1) / (s + 1) * eta ** s)`` configurations in the bracket
with ``s = K - b`` halvings (Li et al., 2018), which spends about the same budget in each bracket.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

FIDELITY_DIGITS = 4  # fidelities are stored rounded (0.1111, 0.3333): readable where shown


@dataclass(frozen=True)
class Schedule:
    """The rungs and bracket sizes of Hyperband for ``eta`` and ``min_fidelity``.

    ``min_fidelity`` is rounded to the nearest power of ``1 / eta`` (0.2 with ``eta = 3`` gives
    the rungs 1/3 and 1); 1.0 leaves one rung, which is plain random search.
    """

    eta: int = 3
    min_fidelity: float = 1 / 9

    def __post_init__(self) -> None:
        if isinstance(self.eta, bool) or not isinstance(self.eta, int) or self.eta < 2:
            raise ValueError(f"eta must be an integer >= 2, got {self.eta!r}")
        if not 0.0 < self.min_fidelity <= 1.0:
            raise ValueError(f"min_fidelity must be in (0, 1], got {self.min_fidelity!r}")

    @property
    def top(self) -> int:
        """The index ``K`` of the full-fidelity rung (rungs are 0..K)."""
        return max(round(math.log(1.0 / self.min_fidelity, self.eta)), 0)

    @property
    def rungs(self) -> range:
        """Rung indices, cheapest first."""
        return range(self.top + 1)

    def fidelity(self, rung: int) -> float:
        """The fidelity of ``rung`` (exactly 1.0 on the top rung)."""
        if rung >= self.top:
            return 1.0
        return round(float(self.eta) ** (rung - self.top), FIDELITY_DIGITS)

    def rung_of(self, fidelity: float) -> int | None:
        """The rung evaluated at ``fidelity``, or ``None`` for a fidelity off the schedule."""
        for rung in self.rungs:
            if math.isclose(fidelity, self.fidelity(rung), rel_tol=1e-3):
                return rung
        return None

    def bracket_size(self, bracket: int) -> int:
        """Configurations started in ``bracket`` per Hyperband iteration."""
        halvings = self.top - bracket
        growth: float = self.eta ** halvings
        return math.ceil((self.top + 1) / (halvings + 1) * growth)
