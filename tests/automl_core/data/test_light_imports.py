"""Reading and profiling a table does not load the model libraries (the ingest memory floor)."""

import subprocess
import sys

import pytest
from conftest import REPO_ROOT

HEAVY = ("sklearn", "scipy", "lightgbm")
CHECK = """
import sys
{statement}
print(",".join(sorted({{name.split(".")[0] for name in sys.modules}} & {heavy!r})))
"""


def _heavy_modules_after(statement: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", CHECK.format(statement=statement, heavy=set(HEAVY))],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.mark.parametrize("statement", [
    "import automl_core.data.reading",
    "from automl_core.data import profile_frame, read_table",
    "from automl_core import ColumnKind, Task",
])
def test_reading_and_profiling_do_not_import_scikit_learn_scipy_or_lightgbm(
        statement: str) -> None:
    assert _heavy_modules_after(statement) == ""


def test_the_target_checks_and_the_facade_still_load_them_when_asked_for() -> None:
    assert _heavy_modules_after("from automl_core.data import target_warnings") != ""
    assert _heavy_modules_after("from automl_core import AutoML") == ",".join(sorted(HEAVY))
