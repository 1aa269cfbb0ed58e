"""The large hostile inputs of make_big.py are refused at their limits, fast and in little memory.

They are generated once per session at scale 0.01 (about 30 MB); the limits are lowered to match,
so each file is over its limit the way the full-scale file is over the default one.
"""

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from automl_core.data.options import ReadLimits
from automl_core.data.reading import read_table
from automl_core.exceptions import DataError

REPO = Path(__file__).resolve().parents[3]
LIMITS = ReadLimits(max_decompressed_bytes=8 << 20, max_rows=100_000)
EXPECTED = {
    "big_2GiB.csv": "file_too_large",
    "gzip_bomb.csv.gz": "decompressed_too_large",
    "zip_bomb.csv.zip": "decompressed_too_large",
    "wide_100k_columns.csv": "too_many_columns",
    "one_line_256MiB.csv": "field_too_long",
}


@pytest.fixture(scope="session")
def big_dir(tmp_path_factory: pytest.TempPathFactory, shared_dir: Path) -> Path:
    out = tmp_path_factory.mktemp("big")
    subprocess.run([sys.executable, str(shared_dir / "bad-inputs" / "make_big.py"), str(out),
                    "--scale", "0.01"], check=True, capture_output=True)
    return out


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_big_hostile_file_is_refused_at_its_limit_within_seconds(big_dir: Path,
                                                                   name: str) -> None:
    started = time.monotonic()
    with pytest.raises(DataError) as error:
        read_table(big_dir / name, limits=LIMITS)
    assert error.value.code == EXPECTED[name], error.value.message
    assert time.monotonic() - started < 5


def test_refusing_them_all_never_holds_a_file_in_memory(big_dir: Path) -> None:
    # A fresh process, so that its peak memory is this work's alone.
    script = f"""
import json, resource
from automl_core.data.options import ReadLimits
from automl_core.data.reading import read_table
from automl_core.exceptions import DataError
read_table(b"a,b\\n1,2\\n")  # import and warm up everything first
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
for name in {sorted(EXPECTED)!r}:
    try:
        read_table({str(big_dir)!r} + "/" + name, limits=ReadLimits(max_decompressed_bytes={
            LIMITS.max_decompressed_bytes}, max_rows={LIMITS.max_rows}))
    except DataError:
        pass
print(json.dumps((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024))
"""
    grown_mb = json.loads(subprocess.run([sys.executable, "-c", script], check=True, cwd=REPO,
                                         capture_output=True, text=True).stdout)
    # The gzip bomb alone unpacks to 64 MiB and the plain file is 24 MiB.
    assert grown_mb < 24
