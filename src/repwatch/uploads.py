"""Ingesting what a browser sends: uploaded files and pasted text, then extracting
the new reports.

Uploads go through the same readers as ``repwatch ingest`` (formats, decoders, size
limit, messages): each is written to a private temporary folder and read from there
under the name the browser gave it, so that every message names the file. A file or a
paste that cannot be used is reported with its reason; the rest of the batch goes in.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Literal, Protocol

from repwatch import ingest
from repwatch.errors import InputError, RepwatchError
from repwatch.jobs import extract_into
from repwatch.model import Report
from repwatch.store import Store

PASTE = "pasted text"  # how messages name the paste
MAX_BYTES = ingest.DEFAULT_MAX_BYTES
Format = Literal["text", "markdown", "html", "auto"]
# The name a paste is read under decides its format; no extension: recognised from content.
_PASTE_FILES: dict[str, str] = {"text": "paste.txt", "markdown": "paste.md", "html": "paste.html"}
_SUFFIX = re.compile(r"^\.[A-Za-z0-9]{1,10}$")
_LABEL_CHARS = 200


class Upload(Protocol):
    """An uploaded file as a web framework hands it over (FastAPI's UploadFile is one)."""

    filename: str | None
    size: int | None
    file: BinaryIO


@dataclass(frozen=True)
class Paste:
    text: str
    metadata: ingest.Metadata
    format: Format = "text"


@dataclass(frozen=True)
class Stored:
    """A report the batch stored, or found already stored."""

    id: str
    label: str  # the file (or "pasted text") it came from
    title: str | None


@dataclass
class IngestResult:
    new: list[Stored] = field(default_factory=list)
    duplicate: list[Stored] = field(default_factory=list)
    failed: list[RepwatchError] = field(default_factory=list)
    incident_ids: list[int] = field(default_factory=list)  # the incidents the new reports back


def upload_label(filename: str | None, number: int) -> str:
    """The name messages give an upload: its base name as the browser sent it."""
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1].strip()
    return name[:_LABEL_CHARS] or f"upload {number}"


def _save_upload(upload: Upload, folder: Path, number: int, max_bytes: int) -> ingest.Source:
    """The upload written to its own file in ``folder``; its extension kept, as it
    decides the format. Raises InputError when it is over the limit."""
    label = upload_label(upload.filename, number)
    if upload.size is not None and upload.size > max_bytes:
        raise InputError(label, f"file is over the {megabytes(max_bytes)} limit for one file")
    suffix = Path(label).suffix
    path = folder / f"upload-{number}{suffix if _SUFFIX.match(suffix) else ''}"
    with path.open("wb") as out:
        # One byte past the limit is enough for the reader to refuse it.
        shutil.copyfileobj(_limited(upload, max_bytes + 1), out)
    return ingest.Source(path, label)


class _limited:
    """A reader of at most ``limit`` bytes of an upload."""

    def __init__(self, upload: Upload, limit: int) -> None:
        self.file, self.left = upload.file, limit

    def read(self, size: int = -1) -> bytes:
        size = self.left if size < 0 else min(size, self.left)
        data = self.file.read(size) if size > 0 else b""
        self.left -= len(data)
        return data


def megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):g} MB"


def ingest_batch(
    store: Store,
    uploads: Sequence[Upload],
    paste: Paste | None,
    *,
    max_bytes: int = MAX_BYTES,
) -> IngestResult:
    """Store each upload's reports and the paste's, then extract the new ones."""
    result = IngestResult()

    def store_report(report: Report) -> bool:
        is_new = store.add_report(report)
        done = Stored(report.id, report.origin or "", report.title)
        (result.new if is_new else result.duplicate).append(done)
        return is_new

    with tempfile.TemporaryDirectory(prefix="repwatch-upload-") as temporary:
        folder = Path(temporary)
        sources: list[ingest.Source] = []
        for number, upload in enumerate(uploads, start=1):
            try:
                sources.append(_save_upload(upload, folder, number, max_bytes))
            except InputError as exc:
                result.failed.append(exc)
        summary = ingest.ingest(
            sources, store_report, metadata=ingest.Metadata(), max_bytes=max_bytes
        )
        result.failed.extend(summary.failed)
        if paste is not None and not paste.text.strip():
            result.failed.append(InputError(PASTE, "empty text: nothing was pasted"))
        elif paste is not None:
            # Written as a file, so that a paste is read exactly as an uploaded one.
            path = folder / _PASTE_FILES.get(paste.format, "paste")
            path.write_text(paste.text, encoding="utf-8")
            pasted = [ingest.Source(path, PASTE)]
            summary = ingest.ingest(
                pasted, store_report, metadata=paste.metadata, max_bytes=max_bytes
            )
            result.failed.extend(summary.failed)
    new_ids = [stored.id for stored in result.new]
    if new_ids:  # extract_into with no ids would extract every report not yet extracted
        extraction = extract_into(store, new_ids)
        result.failed.extend(error for _, error in extraction.failed)
        backed = store.incidents_of_reports(new_ids)
        result.incident_ids = sorted({i for ids in backed.values() for i in ids})
    return result
