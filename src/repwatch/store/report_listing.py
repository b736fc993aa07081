"""Reading reports for people: a page of them with the incidents each backs, a search
with snippets, and one report's mentions and extraction record.

A page never loads report texts (they can be long); a search loads only its snippets.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, func, or_, select, text

from repwatch.model import Mention
from repwatch.store import rows
from repwatch.store.listing import Paging, search_terms
from repwatch.store.tables import extractions, incident_mentions, mentions, reports

# Snippet markers: control characters that report text does not hold, so that the
# matched words can be told from the text's own brackets when the snippet is shown.
MATCH_START = "\x02"
MATCH_END = "\x03"
_SNIPPET_WORDS = 16
_SNIPPET_CHARS = 80  # either side of the first match, where the database has no snippet()


@dataclass(frozen=True)
class ReportSummary:
    """What a list of reports shows of one: its metadata, never its text."""

    id: str
    title: str | None
    publisher: str | None
    published: dt.date | None
    language: str | None
    url: str | None
    external_id: str | None
    ingested_at: dt.datetime
    incident_ids: tuple[int, ...] = ()
    # A search's excerpt, the matched words between MATCH_START and MATCH_END.
    snippet: str | None = None


@dataclass(frozen=True, kw_only=True)
class ReportPage(Paging):
    """One page of reports, newest first (or best match first for a search), and the total."""

    reports: list[ReportSummary]


@dataclass(frozen=True)
class Extraction:
    """The record of a report's last extraction."""

    extractor: str
    extracted_at: dt.datetime
    mention_count: int


@dataclass(frozen=True)
class ReportMention:
    """A mention found in a report, and the incident it went to (None if it has none)."""

    mention: Mention
    incident_id: int | None


_SUMMARY_COLUMNS = (
    reports.c.id,
    reports.c.title,
    reports.c.publisher,
    reports.c.published,
    reports.c.language,
    reports.c.url,
    reports.c.external_id,
    reports.c.ingested_at,
)


def _summary(row: Any, incident_ids: Sequence[int], snippet: str | None) -> ReportSummary:
    return ReportSummary(
        id=row.id,
        title=row.title,
        publisher=row.publisher,
        published=row.published,
        language=row.language,
        url=row.url,
        external_id=row.external_id,
        ingested_at=row.ingested_at,
        incident_ids=tuple(incident_ids),
        snippet=snippet,
    )


def incidents_backed(conn: Connection, report_ids: Sequence[str]) -> dict[str, list[int]]:
    """The incidents each report's mentions went to, by report id, in id order."""
    found: dict[str, set[int]] = defaultdict(set)
    for chunk in rows.chunks(report_ids, 500):
        pairs = conn.execute(
            select(mentions.c.report_id, incident_mentions.c.incident_id)
            .join(incident_mentions, incident_mentions.c.mention_id == mentions.c.id)
            .where(mentions.c.report_id.in_(chunk))
        )
        for report_id, incident_id in pairs:
            found[report_id].add(incident_id)
    return {report_id: sorted(ids) for report_id, ids in found.items()}


# FTS5 picks the column (title or text) that matched best for the snippet (-1).
_SEARCH_SQLITE = text(
    "SELECT reports.id, snippet(report_fts, -1, :start, :end, '…', :words) AS snippet "
    "FROM report_fts JOIN reports ON reports.rowid = report_fts.rowid "
    "WHERE report_fts MATCH :terms ORDER BY rank, reports.id LIMIT :limit OFFSET :offset"
)
_COUNT_SQLITE = text("SELECT count(*) FROM report_fts WHERE report_fts MATCH :terms")


def window_snippet(report_text: str, words: Sequence[str]) -> str:
    """An excerpt around the first of ``words`` in ``report_text`` (case ignored), marked
    as FTS5 marks its snippets; the start of the text when none is found."""
    folded = report_text.casefold()
    places = [(folded.find(w.casefold()), w) for w in words if w]
    places = [(at, w) for at, w in places if at >= 0]
    if not places:
        return report_text[: 2 * _SNIPPET_CHARS]
    at, word = min(places)
    start, end = max(0, at - _SNIPPET_CHARS), min(len(report_text), at + len(word) + _SNIPPET_CHARS)
    return (
        ("…" if start else "")
        + report_text[start:at]
        + MATCH_START
        + report_text[at : at + len(word)]
        + MATCH_END
        + report_text[at + len(word) : end]
        + ("…" if end < len(report_text) else "")
    )


class ReportListing:
    """Reports as people browse them, as methods of the store."""

    engine: Engine

    def page_reports(
        self, *, page: int = 1, per_page: int = 50, search: str | None = None
    ) -> ReportPage:
        """Page ``page`` (from 1) of the stored reports, the most recently published first
        (undated last); with ``search``, those holding every word (as a prefix), best first,
        each with a snippet."""
        page, per_page = max(1, page), max(1, per_page)
        offset = (page - 1) * per_page
        if search and search.split():
            return self._search_page(search, page=page, per_page=per_page)
        with self.engine.connect() as conn:
            total = int(conn.execute(select(func.count()).select_from(reports)).scalar_one())
            found = conn.execute(
                select(*_SUMMARY_COLUMNS)
                .order_by(reports.c.published.is_(None), reports.c.published.desc(), reports.c.id)
                .limit(per_page)
                .offset(offset)
            ).all()
            backed = incidents_backed(conn, [r.id for r in found])
        summaries = [_summary(r, backed.get(r.id, []), None) for r in found]
        return ReportPage(reports=summaries, total=total, page=page, per_page=per_page)

    def _search_page(self, search: str, *, page: int, per_page: int) -> ReportPage:
        offset = (page - 1) * per_page
        with self.engine.connect() as conn:
            if self.engine.dialect.name == "sqlite":
                terms = search_terms(search)
                total = int(conn.execute(_COUNT_SQLITE, {"terms": terms}).scalar_one())
                hits = conn.execute(
                    _SEARCH_SQLITE,
                    {
                        "terms": terms,
                        "start": MATCH_START,
                        "end": MATCH_END,
                        "words": _SNIPPET_WORDS,
                        "limit": per_page,
                        "offset": offset,
                    },
                ).all()
                snippets = {hit.id: hit.snippet for hit in hits}
            else:
                snippets = _search_elsewhere(conn, search, limit=per_page, offset=offset)
                total = _count_elsewhere(conn, search)
            ids = list(snippets)
            found = {
                r.id: r
                for r in conn.execute(select(*_SUMMARY_COLUMNS).where(reports.c.id.in_(ids)))
            }
            backed = incidents_backed(conn, ids)
        summaries = [_summary(found[i], backed.get(i, []), snippets[i]) for i in ids if i in found]
        return ReportPage(reports=summaries, total=total, page=page, per_page=per_page)

    def report_mentions(self, report_id: str) -> list[ReportMention]:
        """The mentions extraction found in a report, in the order they were stored."""
        with self.engine.connect() as conn:
            found = conn.execute(
                select(
                    mentions.c.id,
                    rows.DATA_TEXT,
                    mentions.c.sealed,
                    incident_mentions.c.incident_id,
                )
                .outerjoin(incident_mentions, incident_mentions.c.mention_id == mentions.c.id)
                .where(mentions.c.report_id == report_id)
                .order_by(mentions.c.id)
            ).all()
        return [
            ReportMention(rows.mention_from_json(r.id, r.data, r.sealed), r.incident_id)
            for r in found
        ]

    def incidents_of_reports(self, report_ids: Sequence[str]) -> dict[str, list[int]]:
        """The incidents each report backs, by report id (reports backing none left out)."""
        with self.engine.connect() as conn:
            return incidents_backed(conn, report_ids)

    def extraction_of(self, report_id: str) -> Extraction | None:
        """When and by what a report was last extracted; None if it never was."""
        with self.engine.connect() as conn:
            row = conn.execute(
                select(extractions).where(extractions.c.report_id == report_id)
            ).first()
        if row is None:
            return None
        return Extraction(row.extractor, row.extracted_at, row.mention_count)


def _matching_elsewhere(search: str) -> list[Any]:
    # Without FTS5 (PostgreSQL): every word somewhere in the title or the text.
    return [
        or_(reports.c.text.ilike(f"%{w}%"), reports.c.title.ilike(f"%{w}%")) for w in search.split()
    ]


def _search_elsewhere(conn: Connection, search: str, *, limit: int, offset: int) -> dict[str, str]:
    found = conn.execute(
        select(reports.c.id, reports.c.text)
        .where(*_matching_elsewhere(search))
        .order_by(reports.c.published.is_(None), reports.c.published.desc(), reports.c.id)
        .limit(limit)
        .offset(offset)
    ).all()
    return {r.id: window_snippet(r.text, search.split()) for r in found}


def _count_elsewhere(conn: Connection, search: str) -> int:
    statement = select(func.count()).select_from(reports).where(*_matching_elsewhere(search))
    return int(conn.execute(statement).scalar_one())
