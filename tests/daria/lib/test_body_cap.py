"""The ASGI app stops reading a request body at the upload cap, and answers 413 in the user's
language; a body under the cap is served whole, whether its length is declared or chunked."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

from daria.accounts.services import create_project
from daria.accounts.tokens import create_token
from daria.asgi import application
from daria.datasets.models import Dataset
from daria.lib.uploads import max_body_bytes
from tests.conftest import stored_files
from tests.daria.factories import churn_csv

pytestmark = pytest.mark.django_db(transaction=True)

BOUNDARY = "cap-test-boundary"
CHUNK = 1024


def _multipart(content: bytes) -> bytes:
    return (f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; '
            f'filename="churn.csv"\r\nContent-Type: text/csv\r\n\r\n').encode() + content + \
        f"\r\n--{BOUNDARY}--\r\n".encode()


def _post(upload: tuple[str, dict[str, str]], body: bytes, headers: dict[str, str],
          declare_length: bool) -> tuple[int, dict[str, Any], int]:
    """POST ``body`` to the upload's path in 1 KiB messages; the status, the JSON answer and
    how many body bytes the app took."""
    path, auth = upload
    taken = 0
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        nonlocal taken
        if taken >= len(body):
            await asyncio.Event().wait()  # the client stays connected until the answer
        chunk = body[taken:taken + CHUNK]
        taken += len(chunk)
        return {"type": "http.request", "body": chunk, "more_body": taken < len(body)}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    all_headers = {**auth, **headers, "host": "testserver",
                   "content-type": f"multipart/form-data; boundary={BOUNDARY}"}
    if declare_length:
        all_headers["content-length"] = str(len(body))
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": "POST", "scheme": "http", "path": path, "raw_path": path.encode(),
             "query_string": b"", "root_path": "", "client": ("127.0.0.1", 5000),
             "server": ("testserver", 80),
             "headers": [(name.encode(), value.encode()) for name, value in all_headers.items()]}
    asyncio.run(application(scope, receive, send))
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    answer = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return status, json.loads(answer), taken


@pytest.fixture
def upload(alice: object) -> tuple[str, dict[str, str]]:
    project = create_project(alice, "Cap")
    _, secret = create_token(alice, "cap test")
    return f"/api/v1/projects/{project.pk}/datasets/", {"authorization": f"Token {secret}"}


@pytest.mark.parametrize("declare_length", [True, False], ids=["declared", "chunked"])
def test_a_body_over_the_cap_is_not_read_past_it(upload: tuple[str, dict[str, str]],
                                                 settings: Any, declare_length: bool) -> None:
    settings.DARIA_MAX_UPLOAD_BYTES = 4096
    body = _multipart(churn_csv(n_rows=20_000))
    assert len(body) > 4 * max_body_bytes()
    status, answer, taken = _post(upload, body, {"accept-language": "ko"}, declare_length)
    assert status == 413 and answer["code"] == "file_too_large"
    assert "MB" in answer["detail"] and "파일" in answer["detail"]
    assert taken <= (0 if declare_length else max_body_bytes() + CHUNK)
    assert not Dataset.objects.exists() and stored_files("datasets") == []


@pytest.mark.parametrize("declare_length", [True, False], ids=["declared", "chunked"])
def test_a_body_under_the_cap_is_read_whole_and_stored(
        upload: tuple[str, dict[str, str]], declare_length: bool) -> None:
    content = churn_csv(n_rows=200)
    body = _multipart(content)
    status, answer, taken = _post(upload, body, {}, declare_length)
    assert status == 201, answer
    assert taken == len(body)
    assert answer["n_rows"] == 200
    assert Dataset.objects.get().file.read() == content
