"""Fail when the repository holds a secret-looking string that is not in `.secrets.baseline`.

Two scans with detect-secrets, both against the reviewed baseline (test passwords, the compose
file's local database password):

- the tracked files as they are now, matched by file and hashed value, so moving a known
  placeholder to another line does not fail;
- the history: every version of every text file that any commit added or changed, so a secret
  committed once and deleted later is found too. A finding there is known when its hashed value
  is in the baseline, whichever file it was in.

After reviewing a false positive, refresh the baseline (command in docs/security.md) or mark the
line with a `pragma: allowlist secret` comment.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from detect_secrets import SecretsCollection
from detect_secrets.core import baseline
from detect_secrets.settings import transient_settings

BASELINE = Path(".secrets.baseline")
BINARY_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".ico", ".parquet", ".xlsx", ".gz", ".zip",
                   ".mo", ".woff", ".woff2"}


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], check=True, capture_output=True, text=True).stdout


def tracked_files() -> list[str]:
    """The files git tracks (the baseline itself aside), relative to the repository root."""
    return [name for name in _git("ls-files").splitlines()
            if Path(name).is_file() and name != str(BASELINE)]


def historical_blobs() -> Iterator[tuple[str, str, str]]:
    """(commit, path, blob id) of every text file version a commit added or changed, each blob
    once."""
    seen: set[str] = set()
    commit = ""
    for line in _git("log", "--all", "--format=@%H", "--raw", "--no-renames",
                     "--diff-filter=AM").splitlines():
        if line.startswith("@"):
            commit = line[1:]
        elif line.startswith(":"):
            meta, path = line.split("\t", 1)
            blob = meta.split()[3]
            if (blob not in seen and path != str(BASELINE)
                    and Path(path).suffix.lower() not in BINARY_SUFFIXES):
                seen.add(blob)
                yield commit, path, blob


def scan_current(reviewed: dict) -> list[str]:
    """New findings in the tracked files, as ``path:line: ...`` lines."""
    known = SecretsCollection.load_from_baseline(reviewed)
    found = SecretsCollection()
    found.scan_files(*tracked_files())
    return [f"{name}:{secret.line_number}: possible secret ({secret.type})"
            for name, secret in found - known]


def scan_history(reviewed: dict) -> list[str]:
    """New findings in past versions of files, as ``path@commit:line: ...`` lines."""
    known = {secret.secret_hash
             for _, secret in SecretsCollection.load_from_baseline(reviewed)}
    problems = []
    with tempfile.TemporaryDirectory() as folder:
        copies: dict[str, tuple[str, str]] = {}
        for index, (commit, path, blob) in enumerate(historical_blobs()):
            # Same file name (detect-secrets picks filters by it), unique folder per version.
            copy = Path(folder) / str(index) / path
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_bytes(subprocess.run(["git", "cat-file", "blob", blob], check=True,
                                            capture_output=True).stdout)
            copies[str(copy)] = (path, commit)
        found = SecretsCollection(root=folder)
        found.scan_files(*copies)
        for name, secret in found:
            if secret.secret_hash not in known:
                path, commit = copies[str(Path(folder) / name)]
                problems.append(f"{path}@{commit[:10]}:{secret.line_number}: possible secret "
                                f"({secret.type})")
    return problems


def main() -> int:
    """Scan the tracked files and the history with the baseline's plugins and filters."""
    reviewed = baseline.load_from_file(str(BASELINE))
    with transient_settings(reviewed):
        problems = scan_current(reviewed) + scan_history(reviewed)
    for problem in problems:
        print(problem)
    if problems:
        print("New secret-looking strings found; see scripts/check_secrets.py for what to do.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
