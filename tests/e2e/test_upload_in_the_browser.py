"""Uploading in a real browser: the byte progress bar and the worker's stage indicator for a large
file, the encoding override (a wrong forced encoding is explained, the detected one is shown),
and a warning's one-click fix."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import BAD_INPUTS
from tests.e2e.steps import PASSWORD, sign_in, upload_to_new_project
from tests.processes import (
    ServerProcess,
    SharedWebStack,
    daria_env,
    end_subprocess_database_sessions,
    one_test_on,
    private_queue_name,
    run_shared_web_stack,
)

pytestmark = pytest.mark.e2e

# Files above this are parsed by the worker; the large test file is a few times bigger.
ASYNC_PARSE_BYTES = 1_000_000
# Upload speed the browser is held to, so that the progress bar has time to move.
UPLOAD_BYTES_PER_S = 2_000_000

# Records every value the upload progress bar shows and every stage the dataset page names,
# however briefly each is on the page (the page is a single-page app: one document throughout).
RECORD_PROGRESS = """
window.__progress = [];
window.__stages = [];
new MutationObserver(() => {
  for (const bar of document.querySelectorAll('[role=progressbar]')) {
    window.__progress.push(Number(bar.getAttribute('aria-valuenow')));
  }
  const stages = document.querySelector('[data-testid=dataset-stages]');
  if (stages && !window.__stages.includes(stages.dataset.status)) {
    window.__stages.push(stages.dataset.status);
  }
}).observe(document, {subtree: true, childList: true, attributes: true,
                      attributeFilter: ['aria-valuenow', 'data-status']});
"""


@pytest.fixture(scope="module")
def stack_reading_large_files_in_a_worker(
        real_services: None, django_db_setup: None, django_db_blocker: object,
        tmp_path_factory: pytest.TempPathFactory) -> Iterator[SharedWebStack]:
    """uvicorn and a worker that hand files over 1 MB to the worker, as 20 MB files are in
    production; shared by this module's tests."""
    base = tmp_path_factory.mktemp("large-files-stack")
    data_dir = base / "data"
    data_dir.mkdir()
    env = {**daria_env(data_dir, private_queue_name()),
           "DARIA_ASYNC_PARSE_BYTES": str(ASYNC_PARSE_BYTES)}
    with run_shared_web_stack(env, base) as stack:
        yield stack
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        end_subprocess_database_sessions()


@pytest.fixture
def server_reading_large_files_in_a_worker(
        stack_reading_large_files_in_a_worker: SharedWebStack,
        transactional_db: None) -> Iterator[ServerProcess]:
    """The module's server and worker for one test."""
    with one_test_on(stack_reading_large_files_in_a_worker) as server:
        yield server


@pytest.fixture
def alice_signed_in(page: object, server_reading_large_files_in_a_worker: ServerProcess) -> object:
    """The page, signed in as alice, on the home page."""
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_user("alice", password=PASSWORD)
    sign_in(page, server_reading_large_files_in_a_worker.url)
    return page


def _large_csv(path: Path) -> Path:
    """The reference training file repeated to about 4 MB."""
    frame = pd.read_csv(BAD_INPUTS / "train_reference.csv")
    copies = max(1, 4_000_000 // len(frame.to_csv(index=False)))
    pd.concat([frame] * copies, ignore_index=True).to_csv(path, index=False)
    assert path.stat().st_size > 3 * ASYNC_PARSE_BYTES
    return path


def _hold_uploads_to(page: object, bytes_per_s: int) -> None:
    session = page.context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.emulateNetworkConditions", {
        "offline": False, "latency": 0, "downloadThroughput": -1,
        "uploadThroughput": bytes_per_s})


def test_a_large_upload_shows_byte_progress_then_the_workers_stages(
        alice_signed_in: object, tmp_path: Path) -> None:
    expect = pytest.importorskip("playwright.sync_api").expect
    page = alice_signed_in
    page.add_init_script(RECORD_PROGRESS)
    page.reload()
    _hold_uploads_to(page, UPLOAD_BYTES_PER_S)

    upload_to_new_project(page, "Big file", _large_csv(tmp_path / "big.csv"))

    shown = page.evaluate("window.__progress")
    assert any(0 < value < 100 for value in shown), shown
    assert shown == sorted(shown), "the progress bar went backwards"
    # The worker reads the file: the page names the stage, then shows the profile by itself.
    expect(page.get_by_test_id("dataset-summary")).to_contain_text(re.compile("UTF-8", re.I),
                                                                   timeout=120_000)
    assert "processing" in page.evaluate("window.__stages")


def test_a_wrong_forced_encoding_is_explained_and_detection_reads_korean(
        alice_signed_in: object) -> None:
    expect = pytest.importorskip("playwright.sync_api").expect
    page = alice_signed_in
    page.get_by_test_id("project-name").fill("Korean export")
    page.get_by_test_id("project-create").click()
    page.get_by_test_id("project-link").filter(has_text="Korean export").click()

    page.get_by_test_id("upload-options").locator("summary").click()
    page.get_by_test_id("option-encoding").select_option("utf-8")
    page.get_by_test_id("dataset-file").set_input_files(str(BAD_INPUTS / "cp949_korean.csv"))
    page.get_by_test_id("dataset-upload").click()
    expect(page.get_by_test_id("upload-error")).to_contain_text("encoding utf-8")

    page.get_by_test_id("option-encoding").select_option("")
    page.get_by_test_id("dataset-upload").click()
    page.wait_for_url(re.compile(r"/datasets/\d+"))
    expect(page.get_by_test_id("dataset-summary")).to_contain_text(re.compile("CP949", re.I))
    expect(page.get_by_test_id("dataset-columns")).to_contain_text("연소득(만원)")


def test_a_warnings_fix_button_changes_the_column_and_the_warning_goes(
        alice_signed_in: object) -> None:
    expect = pytest.importorskip("playwright.sync_api").expect
    page = alice_signed_in
    upload_to_new_project(page, "Shop", BAD_INPUTS / "high_cardinality_categorical.csv")
    fix_buttons = page.get_by_test_id("dataset-warnings").locator(".fix-button")
    expect(fix_buttons.first).to_be_visible()
    before = fix_buttons.count()
    code = fix_buttons.first.get_attribute("data-testid")

    fix_buttons.first.click()

    expect(page.get_by_test_id(code)).to_have_count(0)
    expect(fix_buttons).to_have_count(before - 1)
