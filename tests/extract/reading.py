"""What the extractor makes of a short text, as FORMAT.md incidents: shared by the
tests that state one phenomenon each."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from repwatch.extract import extract
from repwatch.model import Report

Incidents = Callable[..., list[dict[str, Any]]]
One = Callable[..., dict[str, Any]]


def readers(published: dt.date) -> tuple[Incidents, One]:
    """``incidents(text)`` and ``one(text)`` for reports published on ``published``
    (either may be given another date); ``one`` asserts there is exactly one."""

    def incidents(text: str, published: dt.date = published) -> list[dict[str, Any]]:
        report = Report.from_text(text, published=published, language="en")
        return [m.to_eval() for m in extract(report)]

    def one(text: str, published: dt.date = published) -> dict[str, Any]:
        found = incidents(text, published)
        assert len(found) == 1, found
        return found[0]

    return incidents, one
