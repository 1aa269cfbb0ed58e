"""Fixtures of the security tests: one real model trained once, and alice's world of objects."""

from __future__ import annotations

import pytest

from automl_core import AutoML
from automl_core.data import read_csv
from tests.daria.factories import churn_csv
from tests.daria.security.world import World, build_world


@pytest.fixture(scope="session")
def fitted() -> AutoML:
    """A real binary model of the churn table, trained once for the whole run (engine only).

    Linear models only: every route must answer the owner, the ONNX export included, and which
    families a 1 s search fits depends on the machine's load (a histogram-boosting member on
    category columns has no ONNX form and would make that export a 422)."""
    return AutoML(time_budget_s=1, seed=0, algorithms=["linear"]).fit(
        read_csv(churn_csv()).frame, target="churn")


@pytest.fixture
def world(alice: object, charlie: object, fitted: AutoML) -> World:
    """Alice's project holding one object of every kind, charlie a viewer in it."""
    return build_world(alice, charlie, fitted)
