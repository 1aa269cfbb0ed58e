"""The SECRET_KEY: a configured one must be strong; otherwise one is generated into the data dir."""

from __future__ import annotations

import os
import secrets
import tempfile
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

MIN_SECRET_KEY_LENGTH = 50
# The prefix of the throwaway keys `startproject` writes; such a key is public in effect.
_INSECURE_PREFIX = "django-insecure-"


def require_strong_secret_key(key: str) -> None:
    """Refuse a configured SECRET_KEY that is short or a known throwaway one.

    Called only when DEBUG is off: a weak key lets anyone forge sessions, password-reset links
    and signed model files.
    """
    if key.startswith(_INSECURE_PREFIX):
        raise ImproperlyConfigured(
            f"SECRET_KEY starts with {_INSECURE_PREFIX!r}, a development key; set it to "
            f"{MIN_SECRET_KEY_LENGTH}+ random characters, or unset it to have one generated."
        )
    if len(key) < MIN_SECRET_KEY_LENGTH:
        raise ImproperlyConfigured(
            f"SECRET_KEY is {len(key)} characters long; use at least {MIN_SECRET_KEY_LENGTH} "
            "random characters, or unset it to have one generated into the data directory."
        )


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
