"""The trial store port: what has been tried and how it went.

The web app implements :class:`TrialStore` with its ORM; the CLI and tests use
:class:`InMemoryTrialStore`. Both must pass the shared contract suite in
``tests/automl_core/test_storage_contract.py``.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from automl_core.search.trial import TrialRecord


@runtime_checkable
class TrialStore(Protocol):
    """Storage of finished trial records for one search."""

    def add(self, record: TrialRecord) -> None:
        """Store a finished trial; a number may be stored only once."""

    def get(self, number: int) -> TrialRecord:
        """The trial with ``number``; KeyError if there is none."""

    def all(self) -> list[TrialRecord]:
        """Every stored trial, ordered by number."""

    def after(self, number: int) -> list[TrialRecord]:
        """Trials with a number greater than ``number``, ordered by number (a cursor)."""

    def next_number(self) -> int:
        """The number the next trial should get."""


class DuplicateTrialError(ValueError):
    """A trial number was stored twice: a trial must never be counted twice."""


class InMemoryTrialStore:
    """A dict-backed :class:`TrialStore` for the CLI, notebooks and tests."""

    def __init__(self) -> None:
        self._records: dict[int, TrialRecord] = {}

    def add(self, record: TrialRecord) -> None:
        """Store a finished trial; a number may be stored only once."""
        if record.number in self._records:
            raise DuplicateTrialError(f"trial {record.number} is already stored")
        self._records[record.number] = record

    def get(self, number: int) -> TrialRecord:
        """The trial with ``number``; KeyError if there is none."""
        return self._records[number]

    def all(self) -> list[TrialRecord]:
        """Every stored trial, ordered by number."""
        return [self._records[n] for n in sorted(self._records)]

    def after(self, number: int) -> list[TrialRecord]:
        """Trials with a number greater than ``number``, ordered by number."""
        return [r for r in self.all() if r.number > number]

    def next_number(self) -> int:
        """The number the next trial should get."""
        return max(self._records, default=-1) + 1
