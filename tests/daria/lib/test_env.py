"""Environment variables are parsed strictly: a bad value fails loudly, naming the variable."""

import pytest

from daria.lib.env import ConfigurationError, env_bool, env_int, env_list


@pytest.mark.parametrize(("raw", "expected"), [("1", True), ("yes", True), ("Off", False),
                                               ("false", False)])
def test_booleans_accept_the_usual_spellings(monkeypatch: pytest.MonkeyPatch, raw: str,
                                             expected: bool) -> None:
    monkeypatch.setenv("DARIA_FLAG", raw)
    assert env_bool("DARIA_FLAG", not expected) is expected


def test_a_misspelt_boolean_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEBUG", "ture")
    with pytest.raises(ConfigurationError, match="DEBUG"):
        env_bool("DEBUG", False)


def test_an_integer_below_its_minimum_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DARIA_WORKER_THREADS", "0")
    with pytest.raises(ConfigurationError, match="minimum"):
        env_int("DARIA_WORKER_THREADS", 1, minimum=1)


def test_a_non_integer_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DARIA_MAX_UPLOAD_BYTES", "200MB")
    with pytest.raises(ConfigurationError, match="DARIA_MAX_UPLOAD_BYTES"):
        env_int("DARIA_MAX_UPLOAD_BYTES", 1)


def test_unset_variables_take_their_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ALLOWED_HOSTS", raising=False)
    assert env_list("ALLOWED_HOSTS", "localhost, 127.0.0.1,") == ["localhost", "127.0.0.1"]
