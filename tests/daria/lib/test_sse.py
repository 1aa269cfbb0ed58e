"""The Server-Sent Events wire format and the resume cursor."""

import json

import pytest

from daria.lib.sse import BadCursor, comment_frame, event_frame, parse_cursor, retry_frame


def test_an_event_frame_has_its_id_name_and_json_on_one_data_line() -> None:
    frame = event_frame("trial", {"number": 3, "error": "line one\nline two"}, 7).decode()

    lines = frame.split("\n")
    assert lines[:2] == ["id: 7", "event: trial"]
    assert json.loads(lines[2].removeprefix("data: "))["error"] == "line one\nline two"
    assert frame.endswith("\n\n") and frame.count("\n") == 4


def test_comments_and_retry_hints_end_with_a_blank_line() -> None:
    assert comment_frame("keep-alive") == b": keep-alive\n\n"
    assert retry_frame(2000) == b"retry: 2000\n\n"


def test_the_last_event_id_wins_over_the_after_parameter() -> None:
    assert parse_cursor("12", "3") == 12
    assert parse_cursor(None, "3") == 3
    assert parse_cursor("", "3") == 3
    assert parse_cursor(None, None) is None


def test_a_cursor_that_is_not_a_number_is_refused_by_name() -> None:
    with pytest.raises(BadCursor, match="'twelve'"):
        parse_cursor("twelve", None)
