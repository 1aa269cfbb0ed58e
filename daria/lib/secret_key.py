"""The SECRET_KEY used when none is configured: generated once into the data directory."""

from __future__ import annotations

import os
import secrets
import tempfile
from pathlib import Path


def load_or_create_secret_key(data_dir: Path) -> str:
    """Read ``<data_dir>/secret_key``, creating it (mode 0600) on first use.

    The key is written to a private temporary file and then hard-linked into place, so two
    processes starting at once (web and worker) can never read a half-written or second key.
    """
    path = data_dir / "secret_key"
    data_dir.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        fd, tmp_name = tempfile.mkstemp(dir=data_dir, prefix=".secret_key.")  # mode 0600
        try:
            with os.fdopen(fd, "w", encoding="ascii") as handle:
                handle.write(secrets.token_urlsafe(50))
            os.link(tmp_name, path)
        except FileExistsError:
            pass  # another process won the race; its key is used below
        finally:
            os.unlink(tmp_name)
    key = path.read_text(encoding="ascii").strip()
    if not key:
        raise RuntimeError(f"{path} is empty; delete it to have a new key generated.")
    return key
