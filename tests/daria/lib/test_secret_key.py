"""Without SECRET_KEY, a key is generated once into the data directory and reused."""

import stat
from pathlib import Path

from daria.lib.secret_key import load_or_create_secret_key


def test_the_key_is_generated_private_and_then_reused(tmp_path: Path) -> None:
    data_dir = tmp_path / "fresh"
    first = load_or_create_secret_key(data_dir)

    assert len(first) >= 50
    assert stat.S_IMODE((data_dir / "secret_key").stat().st_mode) == 0o600
    assert load_or_create_secret_key(data_dir) == first
    assert [p.name for p in data_dir.iterdir()] == ["secret_key"]  # no temporary file left
