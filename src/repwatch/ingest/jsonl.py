"""JSON Lines in FORMAT.md's reports shape, one report per line.

``{"id", "title", "publisher", "url", "published", "language", "text"}``: ``id`` becomes the
report's external id; other keys are ignored. A line that cannot be used yields an InputError
naming ``file:LINE``, and the other lines go on; blank lines are skipped. Values on the line win
over the command line's, which only fill what the line lacks (the opposite of a single file:
a corpus line is more specific than a flag given for the whole batch).

A ``.json`` file may also hold one such object, or an array of them, as a single JSON document
(pretty-printed or not); its records are named ``file.json item N``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

from repwatch.errors import InputError
from repwatch.ingest.decode import is_blank
from repwatch.ingest.metadata import Metadata, build_report, clean, parse_date
from repwatch.model import Report

_STRING_FIELDS = ("title", "publisher", "url", "language")


def read_jsonl(
    text: str, *, source: str, metadata: Metadata, whole_document: bool = False
) -> Iterator[Report | InputError]:
    """Each record of a JSON Lines text as a Report, or as the InputError that says why not.

    With ``whole_document``, a text that parses as one JSON object or array is read as such.
    """
    if whole_document:
        document = _load_whole(text)
        if document is not None:
            records = document if isinstance(document, list) else [document]
            for number, record in enumerate(records, start=1):
                yield _attempt(record, source=f"{source} item {number}", metadata=metadata)
            return
    for number, line in enumerate(text.split("\n"), start=1):
        if is_blank(line):
            continue
        label = f"{source}:{number}"
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as exc:
            yield InputError(label, _json_reason(exc))
            continue
        yield _attempt(record, source=label, metadata=metadata)


def _load_whole(text: str) -> Any:
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None  # not one document: JSON Lines, or malformed lines reported one by one


def _json_reason(exc: BaseException) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"malformed JSON ({exc.msg} at column {exc.colno})"
    return "malformed JSON"


def _attempt(record: Any, *, source: str, metadata: Metadata) -> Report | InputError:
    try:
        return read_record(record, source=source, metadata=metadata)
    except InputError as exc:
        return exc


def read_record(record: Any, *, source: str, metadata: Metadata) -> Report:
    """The Report of one record in the reports shape; InputError if it is not one."""
    if not isinstance(record, dict):
        raise InputError(source, "not a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or is_blank(text):
        raise InputError(source, 'missing or empty "text"')
    values: dict[str, Any] = {}
    for key in _STRING_FIELDS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(source, f'"{key}" must be a string or null')
        values[key] = clean(value)
    values["published"] = _published(record.get("published"), source=source)
    external_id = record.get("id")
    if external_id is not None and (
        isinstance(external_id, bool) or not isinstance(external_id, str | int)
    ):
        raise InputError(source, '"id" must be a string, a number or null')
    line_metadata = Metadata(**values).fill(metadata)
    return build_report(
        text,
        line_metadata,
        origin=source,
        source_format="jsonl",
        external_id=clean(str(external_id)) if external_id is not None else None,
    )


def _published(value: Any, *, source: str) -> dt.date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    date = parse_date(value) if isinstance(value, str) else None
    if date is None:
        raise InputError(source, '"published" is not an ISO date (YYYY-MM-DD) or null')
    return date
