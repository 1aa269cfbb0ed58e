"""Steps many browser tests share: signing in, and uploading a CSV into a new project."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

PASSWORD = "correct horse battery"


def sign_in(page: Any, base_url: str, username: str = "alice", password: str = PASSWORD) -> None:
    """Sign in on the login page and wait for the home page."""
    page.goto(base_url + "/login")
    page.get_by_test_id("login-username").fill(username)
    page.get_by_test_id("login-password").fill(password)
    page.get_by_test_id("login-submit").click()
    page.wait_for_url(re.compile(r"/$"))


def upload_to_new_project(page: Any, project: str, csv_file: Path) -> None:
    """From the home page: create ``project``, open it, upload ``csv_file`` and wait for its
    dataset page."""
    page.get_by_test_id("project-name").fill(project)
    page.get_by_test_id("project-create").click()
    page.get_by_test_id("project-link").filter(has_text=project).click()
    page.get_by_test_id("dataset-file").set_input_files(str(csv_file))
    page.get_by_test_id("dataset-upload").click()
    page.wait_for_url(re.compile(r"/datasets/\d+"))
