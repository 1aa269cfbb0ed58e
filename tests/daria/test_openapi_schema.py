"""The OpenAPI schema is the contract: it must generate without errors or warnings."""

from pathlib import Path

import pytest
import yaml
from django.core.management import call_command


@pytest.mark.django_db
def test_the_schema_validates_without_warnings(tmp_path: Path) -> None:
    target = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))
    schema = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert "/api/v1/experiments/{id}/trials/" in schema["paths"]
    assert "/api/v1/models/{id}/predict/" in schema["paths"]
