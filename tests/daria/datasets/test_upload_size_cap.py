"""Uploads stop at DARIA_MAX_UPLOAD_BYTES while streaming, and nothing is stored."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from daria.accounts.services import create_project
from daria.datasets.models import Dataset
from tests.conftest import stored_files
from tests.daria.factories import churn_csv

pytestmark = pytest.mark.django_db


def test_a_file_over_the_cap_is_refused_with_413(alice: object, as_alice: object,
                                                 settings: object) -> None:
    settings.DARIA_MAX_UPLOAD_BYTES = 1024
    project = create_project(alice, "Big")
    content = churn_csv(n_rows=500)
    assert len(content) > 1024

    response = as_alice.post(f"/api/v1/projects/{project.pk}/datasets/",
                             {"file": SimpleUploadedFile("big.csv", content)},
                             format="multipart")

    assert response.status_code == 413
    assert response.json()["code"] == "file_too_large"
    assert not Dataset.objects.exists() and stored_files("datasets") == []
