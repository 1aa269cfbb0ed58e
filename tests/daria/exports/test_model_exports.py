"""Model exports (skops with its SHA-256; ONNX in tests/daria/exports/test_onnx_export.py) and
the reproducibility record of an experiment."""

import hashlib

import pytest

from automl_core.persistence import TRUSTED_TYPES
from daria.accounts.models import Role
from daria.accounts.services import add_member
from daria.experiments.models import Trial
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_the_exports_list_the_skops_file_with_its_sha256_and_trusted_types(
        as_alice: object, binary_experiment: object) -> None:
    model = binary_experiment.model
    exports = as_alice.get(f"/api/v1/models/{model.pk}/exports/").json()

    download = as_alice.get(exports["skops"]["download_url"])
    digest = hashlib.sha256(b"".join(download.streaming_content)).hexdigest()
    assert exports["skops"]["sha256"] == digest
    assert exports["skops"]["trusted_types"] == list(TRUSTED_TYPES)
    assert exports["predict_url"] == f"/api/v1/models/{model.pk}/predict/"


def test_the_reproducibility_record_lists_data_versions_space_and_trials(
        as_alice: object, binary_experiment: object) -> None:
    dataset = binary_experiment.dataset
    record = as_alice.get(f"/api/v1/experiments/{binary_experiment.pk}/reproducibility/").json()

    with open(dataset.file.path, "rb") as handle:
        assert record["dataset"]["sha256"] == hashlib.file_digest(handle, "sha256").hexdigest()
    assert record["experiment"]["seed"] == binary_experiment.seed
    assert record["experiment"]["searcher"]
    assert {"python", "scikit-learn", "lightgbm", "numpy", "pandas"} <= set(record["libraries"])
    assert "lightgbm" in record["search_space"]["families"]
    trials = Trial.objects.filter(experiment=binary_experiment).order_by("number")
    assert record["trial_order"] == [t.number for t in trials]
    assert [(t["algorithm"], t["params"], t["score"]) for t in record["trials"]] == [
        (t.algorithm, t.params, t.score) for t in trials]


def test_viewers_read_exports_and_strangers_get_404(alice: object, bob: object, charlie: object,
                                                    binary_experiment: object) -> None:
    add_member(binary_experiment.project, charlie, Role.VIEWER)
    model = binary_experiment.model
    urls = [f"/api/v1/models/{model.pk}/exports/",
            f"/api/v1/experiments/{binary_experiment.pk}/reproducibility/"]
    for url in urls:
        assert client_for(charlie).get(url).status_code == 200
        assert client_for(bob).get(url).status_code == 404
