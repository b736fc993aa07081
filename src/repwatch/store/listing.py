"""Listing incidents: the criteria of a query as SQL, and one page of matches with their total.

The same criteria serve the command line, the web pages, the API and the
downloads, so that a filtered list, its page and its export always agree.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Select,
    exists,
    func,
    or_,
    select,
    text,
)

from repwatch.model import Act, Incident, IncidentStatus, Modality
from repwatch.store import rows
from repwatch.store.tables import incident_acts, incident_mentions, incidents, mentions, reports


@dataclass(frozen=True, kw_only=True)
class IncidentQuery:
    """Which incidents to list; every criterion is optional."""

    since: dt.date | None = None  # the incident may have happened on or after
    until: dt.date | None = None  # … on or before
    place: str | None = None  # part of the place name, its province, or its gazetteer id
    act: Act | None = None
    modality: Modality | None = None
    status: IncidentStatus | None = None
    min_victims: int | None = None  # the largest count stated, else the smallest
    search: str | None = None  # words in the title or text of a report backing it
    limit: int | None = None
    offset: int = 0


@dataclass(frozen=True, kw_only=True)
class Paging:
    """Where a page stands among all the matches."""

    total: int
    page: int  # from 1
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))


@dataclass(frozen=True, kw_only=True)
class IncidentPage(Paging):
    """One page of the incidents a query matches, and how many match in all."""

    incidents: list[Incident]


def search_terms(words: str) -> str:
    """An FTS5 query for ``words``: each quoted, so that input is never read as query
    syntax, and matched as a prefix ("arrest" finds "arrested", 단둥 finds 단둥에서)."""
    return " ".join('"' + w.replace('"', '""') + '"*' for w in words.split())


def _backed_by(matching: Select[Any]) -> Select[Any]:
    """The incidents backed by the reports whose ids ``matching`` selects."""
    return (
        select(incident_mentions.c.incident_id)
        .join(mentions, mentions.c.id == incident_mentions.c.mention_id)
        .where(mentions.c.report_id.in_(matching))
    )


def searched(words: str, *, sqlite: bool) -> Select[Any]:
    """The ids of the incidents backed by a report holding every word (as a prefix)."""
    if sqlite:
        matching = select(reports.c.id).where(
            text(
                "reports.rowid IN (SELECT rowid FROM report_fts WHERE report_fts MATCH :terms)"
            ).bindparams(terms=search_terms(words))
        )
    else:
        matching = select(reports.c.id).where(
            *(
                or_(reports.c.text.ilike(f"%{w}%"), reports.c.title.ilike(f"%{w}%"))
                for w in words.split()
            )
        )
    return _backed_by(matching)


def _like(column: Any, pattern: str, *, sqlite: bool) -> ColumnElement[bool]:
    # SQLite's LIKE ignores ASCII case as its lower() does, and reads no function per
    # row; elsewhere LIKE heeds case.
    return column.like(pattern) if sqlite else func.lower(column).like(pattern.lower())


def conditions(
    query: IncidentQuery, *, sqlite: bool, hits: Sequence[int] | None = None
) -> list[ColumnElement[bool]]:
    """The WHERE clauses of ``query`` (limit and offset aside). ``hits``: the incidents
    its search words found, when already looked up."""
    found: list[ColumnElement[bool]] = []
    if query.since:
        # An undated incident cannot be said to fall in a date range.
        found.append(incidents.c.date_hi >= query.since)
    if query.until:
        found.append(incidents.c.date_lo <= query.until)
    if query.place and query.place.strip():
        pattern = f"%{query.place.strip()}%"
        found.append(
            or_(
                *(
                    _like(column, pattern, sqlite=sqlite)
                    for column in (incidents.c.place_name, incidents.c.admin1, incidents.c.place_id)
                )
            )
        )
    if query.act:
        # A probe of the acts' primary key per incident: SQLite can then walk the
        # date index for a page instead of gathering every incident with the act.
        found.append(
            exists().where(
                incident_acts.c.incident_id == incidents.c.id,
                incident_acts.c.act == query.act.value,
            )
        )
    if query.modality:
        found.append(incidents.c.modality == query.modality.value)
    if query.status:
        found.append(incidents.c.status == query.status.value)
    else:  # a merged incident lives on in the one it was merged into
        found.append(incidents.c.status != IncidentStatus.MERGED.value)
    if query.min_victims is not None:
        found.append(
            func.coalesce(incidents.c.victims_max, incidents.c.victims_min, -1) >= query.min_victims
        )
    if hits is not None:
        found.append(incidents.c.id.in_(_id_list(hits, sqlite=sqlite)))
    elif query.search and query.search.strip():
        found.append(incidents.c.id.in_(searched(query.search, sqlite=sqlite)))
    return found


def _id_list(ids: Sequence[int], *, sqlite: bool) -> Any:
    if sqlite:  # one parameter however many: SQLite caps the number of parameters
        each = func.json_each(json.dumps(list(ids))).table_valued("value")
        return select(each.c.value)
    return list(ids)


def oldest_first(
    query: IncidentQuery, *, sqlite: bool, hits: Sequence[int] | None = None
) -> Select[Any]:
    """The matching incident rows in date order, undated last (the command line's order)."""
    statement = (
        select(incidents)
        .where(*conditions(query, sqlite=sqlite, hits=hits))
        .order_by(incidents.c.date_lo.is_(None), incidents.c.date_lo, incidents.c.id)
        .offset(query.offset)
    )
    return statement if query.limit is None else statement.limit(query.limit)


def newest_first(
    query: IncidentQuery, *, sqlite: bool, hits: Sequence[int] | None = None
) -> Select[Any]:
    """The matching incident rows, the most recent first and undated last."""
    # nulls_last is SQLite's own order for DESC, so its date index serves the sort.
    statement = (
        select(incidents)
        .where(*conditions(query, sqlite=sqlite, hits=hits))
        .order_by(incidents.c.date_lo.desc().nulls_last(), incidents.c.id.desc())
        .offset(query.offset)
    )
    return statement if query.limit is None else statement.limit(query.limit)


def count(
    conn: Connection, query: IncidentQuery, *, sqlite: bool, hits: Sequence[int] | None = None
) -> int:
    where = conditions(query, sqlite=sqlite, hits=hits)
    return int(conn.execute(select(func.count()).select_from(incidents).where(*where)).scalar_one())


# On SQLite the matching reports' rowids lead straight to their incidents through
# report_fts_incidents (migration 0005), without reading the reports' rows.
_SEARCH_SQLITE = text(
    "SELECT report_fts_incidents.incident_id FROM report_fts "
    "JOIN report_fts_incidents ON report_fts_incidents.report_rowid = report_fts.rowid "
    "WHERE report_fts MATCH :terms"
)


def _hits(conn: Connection, query: IncidentQuery) -> list[int] | None:
    """The incidents ``query``'s search words find in SQLite; None without words."""
    if not (query.search and query.search.strip()):
        return None
    found = conn.execute(_SEARCH_SQLITE, {"terms": search_terms(query.search)}).scalars()
    return sorted(set(found))


class Listing:
    """Listing incidents, as methods of the store."""

    engine: Engine

    def _sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def list_incidents(self, query: IncidentQuery | None = None) -> list[Incident]:
        """Every incident ``query`` matches, oldest first (undated last)."""
        query, sqlite = query or IncidentQuery(), self._sqlite()
        with self.engine.connect() as conn:
            hits = _hits(conn, query) if sqlite else None
            statement = oldest_first(query, sqlite=sqlite, hits=hits)
            return rows.incidents_from_rows(conn, conn.execute(statement).all())

    def page_incidents(
        self, query: IncidentQuery | None = None, *, page: int = 1, per_page: int = 50
    ) -> IncidentPage:
        """Page ``page`` (from 1) of the incidents ``query`` matches, newest first, with
        their total. ``query``'s own limit and offset are ignored."""
        query = query or IncidentQuery()
        page, per_page = max(1, page), max(1, per_page)
        window = replace(query, limit=per_page, offset=(page - 1) * per_page)
        sqlite = self._sqlite()
        with self.engine.connect() as conn:
            # The count and the page share one search: SQLite would run it for each.
            hits = _hits(conn, query) if sqlite else None
            total = count(conn, query, sqlite=sqlite, hits=hits)
            found = conn.execute(newest_first(window, sqlite=sqlite, hits=hits)).all()
            return IncidentPage(
                incidents=rows.incidents_from_rows(conn, found),
                total=total,
                page=page,
                per_page=per_page,
            )

    def count_matching(self, query: IncidentQuery | None = None) -> int:
        """How many incidents ``query`` matches (its limit and offset aside)."""
        query, sqlite = query or IncidentQuery(), self._sqlite()
        with self.engine.connect() as conn:
            hits = _hits(conn, query) if sqlite else None
            return count(conn, query, sqlite=sqlite, hits=hits)
