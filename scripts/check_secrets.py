"""Fail when the repository holds a secret-looking string that is not in `.secrets.baseline`.

Two scans with detect-secrets, both against the reviewed baseline (test passwords, the compose
file's local database password):

- the tracked files as they are now, matched by file and hashed value, so moving a known
  placeholder to another line does not fail;
- the history: every line that any commit added to a text file, so a secret committed once and
  deleted later is found too. A finding there is known when its hashed value is in the
  baseline, whichever file it was in.

After reviewing a false positive, refresh the baseline (command in docs/security.md) or mark the
line with a `pragma: allowlist secret` comment.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

from detect_secrets import SecretsCollection
from detect_secrets.core import baseline
from detect_secrets.settings import transient_settings

BASELINE = Path(".secrets.baseline")
BINARY_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".ico", ".parquet", ".xlsx", ".gz", ".zip",
                   ".mo", ".woff", ".woff2"}
COMMIT_LINE = re.compile(r"^@[0-9a-f]{40}$")


def _git(*args: str) -> str:
    """The output of a git command, with any bytes that are not UTF-8 replaced."""
    return subprocess.run(["git", *args], check=True,
                          capture_output=True).stdout.decode("utf-8", "replace")


def tracked_files() -> list[str]:
    """The files git tracks (the baseline itself aside), relative to the repository root."""
    # -z: names as they are (not quoted octal escapes for non-ASCII), whatever they hold.
    return [name for name in _git("ls-files", "-z").split("\0")
            if name and Path(name).is_file() and name != str(BASELINE)]


def historical_lines() -> dict[str, dict[str, str]]:
    """For each path, every distinct line any commit added to it, with the first commit (in
    ``git log`` order) that added it.

    Every line of every past version of a file was added by some commit, so scanning these lines
    finds what scanning every version finds, but each line is scanned once instead of once per
    version (the history holds thousands of versions of the same lines).
    """
    lines: dict[str, dict[str, str]] = {}
    commit, added, in_header = "", None, False
    log = _git("-c", "core.quotePath=false", "log", "--all", "--format=@%H", "-p",
               "--unified=0", "--no-renames", "--diff-filter=AM", "--no-color", "--no-ext-diff",
               "--text")
    for line in log.split("\n"):
        if COMMIT_LINE.match(line):
            commit, added, in_header = line[1:], None, False
        elif in_header:
            if line.startswith("+++ "):
                path = line[6:] if line.startswith("+++ b/") else ""
                skip = (not path or path == str(BASELINE)
                        or Path(path).suffix.lower() in BINARY_SUFFIXES)
                added = None if skip else lines.setdefault(path, {})
            in_header = not line.startswith("@@")
        elif line.startswith("diff --git "):
            in_header, added = True, None
        elif added is not None and line.startswith("+"):
            # Without carriage returns: a lone one would split the line in the scanned copy.
            added.setdefault(line[1:].replace("\r", ""), commit)
    return lines


def scan_current(reviewed: dict, tracked: list[str]) -> list[str]:
    """New findings in the ``tracked`` files, as ``path:line: ...`` lines."""
    known = SecretsCollection.load_from_baseline(reviewed)
    found = SecretsCollection()
    found.scan_files(*tracked)
    return [f"{name}:{secret.line_number}: possible secret ({secret.type})"
            for name, secret in found - known]


def _not_in_current(path: str, added: dict[str, str], tracked: set[str]) -> dict[str, str]:
    """The lines of ``added`` that the tracked file at ``path`` no longer holds (the lines it
    does hold are scanned there, by :func:`scan_current`, under the same file name)."""
    if path not in tracked:
        return added
    text = Path(path).read_bytes().decode("utf-8", "replace").replace("\r", "")
    kept = set(text.split("\n"))
    return {line: commit for line, commit in added.items() if line not in kept}


def scan_history(reviewed: dict, tracked: set[str]) -> list[str]:
    """New findings in lines any commit added and the ``tracked`` files no longer hold, as
    ``path@commit: ...`` lines."""
    known = {secret.secret_hash
             for _, secret in SecretsCollection.load_from_baseline(reviewed)}
    problems = []
    with tempfile.TemporaryDirectory() as folder:
        commits_by_copy: dict[str, list[str]] = {}
        for index, (path, all_added) in enumerate(historical_lines().items()):
            added = _not_in_current(path, all_added, tracked)
            if not added:
                continue
            # Same file name (detect-secrets picks filters by it), a folder of its own per path.
            copy = Path(folder) / str(index) / path
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_text("\n".join(added) + "\n", encoding="utf-8")
            commits_by_copy[str(copy)] = [path, *added.values()]
        found = SecretsCollection(root=folder)
        found.scan_files(*commits_by_copy)
        for name, secret in found:
            if secret.secret_hash not in known:
                path, *commits = commits_by_copy[str(Path(folder) / name)]
                commit = commits[secret.line_number - 1]
                problems.append(f"{path}@{commit[:10]}: possible secret ({secret.type})")
    return problems


def main() -> int:
    """Scan the tracked files and the history with the baseline's plugins and filters."""
    reviewed = baseline.load_from_file(str(BASELINE))
    with transient_settings(reviewed):
        tracked = tracked_files()
        problems = scan_current(reviewed, tracked) + scan_history(reviewed, set(tracked))
    for problem in problems:
        print(problem)
    if problems:
        print("New secret-looking strings found; see scripts/check_secrets.py for what to do.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
