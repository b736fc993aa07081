"""What is known about a report besides its text: given by the user, or found in the file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields, replace
from typing import Any

from repwatch.ingest.decode import is_hangul
from repwatch.model import Report

# "Dominates": the share of a text's letters that must be of one script for a language guess.
_DOMINANT_SHARE = 0.5


@dataclass(frozen=True)
class Metadata:
    """Title, publisher, date, URL and language of a report; ``None`` where unknown.

    On the command line it overrides what a file says, but only in the fields given.
    """

    publisher: str | None = None
    published: dt.date | None = None
    url: str | None = None
    language: str | None = None
    title: str | None = None

    def fill(self, other: Metadata) -> Metadata:
        """These values, with the ones still missing taken from ``other``."""
        missing = {
            f.name: getattr(other, f.name) for f in fields(self) if getattr(self, f.name) is None
        }
        return replace(self, **missing)


def build_report(
    text: str,
    metadata: Metadata,
    *,
    origin: str,
    source_format: str,
    external_id: str | None = None,
) -> Report:
    """The Report for ``text``, guessing its language when no one said."""
    text = text.strip()
    fields_: dict[str, Any] = {
        "title": metadata.title,
        "publisher": metadata.publisher,
        "url": metadata.url,
        "language": metadata.language or guess_language(text),
        "published": metadata.published,
    }
    return Report.from_text(
        text, **fields_, external_id=external_id, origin=origin, source_format=source_format
    )


def parse_date(value: str) -> dt.date | None:
    """An ISO date, or the date of an ISO timestamp; ``None`` if ``value`` is neither."""
    value = value.strip()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(value).date()
    except ValueError:
        return None


def guess_language(text: str) -> str | None:
    """ "ko" when Hangul dominates the letters, "en" when Latin letters do, else ``None``.

    Cheap on purpose: Latin script is taken as English, the common case in this field's sources;
    a user who knows better says so with ``--language``.
    """
    hangul = latin = letters = 0
    for char in text:
        if not char.isalpha():
            continue
        letters += 1
        if is_hangul(char):
            hangul += 1
        elif char.isascii() or "\u00c0" <= char <= "\u024f":
            latin += 1
    if not letters:
        return None
    if hangul > _DOMINANT_SHARE * letters:
        return "ko"
    if latin > _DOMINANT_SHARE * letters:
        return "en"
    return None


def clean(value: str | None) -> str | None:
    """``value`` with outer whitespace removed; ``None`` when nothing is left."""
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None
