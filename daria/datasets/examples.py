"""The bundled example dataset: a beginner's first dataset without a file of their own.

The file (``examples_data/credit_g.csv``, source and licence in ``examples_data/README.md``) goes
through the same upload pipeline as a user's file, so it is profiled and checked the same way.
"""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from daria.accounts import quotas
from daria.accounts.services import create_project, require_write
from daria.datasets.models import Dataset
from daria.datasets.services import ingest_dataset

EXAMPLE_FILE = Path(__file__).resolve().parent / "examples_data" / "credit_g.csv"
EXAMPLE_NAME = "credit_g.csv"


def example_upload() -> SimpleUploadedFile:
    """The example file as an upload, exactly as a browser would send it."""
    return SimpleUploadedFile(EXAMPLE_NAME, EXAMPLE_FILE.read_bytes(), content_type="text/csv")


@transaction.atomic
def create_example_dataset(user: AbstractBaseUser, project_id: int | None = None) -> Dataset:
    """Add the example dataset to ``project_id`` (editors and owners only), or to a new project
    owned by ``user`` when no project is given."""
    if project_id is None:
        project_id = create_project(
            user, _("Example: credit risk"),
            _("German credit data (UCI, CC BY 4.0): predict whether a loan applicant is a good "
              "credit risk."),
        ).pk
    else:
        require_write(user, project_id)
    upload = example_upload()
    quotas.check_storage(project_id, upload.size or 0)
    return ingest_dataset(user, project_id, upload)
