"""Every server-side message has a Korean translation: the catalogue is checked against the code.

Scans ``daria/**.py`` with ``ast`` for gettext calls on literal strings and looks each message up
in ``locale/ko/LC_MESSAGES/django.po``. Pure file reading: no database, no Django setup needed.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import polib
import pytest

REPO = Path(__file__).resolve().parents[3]
CATALOGUE = REPO / "locale" / "ko" / "LC_MESSAGES" / "django.po"
SINGULAR = {"_", "gettext", "gettext_lazy", "gettext_noop", "_lazy"}
PLURAL = {"ngettext", "ngettext_lazy"}


def _literal(node: ast.expr) -> str | None:
    """The string a node spells out (a constant or constants joined by ``+``), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _literal(node.left), _literal(node.right)
        if left is not None and right is not None:
            return left + right
    return None


def _called_name(call: ast.Call) -> str:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return ""


def messages_in(source: str) -> Iterator[tuple[int, str]]:
    """(line, msgid) of every gettext call with a literal message in Python ``source``."""
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = _called_name(node)
        if name in SINGULAR or name in PLURAL:
            candidates = node.args[:2] if name in PLURAL else node.args[:1]
            for argument in candidates:
                message = _literal(argument)
                if message:
                    yield node.lineno, message


def code_messages() -> dict[str, str]:
    """Each msgid used in ``daria/`` mapped to the first place that uses it."""
    found: dict[str, str] = {}
    for path in sorted((REPO / "daria").rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for line, message in messages_in(path.read_text(encoding="utf-8")):
            found.setdefault(message, f"{path.relative_to(REPO)}:{line}")
    return found


def korean_messages() -> set[str]:
    """The msgids (singular and plural) that have a non-empty, non-fuzzy Korean translation."""
    translated = set()
    for entry in polib.pofile(str(CATALOGUE)):
        if entry.obsolete or entry.fuzzy:
            continue
        if entry.msgid_plural:
            if entry.msgstr_plural and all(entry.msgstr_plural.values()):
                translated.update({entry.msgid, entry.msgid_plural})
        elif entry.msgstr.strip():
            translated.add(entry.msgid)
    return translated


def test_the_scanner_finds_every_gettext_form() -> None:
    source = (
        'from django.utils.translation import gettext as _, gettext_lazy, ngettext\n'
        '_("one")\n'
        'gettext_lazy("two " "parts")\n'
        'ngettext("%(n)s row", "%(n)s rows", n)\n'
        'translation.gettext("four" + " more")\n'
        '_(variable)\n'
        'print("not a message")\n'
    )
    assert [message for _line, message in messages_in(source)] == [
        "one", "two parts", "%(n)s row", "%(n)s rows", "four more"]


def test_the_scan_sees_the_code_and_the_catalogue() -> None:
    assert len(code_messages()) > 50
    assert len(korean_messages()) > 50


def test_every_server_message_has_a_korean_translation() -> None:
    translated = korean_messages()
    missing = {message: place for message, place in code_messages().items()
               if message not in translated}
    if missing:
        listing = "\n".join(f"  {place}: {message!r}" for message, place in sorted(
            missing.items(), key=lambda item: item[1]))
        pytest.fail(f"{len(missing)} message(s) lack a Korean msgstr in "
                    f"{CATALOGUE.relative_to(REPO)}:\n{listing}")
