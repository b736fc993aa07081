"""Ingesting through the web: upload files or paste a text, then extract what came in.

Uploads go through the same readers as ``repwatch ingest`` (formats, decoders, size
limit, messages): each is written to a private temporary folder and read from there
under the name the browser gave it, so that every message names the file. A file or a
paste that cannot be used is reported with its reason; the rest of the batch goes in.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from repwatch import ingest
from repwatch.errors import InputError, RepwatchError
from repwatch.jobs import extract_into
from repwatch.model import Report
from repwatch.protect.roles import Permission
from repwatch.store import Store, User
from repwatch.web.auth import require, store_of
from repwatch.web.templating import render

router = APIRouter()

Ingester = Annotated[User, Depends(require(Permission.INGEST))]

PASTE = "pasted text"  # how messages name the paste
MAX_BYTES = ingest.DEFAULT_MAX_BYTES
Format = Literal["text", "markdown", "html", "auto"]
# The name a paste is read under decides its format; no extension: recognised from content.
_PASTE_FILES: dict[str, str] = {"text": "paste.txt", "markdown": "paste.md", "html": "paste.html"}
_SUFFIX = re.compile(r"^\.[A-Za-z0-9]{1,10}$")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
_LABEL_CHARS = 200


# --- the batch -----------------------------------------------------------------------


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


def _save_upload(upload: UploadFile, folder: Path, number: int, max_bytes: int) -> ingest.Source:
    """The upload written to its own file in ``folder``; its extension kept, as it
    decides the format. Raises InputError when it is over the limit."""
    label = upload_label(upload.filename, number)
    if upload.size is not None and upload.size > max_bytes:
        raise InputError(label, f"file is over the {_megabytes(max_bytes)} limit for one file")
    suffix = Path(label).suffix
    path = folder / f"upload-{number}{suffix if _SUFFIX.match(suffix) else ''}"
    with path.open("wb") as out:
        # One byte past the limit is enough for the reader to refuse it.
        shutil.copyfileobj(_limited(upload, max_bytes + 1), out)
    return ingest.Source(path, label)


class _limited:
    """A reader of at most ``limit`` bytes of an upload."""

    def __init__(self, upload: UploadFile, limit: int) -> None:
        self.file, self.left = upload.file, limit

    def read(self, size: int = -1) -> bytes:
        size = self.left if size < 0 else min(size, self.left)
        data = self.file.read(size) if size > 0 else b""
        self.left -= len(data)
        return data


def _megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):g} MB"


def ingest_batch(
    store: Store,
    uploads: Sequence[UploadFile],
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


# --- the page --------------------------------------------------------------------------


def _text(value: str | None) -> str | None:
    """``value`` with its whitespace folded; None when nothing is left."""
    folded = " ".join((value or "").split())
    return folded or None


def paste_metadata(
    *,
    title: str | None,
    publisher: str | None,
    published: str | None,
    url: str | None,
    language: str | None,
) -> ingest.Metadata:
    """The metadata typed beside a paste; InputError names the field that is wrong."""
    day = None
    if _text(published):
        try:
            day = dt.date.fromisoformat((published or "").strip())
        except ValueError:
            raise InputError(PASTE, "the published date is not a date like 2019-11-21") from None
    link = _text(url)
    if link and not re.match(r"^https?://\S+$", link, re.I):
        raise InputError(PASTE, "the URL does not start with http:// or https://")
    code = _text(language)
    if code and not _LANGUAGE.match(code):
        raise InputError(PASTE, "the language is not a code like en or ko")
    return ingest.Metadata(
        title=_text(title),
        publisher=_text(publisher),
        published=day,
        url=link,
        language=code.lower() if code else None,
    )


def _form(request: Request, *, error: str | None = None, status_code: int = 200) -> Response:
    context = {"error": error, "max_size": _megabytes(MAX_BYTES), "result": None}
    return render(request, "ingest/form.html", context, status_code=status_code)


@router.get("/ingest", include_in_schema=False)
def ingest_page(request: Request, user: Ingester) -> Response:
    return _form(request)


@router.post("/ingest", include_in_schema=False)
def ingest_form(
    request: Request,
    user: Ingester,
    files: Annotated[list[UploadFile] | None, File()] = None,
    text: Annotated[str, Form()] = "",
    title: Annotated[str, Form(max_length=1000)] = "",
    publisher: Annotated[str, Form(max_length=200)] = "",
    published: Annotated[str, Form(max_length=40)] = "",
    url: Annotated[str, Form(max_length=2000)] = "",
    language: Annotated[str, Form(max_length=16)] = "",
    format: Annotated[Format, Form()] = "text",
) -> Response:
    # A browser sends an empty, nameless part for a file input left empty.
    uploads = [f for f in files or [] if f.filename or (f.size or 0) > 0]
    described = any(v.strip() for v in (title, publisher, published, url, language))
    if not uploads and not text and not described:
        return _form(
            request, error="Choose a file to upload or paste a report's text.", status_code=400
        )
    paste: Paste | None = None
    early: list[RepwatchError] = []
    if text or described:
        try:
            metadata = paste_metadata(
                title=title, publisher=publisher, published=published, url=url, language=language
            )
            paste = Paste(text, metadata, format)
        except InputError as exc:
            early.append(exc)
    result = ingest_batch(store_of(request), uploads, paste)
    result.failed[:0] = early
    context = {"result": result, "error": None, "max_size": _megabytes(MAX_BYTES)}
    return render(request, "ingest/form.html", context)


# --- the API ---------------------------------------------------------------------------


class ReportIn(BaseModel):
    """A report's text and what is known about it."""

    text: str = Field(min_length=1, max_length=MAX_BYTES)
    title: str | None = Field(default=None, max_length=1000)
    publisher: str | None = Field(default=None, max_length=200)
    published: dt.date | None = None
    url: str | None = Field(default=None, max_length=2000, pattern=r"^https?://\S+$")
    language: str | None = Field(default=None, pattern=_LANGUAGE.pattern)
    format: Format = Field(default="text", description="how to read the text")


class IngestedOut(BaseModel):
    id: str
    new: bool  # false when the same text was already stored
    extracted: bool
    incident_ids: list[int]


@router.post(
    "/api/v1/reports",
    response_model=IngestedOut,
    status_code=201,
    tags=["reports"],
    responses={200: {"model": IngestedOut, "description": "The same text was already stored"}},
)
def add_report_api(request: Request, user: Ingester, report: ReportIn) -> Response:
    """Store a report and extract its incidents: 201 when new, 200 when the same text
    was already stored."""
    metadata = ingest.Metadata(
        title=_text(report.title),
        publisher=_text(report.publisher),
        published=report.published,
        url=report.url,
        language=report.language.lower() if report.language else None,
    )
    store = store_of(request)
    result = ingest_batch(store, [], Paste(report.text, metadata, report.format))
    if not (result.new or result.duplicate):
        raise result.failed[0] if result.failed else InputError(PASTE, "no report in the text")
    stored = (result.new or result.duplicate)[0]
    backed = store.incidents_of_reports([stored.id]).get(stored.id, [])
    out = IngestedOut(
        id=stored.id,
        new=bool(result.new),
        extracted=store.extraction_of(stored.id) is not None,
        incident_ids=backed,
    )
    return JSONResponse(out.model_dump(mode="json"), status_code=201 if result.new else 200)
