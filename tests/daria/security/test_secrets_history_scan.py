"""The secrets check's history scan: a secret committed once and deleted later is still found,
with the commit that added it, and lines the current files hold are left to the current scan."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from detect_secrets.core import baseline
from detect_secrets.settings import transient_settings

from scripts.check_secrets import BASELINE, historical_lines, scan_history, tracked_files

FAKE_KEY_LINE = 'aws_key = "AKIAIOSFODNN7EXAMPLQ"'  # pragma: allowlist secret
# The project's reviewed baseline: its plugins and filters are the ones CI scans with.
REVIEWED = baseline.load_from_file(str(Path(__file__).parents[3] / BASELINE))


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                          text=True).stdout.strip()


def _commit(repo: Path, name: str, text: str, message: str) -> str:
    (repo / name).write_text(text)
    _git(repo, "add", name)
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m",
         message)
    return _git(repo, "rev-parse", "HEAD")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    _git(tmp_path, "init", "-q")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_each_added_line_is_listed_once_with_the_commit_that_added_it(repo: Path) -> None:
    first = _commit(repo, "notes.md", "one\ntwo\n", "first")
    second = _commit(repo, "notes.md", "one\ntwo\nthree\r\n", "second")
    _commit(repo, "notes.md", "one\n", "third: only deletions")

    assert historical_lines() == {"notes.md": {"one": first, "two": first, "three": second}}


def test_a_secret_deleted_later_is_found_in_the_history(repo: Path) -> None:
    added = _commit(repo, "settings.py", f"DEBUG = False\n{FAKE_KEY_LINE}\n", "add a key")
    _commit(repo, "settings.py", "DEBUG = False\n", "remove the key")

    with transient_settings(REVIEWED):
        problems = scan_history(REVIEWED, {"settings.py"})

    assert problems == [f"settings.py@{added[:10]}: possible secret (AWS Access Key)"]


def test_lines_the_current_file_still_holds_are_left_to_the_current_scan(repo: Path) -> None:
    _commit(repo, "settings.py", f"{FAKE_KEY_LINE}\n", "add a key")

    with transient_settings(REVIEWED):
        assert scan_history(REVIEWED, {"settings.py"}) == []
        assert len(scan_history(REVIEWED, set())) == 1


def test_tracked_files_keep_non_ascii_names(repo: Path) -> None:
    _commit(repo, "데이터 notes.md", "one\n", "a Korean file name")
    _commit(repo, "plain.md", "two\n", "an ASCII file name")

    assert sorted(tracked_files()) == ["plain.md", "데이터 notes.md"]
