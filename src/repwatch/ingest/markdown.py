"""Markdown and plain text: the text is kept as written; Markdown may also give metadata.

Front matter is a block of ``key: value`` lines between ``---`` lines at the very top (YAML's
simplest form only: no nesting, lists or multi-line values). Its keys ``title``, ``publisher``
(or ``source``, ``site``), ``published`` (or ``date``), ``url`` and ``language`` (or ``lang``)
become metadata and the block is dropped from the text. A leading ``# Heading`` line gives the
title when nothing else did; it stays in the text.
"""

from __future__ import annotations

import re

from repwatch.errors import InputError
from repwatch.ingest.metadata import Metadata, clean, parse_date

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?:(?P<body>.*?)\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_KEY_VALUE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]*(?P<value>.*)$")
_HEADING = re.compile(r"\A\s*#[ \t]+(?P<title>[^\n]+?)[ \t#]*(?:\n|\Z)")

_KEYS = {
    "title": "title",
    "publisher": "publisher",
    "source": "publisher",
    "site": "publisher",
    "published": "published",
    "date": "published",
    "url": "url",
    "language": "language",
    "lang": "language",
}


def read_markdown(text: str, *, source: str) -> tuple[str, Metadata]:
    """The text of a Markdown document without its front matter, and the metadata it gives."""
    metadata = Metadata()
    match = _FRONT_MATTER.match(text)
    if match and _is_front_matter(match.group("body") or ""):
        metadata = _front_matter(match.group("body") or "", source=source)
        text = text[match.end() :]
    if metadata.title is None:
        heading = _HEADING.match(text)
        if heading:
            metadata = Metadata(title=clean(heading.group("title"))).fill(metadata)
    return text, metadata


def _is_front_matter(body: str) -> bool:
    # A leading "---" may also be a rule above ordinary text: only key: value lines count.
    # Only key: value lines, and at least one key this module knows, make front matter.
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    matches = [_KEY_VALUE.match(line) for line in lines if not line.startswith("#")]
    if not all(matches):
        return False
    return not lines or any(m and m.group("key").lower() in _KEYS for m in matches)


def _front_matter(body: str, *, source: str) -> Metadata:
    values: dict[str, str] = {}
    for line in body.splitlines():
        match = _KEY_VALUE.match(line.strip())
        if not match:
            continue
        field = _KEYS.get(match.group("key").lower())
        value = clean(_unquote(match.group("value")))
        if field and value and field not in values:
            values[field] = value
    published = None
    if "published" in values:
        published = parse_date(values.pop("published"))
        if published is None:
            raise InputError(source, "front matter: the date is not an ISO date (YYYY-MM-DD)")
    return Metadata(published=published, **values)


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value
