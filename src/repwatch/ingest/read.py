"""One source to Reports: read its bytes within the size limit, decode, parse by format.

The size limit applies to every file, JSON Lines batches included (raise it with --max-size for
a large corpus); it is checked with ``stat`` before reading, and again while reading, for files
that grow and for pipes and standard input, whose size is not known in advance.
"""

from __future__ import annotations

import stat
import sys
from collections.abc import Iterator
from typing import BinaryIO

from repwatch.errors import InputError
from repwatch.ingest.decode import decode, is_blank
from repwatch.ingest.html import read_html
from repwatch.ingest.jsonl import read_jsonl
from repwatch.ingest.markdown import read_markdown
from repwatch.ingest.metadata import Metadata, build_report
from repwatch.ingest.sources import Source, sniff_format
from repwatch.model import Report

_KB = 1024
_MB = 1024 * 1024


def read_source(
    source: Source,
    *,
    metadata: Metadata,
    max_bytes: int,
    stdin: BinaryIO | None = None,
) -> Iterator[Report | InputError]:
    """The reports in ``source`` (many for JSON Lines), and an InputError for each that fails.

    Never raises InputError: a bad file or line is yielded, so the caller's batch goes on.
    ``stdin`` is read for the source "-" (``sys.stdin.buffer`` when not given).
    """
    try:
        data = _read_bytes(source, max_bytes=max_bytes, stdin=stdin)
        text = decode(data, source=source.label)
        if is_blank(text):
            raise InputError(source.label, "empty input" if source.is_stdin else "empty file")
        file_format = source.format or sniff_format(text)
    except InputError as exc:
        yield exc
        return
    if file_format == "jsonl":
        whole = source.path is not None and source.path.suffix.lower() == ".json"
        yield from read_jsonl(text, source=source.label, metadata=metadata, whole_document=whole)
        return
    try:
        yield _read_document(text, file_format, source=source.label, metadata=metadata)
    except InputError as exc:
        yield exc


def _read_document(text: str, file_format: str, *, source: str, metadata: Metadata) -> Report:
    found = Metadata()
    if file_format == "markdown":
        text, found = read_markdown(text, source=source)
    elif file_format == "html":
        text, found = read_html(text, source=source)
    if is_blank(text):
        raise InputError(source, "empty file (front matter only)")
    return build_report(text, metadata.fill(found), origin=source, source_format=file_format)


def _read_bytes(source: Source, *, max_bytes: int, stdin: BinaryIO | None) -> bytes:
    if source.path is None:
        stream = stdin if stdin is not None else sys.stdin.buffer
        try:
            data = stream.read(max_bytes + 1)
        except OSError as exc:
            raise InputError(source.label, _os_reason(exc)) from exc
        if len(data) > max_bytes:
            raise InputError(source.label, f"input is over the {_limit(max_bytes)}")
        return data
    try:
        info = source.path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise InputError(source.label, "is a folder, not a file")
        if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
            raise InputError(source.label, _too_big(info.st_size, max_bytes))
        with source.path.open("rb") as stream:
            data = stream.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(source.label, _os_reason(exc)) from exc
    if len(data) > max_bytes:
        raise InputError(source.label, f"file is over the {_limit(max_bytes)}")
    return data


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file or folder"
    if isinstance(exc, IsADirectoryError):
        return "is a folder, not a file"
    if isinstance(exc, PermissionError):
        return "cannot read: permission denied"
    return f"cannot read: {(exc.strerror or type(exc).__name__).lower()}"


def _too_big(size: int, max_bytes: int) -> str:
    return f"file is {_size(size, above=max_bytes)}, over the {_limit(max_bytes)}"


def _limit(max_bytes: int) -> str:
    return f"{_size(max_bytes)} limit (--max-size)"


def _size(n: int, *, above: int | None = None) -> str:
    """``n`` bytes for people: "6.2 MB", "12 KB", "900 bytes".

    With ``above``, shown precisely enough not to look equal to (or below) that limit.
    """
    unit, name = (_MB, "MB") if n >= _MB else (_KB, "KB") if n >= _KB else (1, "bytes")
    if unit == 1:
        return f"{n} bytes"
    if above is None:
        return f"{n // unit} {name}" if n % unit == 0 else f"{n / unit:.1f} {name}"
    for places in (1, 2, 3):
        shown = round(n / unit, places)
        if shown * unit > above:
            return f"{shown:.{places}f} {name}"
    return f"{n:,} bytes"
