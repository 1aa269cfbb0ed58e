"""The HTML report: self-contained, in the reader's language, with every user text escaped."""

import re

import pytest

from daria.accounts.services import create_project
from tests.conftest import client_for
from tests.daria.exports.conftest import finished_experiment
from tests.daria.factories import ExperimentFactory, make_dataset

pytestmark = pytest.mark.django_db

HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>'
EXTERNAL = re.compile(r"""(?:src|href|url)\s*[=(]\s*["']?\s*(?:https?:)?//""", re.IGNORECASE)


def _report(client: object, experiment: object, language: str = "en") -> str:
    response = client.get(f"/api/v1/experiments/{experiment.pk}/report/",
                          HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert response["Content-Disposition"].startswith("attachment;")
    return response.content.decode()


@pytest.mark.parametrize("task", ["binary", "multiclass", "regression"])
def test_the_report_renders_self_contained_for_every_task(alice: object, as_alice: object,
                                                           task: str) -> None:
    experiment = finished_experiment(alice, task)

    html = _report(as_alice, experiment)

    assert not EXTERNAL.search(html) and "http://" not in html and "https://" not in html
    assert "<script" not in html.lower() and "<link" not in html.lower()
    assert html.count("<svg") >= 2 and "<table>" in html
    assert "The strongest driver of its predictions is" in html
    if task == "regression":
        assert "A typical prediction is off by" in html
    else:
        assert re.search(r"The model is right in \d+ of 100 cases", html)


def test_the_binary_report_names_the_most_frequent_confusion(alice: object,
                                                             as_alice: object) -> None:
    html = _report(as_alice, finished_experiment(alice, "binary"))
    assert re.search(r"It most often mistakes “(yes|no)” for “(yes|no)”", html)


def test_the_korean_report_is_in_korean(alice: object, as_alice: object) -> None:
    experiment = finished_experiment(alice, "multiclass")

    by_header = _report(as_alice, experiment, "ko")
    by_query = as_alice.get(f"/api/v1/experiments/{experiment.pk}/report/?lang=ko").content.decode()

    for html in (by_header, by_query):
        assert '<html lang="ko">' in html
        assert "100건 중" in html and "리더보드" in html
        assert re.search("[\uac00-\ud7a3]{4}", html)


def test_hostile_column_names_and_labels_are_escaped(alice: object, as_alice: object) -> None:
    rows = "".join(f"{i % 7},{i % 5},{['<b>yes</b>', HOSTILE][i % 2]}\n" for i in range(120))
    content = f'"{HOSTILE}",other,target\n{rows}'.encode()
    experiment = finished_experiment(alice, "binary", content, name=f"{HOSTILE}.csv",
                                     target="target")

    html = _report(as_alice, experiment)

    assert "<script>alert" not in html and "<img src=x" not in html and "<b>yes" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_another_projects_report_is_a_404(bob: object, alice: object) -> None:
    experiment = finished_experiment(alice, "binary")
    assert client_for(bob).get(f"/api/v1/experiments/{experiment.pk}/report/").status_code == 404


def test_a_report_without_a_final_model_says_so(alice: object, as_alice: object) -> None:
    experiment = ExperimentFactory(dataset=make_dataset(alice, create_project(alice, "Empty")))

    html = _report(as_alice, experiment)

    assert "This experiment has no final model yet." in html
    assert "No trial has completed." in html
