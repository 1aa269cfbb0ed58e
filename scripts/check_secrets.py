"""Fail when a tracked file holds a secret-looking string that is not in `.secrets.baseline`.

The baseline lists the reviewed placeholders (test passwords, the compose file's local database
password); any new finding fails CI. Findings are matched by file and hashed value, so moving a
known placeholder to another line does not fail. After reviewing a false positive, refresh the
baseline (command in docs/security.md) or mark the line with a `pragma: allowlist secret`
comment.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from detect_secrets import SecretsCollection
from detect_secrets.core import baseline
from detect_secrets.settings import transient_settings

BASELINE = Path(".secrets.baseline")


def tracked_files() -> list[str]:
    """The files git tracks (the baseline itself aside), relative to the repository root."""
    listing = subprocess.run(["git", "ls-files"], check=True, capture_output=True, text=True)
    return [name for name in listing.stdout.splitlines()
            if Path(name).is_file() and name != str(BASELINE)]


def main() -> int:
    """Scan the tracked files with the baseline's plugins and filters; print new findings."""
    reviewed = baseline.load_from_file(str(BASELINE))
    known = SecretsCollection.load_from_baseline(reviewed)
    found = SecretsCollection()
    with transient_settings(reviewed):
        found.scan_files(*tracked_files())
    new = found - known
    for filename, secret in new:
        print(f"{filename}:{secret.line_number}: possible secret ({secret.type})")
    if new:
        print("New secret-looking strings found; see scripts/check_secrets.py for what to do.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
