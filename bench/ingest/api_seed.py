"""Seed the API ingest benchmark's database: a user with an API token and an empty project.

Run with the app's interpreter (it uses Django): ``.venv/bin/python -m bench.ingest.api_seed``.
Prints ``{"project": id, "token": secret}`` as JSON.
"""

from __future__ import annotations

import json
import os


def seed() -> dict[str, object]:
    """Create the benchmark's user, its project and an API token."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "daria.settings")
    django.setup()
    from django.contrib.auth import get_user_model

    from daria.accounts.services import create_project
    from daria.accounts.tokens import create_token

    user, _ = get_user_model().objects.get_or_create(username="bench-ingest")
    project = create_project(user, "Ingest benchmark")
    _, secret = create_token(user, "ingest benchmark")
    return {"project": project.pk, "token": secret}


if __name__ == "__main__":
    print(json.dumps(seed()))
