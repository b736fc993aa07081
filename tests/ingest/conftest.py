"""Helpers for the ingest tests: a dict-backed store standing in for the real one."""

from __future__ import annotations

import pytest

from repwatch.errors import InputError
from repwatch.model import Report


class DictStore:
    """Stores reports by id, as the real store does: the same id twice is a duplicate."""

    def __init__(self) -> None:
        self.reports: dict[str, Report] = {}
        self.calls = 0

    def __call__(self, report: Report) -> bool:
        self.calls += 1
        if report.id in self.reports:
            return False
        self.reports[report.id] = report
        return True

    def by_origin(self) -> dict[str, Report]:
        return {r.origin or "": r for r in self.reports.values()}


@pytest.fixture
def store() -> DictStore:
    return DictStore()


def only_error(items: list[Report | InputError]) -> InputError:
    """The single item read, which must be an error."""
    assert len(items) == 1, items
    assert isinstance(items[0], InputError), items[0]
    return items[0]


def only_report(items: list[Report | InputError]) -> Report:
    """The single item read, which must be a report."""
    assert len(items) == 1, items
    assert isinstance(items[0], Report), items[0]
    return items[0]
