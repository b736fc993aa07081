"""The reports: a list with full-text search, one report with its evidence highlighted,
and the same under /api/v1/reports. Report texts are sensitive: analysts and admins only.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from markupsafe import Markup, escape
from pydantic import BaseModel

from repwatch.model import EvidenceSpan, Mention
from repwatch.protect.roles import Permission
from repwatch.store import Store, User
from repwatch.store.report_listing import MATCH_END, MATCH_START, ReportPage, ReportSummary
from repwatch.web.auth import require, settings_of, store_of
from repwatch.web.highlight import highlight, mention_marks
from repwatch.web.templating import render

router = APIRouter()

Analyst = Annotated[User, Depends(require(Permission.VIEW_SENSITIVE))]
Page = Annotated[int, Query(ge=1, le=1_000_000, description="page number, from 1")]
PerPage = Annotated[int | None, Query(ge=1, le=500, description="reports per page")]
Search = Annotated[str | None, Query(max_length=200, description="words in titles or texts")]

_MARKERS = re.compile(f"([{MATCH_START}{MATCH_END}])")


# --- shared by the page and the API ----------------------------------------------------


def _page(request: Request, page: int, per_page: int | None, q: str | None) -> ReportPage:
    size = per_page or settings_of(request).page_size
    search = q.strip() if q and q.strip() else None
    return store_of(request).page_reports(page=page, per_page=size, search=search)


def snippet_markup(snippet: str) -> Markup:
    """A search snippet with its matched words in <mark>: the text is split at the
    markers and every piece escaped, so nothing in it is ever read as markup."""
    pieces: list[Markup] = []
    inside = False
    for piece in _MARKERS.split(snippet):
        if piece in (MATCH_START, MATCH_END):
            inside = piece == MATCH_START
        elif piece:
            pieces.append(Markup("<mark>{}</mark>").format(piece) if inside else escape(piece))
    return Markup("").join(pieces)


def web_link(url: str | None) -> str | None:
    """``url`` when it is safe to link to (http or https); a javascript: or data: URL
    from a report file must never become a link."""
    if url and urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return url.strip()
    return None


# --- the API ---------------------------------------------------------------------------


class ReportItemOut(BaseModel):
    id: str
    title: str | None
    publisher: str | None
    published: dt.date | None
    language: str | None
    url: str | None
    incident_ids: list[int]


class ReportListOut(BaseModel):
    total: int
    page: int
    per_page: int
    reports: list[ReportItemOut]


class ExtractionOut(BaseModel):
    extractor: str
    extracted_at: dt.datetime
    mention_count: int


class ReportMentionOut(BaseModel):
    """A mention as found in the report, every value with its evidence spans."""

    incident_id: int | None
    mention: Mention


class ReportOut(ReportItemOut):
    external_id: str | None
    origin: str | None
    source_format: str | None
    ingested_at: dt.datetime | None
    text: str
    extraction: ExtractionOut | None
    mentions: list[ReportMentionOut]


def _item(report: ReportSummary) -> ReportItemOut:
    return ReportItemOut.model_validate(report, from_attributes=True)


@router.get("/api/v1/reports", response_model=ReportListOut, tags=["reports"])
def list_reports_api(
    request: Request, user: Analyst, page: Page = 1, per_page: PerPage = None, q: Search = None
) -> ReportListOut:
    """Stored reports, newest first; with ``q``, those holding every word, best first."""
    found = _page(request, page, per_page, q)
    return ReportListOut(
        total=found.total,
        page=found.page,
        per_page=found.per_page,
        reports=[_item(r) for r in found.reports],
    )


@router.get("/api/v1/reports/{report_id}", response_model=ReportOut, tags=["reports"])
def report_api(request: Request, user: Analyst, report_id: str) -> ReportOut:
    """One report (by id, unique id prefix or corpus id) with its text and the mentions
    found in it."""
    store = store_of(request)
    report = store.get_report(report_id)
    found = store.report_mentions(report.id)
    extraction = store.extraction_of(report.id)
    return ReportOut(
        **report.model_dump(include=set(ReportOut.model_fields)),
        incident_ids=sorted({m.incident_id for m in found if m.incident_id is not None}),
        extraction=ExtractionOut(**vars(extraction)) if extraction else None,
        mentions=[ReportMentionOut(incident_id=m.incident_id, mention=m.mention) for m in found],
    )


# --- the pages -------------------------------------------------------------------------


def _page_link(page: int, per_page: int | None, q: str | None) -> str:
    values = {"q": q or None, "per_page": per_page, "page": page if page > 1 else None}
    query = urlencode({k: v for k, v in values.items() if v is not None})
    return "/reports" + (f"?{query}" if query else "")


@router.get("/reports", include_in_schema=False)
def reports_page(
    request: Request, user: Analyst, page: Page = 1, per_page: PerPage = None, q: Search = None
) -> Response:
    found = _page(request, page, per_page, q)
    search = q.strip() if q else ""
    return render(
        request,
        "reports/list.html",
        {
            "found": found,
            "q": search,
            "snippet": snippet_markup,
            "previous": _page_link(page - 1, per_page, search) if page > 1 else None,
            "next": _page_link(page + 1, per_page, search) if page < found.pages else None,
        },
    )


def _spans_text(spans: tuple[EvidenceSpan, ...]) -> str:
    return " … ".join(span.text for span in spans)


@router.get("/reports/{report_id}", include_in_schema=False)
def report_page(request: Request, user: Analyst, report_id: str) -> Response:
    store: Store = store_of(request)
    report = store.get_report(report_id)
    found = store.report_mentions(report.id)
    marks = [mark for m in found for mark in mention_marks(m.mention, sensitive=True)]
    return render(
        request,
        "reports/view.html",
        {
            "report": report,
            "link": web_link(report.url),
            "text": highlight(report.text, marks),
            "mentions": found,
            "incident_ids": sorted({m.incident_id for m in found if m.incident_id is not None}),
            "extraction": store.extraction_of(report.id),
            "spans_text": _spans_text,
        },
    )
