"""Ingesting through the web: upload files or paste a text, then extract what came in
(the batch itself is ``repwatch.uploads``)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from repwatch import ingest
from repwatch.errors import InputError, RepwatchError
from repwatch.protect.roles import Permission
from repwatch.store import User
from repwatch.uploads import MAX_BYTES, PASTE, Format, Paste, ingest_batch, megabytes
from repwatch.web.auth import require, store_of
from repwatch.web.templating import render

router = APIRouter()

Ingester = Annotated[User, Depends(require(Permission.INGEST))]

_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


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
    context = {"error": error, "max_size": megabytes(MAX_BYTES), "result": None}
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
    context = {"result": result, "error": None, "max_size": megabytes(MAX_BYTES)}
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
