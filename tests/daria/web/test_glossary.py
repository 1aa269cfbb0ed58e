"""Every Korean server message follows the glossary: one Korean term for each English term.

The glossary is ``frontend/src/i18n/glossary.json``, shared with the front end's check. Pure file
reading: no database, no Django setup needed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import polib

REPO = Path(__file__).resolve().parents[3]
CATALOGUE = REPO / "locale" / "ko" / "LC_MESSAGES" / "django.po"
GLOSSARY = REPO / "frontend" / "src" / "i18n" / "glossary.json"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}")


def _names(english: str, term: str) -> bool:
    """True when the English message names the term (singular or plural), placeholders aside."""
    return re.search(rf"\b{re.escape(term)}s?\b", PLACEHOLDER.sub("", english), re.I) is not None


def glossary_problems(entries: Iterable[dict[str, Any]],
                      messages: Iterable[tuple[str, str]]) -> list[str]:
    """One line per (English, Korean) message that uses a variant to avoid or drops the term."""
    entries = list(entries)
    problems = []
    for english, korean in messages:
        for entry in entries:
            problems += [f"{english!r}: {variant!r} for {entry['en']!r}; write {entry['ko']!r}"
                         for variant in entry["avoid"] if variant in korean]
            if entry["always"] and _names(english, entry["en"]) and entry["ko"] not in korean:
                problems.append(f"{english!r}: names {entry['en']!r} but not {entry['ko']!r}")
    return problems


def catalogue_messages() -> list[tuple[str, str]]:
    """(msgid, msgstr) of each translated message; a plural gives one pair per form."""
    pairs = []
    for entry in polib.pofile(str(CATALOGUE)):
        if entry.obsolete:
            continue
        if entry.msgid_plural:
            pairs += [(entry.msgid_plural, text) for text in entry.msgstr_plural.values()]
        elif entry.msgstr:
            pairs.append((entry.msgid, entry.msgstr))
    return pairs


def _entries() -> list[dict[str, Any]]:
    return json.loads(GLOSSARY.read_text(encoding="utf-8"))["entries"]


def test_every_korean_server_message_follows_the_glossary() -> None:
    messages = catalogue_messages()
    assert len(messages) > 50
    assert glossary_problems(_entries(), messages) == []


def test_the_check_reports_a_variant_and_a_message_that_drops_the_term() -> None:
    trial = {"en": "trial", "ko": "시도", "avoid": ["트라이얼", "시행"], "always": True}
    messages = [("Compare trials", "트라이얼 비교"), ("No trial yet", "아직 없습니다"),
                ("Trial %(number)s", "시도 %(number)s"), ("Retry", "다시 시도")]
    assert glossary_problems([trial], messages) == [
        "'Compare trials': '트라이얼' for 'trial'; write '시도'",
        "'Compare trials': names 'trial' but not '시도'",
        "'No trial yet': names 'trial' but not '시도'",
    ]


def test_the_check_ignores_a_term_that_is_only_a_placeholder_name() -> None:
    target = {"en": "target", "ko": "타깃", "avoid": ["타겟"], "always": True}
    assert glossary_problems([target], [("Predicting “%(target)s”", "“%(target)s” 예측")]) == []
