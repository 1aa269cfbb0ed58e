"""Only members read the leaderboard, diagnostics and comparisons; viewers can read them."""

import pytest

from daria.accounts.models import Role
from daria.accounts.services import add_member
from tests.conftest import client_for
from tests.daria.factories import TrialFactory

pytestmark = pytest.mark.django_db

PATHS = ["leaderboard/", "leaderboard/export/", "leaderboard/export/?file_format=xlsx",
         "diagnostics/", "diagnostics/history/", "diagnostics/summary/"]


@pytest.fixture
def scored(experiment: object) -> object:
    for number in range(3):
        TrialFactory(experiment=experiment, number=number, score=0.7 + number / 10)
    return experiment


@pytest.mark.parametrize("path", PATHS)
def test_another_projects_experiment_is_not_found(as_bob: object, scored: object,
                                                  path: str) -> None:
    assert as_bob.get(f"/api/v1/experiments/{scored.pk}/{path}").status_code == 404


@pytest.mark.parametrize("path", PATHS)
def test_a_viewer_reads(charlie: object, scored: object, path: str) -> None:
    add_member(scored.project, charlie, Role.VIEWER)
    assert client_for(charlie).get(f"/api/v1/experiments/{scored.pk}/{path}").status_code == 200


def test_comparing_with_another_projects_trial_is_not_found(as_bob: object, bob: object,
                                                            scored: object) -> None:
    response = as_bob.get("/api/v1/compare/", {"trials": f"{scored.pk}:0,{scored.pk}:1"})
    assert response.status_code == 404


def test_signed_out_is_refused(client: object, scored: object) -> None:
    assert client.get(f"/api/v1/experiments/{scored.pk}/leaderboard/").status_code == 403
