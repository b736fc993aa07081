"""The store: reports, mentions and incidents in one database.

Each public method that writes runs in a transaction of its own, so a crash
leaves either the whole report (or extraction) or none of it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import Connection, Engine, delete, func, insert, or_, select, text
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from repwatch.errors import InputError, NotFound, StoreError
from repwatch.model import (
    Incident,
    IncidentStatus,
    Mention,
    Report,
)
from repwatch.store import engine as engines
from repwatch.store import rows, sealing
from repwatch.store.accounts import Accounts
from repwatch.store.audit import SYSTEM
from repwatch.store.linking import link_new
from repwatch.store.listing import IncidentQuery as IncidentQuery  # re-exported
from repwatch.store.listing import Listing, search_terms
from repwatch.store.report_listing import ReportListing
from repwatch.store.review import Reviewing
from repwatch.store.tables import (
    audit_log,
    extractions,
    incident_mentions,
    incident_overrides,
    incidents,
    mentions,
    reports,
)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Store(Reviewing, Accounts, Listing, ReportListing):
    """Reports, mentions and incidents in a SQLite or PostgreSQL database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str, *, migrate: bool = True) -> Store:
        """Open the database at ``url``, bringing its schema up to date."""
        engine = engines.make_engine(url)
        if migrate:
            engines.migrate(engine)
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    # --- reports ------------------------------------------------------------------

    def add_report(self, report: Report) -> bool:
        """Store a report; True if it was new, False if the same text was already stored."""
        values = report.model_dump(exclude={"ingested_at"})
        values["ingested_at"] = report.ingested_at or _now()
        try:
            with self.engine.begin() as conn:
                exists = conn.execute(select(reports.c.id).where(reports.c.id == report.id)).first()
                if exists:
                    return False
                conn.execute(insert(reports).values(**values))
        except IntegrityError:
            return False  # stored by a concurrent writer in the meantime
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot store report {report.id[:12]}: {_cause(exc)}") from exc
        return True

    def get_report(self, report_id: str) -> Report:
        """The report with this id, or with this unique id prefix or external id."""
        with self.engine.connect() as conn:
            row = conn.execute(select(reports).where(reports.c.id == report_id)).first()
            if row is None and report_id:
                rows = conn.execute(
                    select(reports)
                    .where(
                        or_(
                            reports.c.id.startswith(report_id.lower(), autoescape=True),
                            reports.c.external_id == report_id,
                        )
                    )
                    .limit(2)
                ).all()
                if len(rows) > 1:
                    raise InputError(report_id, "names more than one report; give more of the id")
                row = rows[0] if rows else None
        if row is None:
            raise NotFound(f"no report {report_id!r}")
        return Report.model_validate(row._asdict())

    def list_reports(self, *, limit: int | None = None, offset: int = 0) -> list[Report]:
        """Stored reports, the most recently published first (undated ones last)."""
        query = (
            select(reports)
            .order_by(reports.c.published.is_(None), reports.c.published.desc(), reports.c.id)
            .offset(offset)
        )
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            return [Report.model_validate(row._asdict()) for row in conn.execute(query)]

    def count_reports(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(reports)).scalar_one())

    def search_reports(self, query: str, *, limit: int = 50) -> list[tuple[str, str]]:
        """Full-text search: (report id, snippet) pairs, best first."""
        if not query.strip():
            return []
        if not self.is_sqlite:
            pattern = f"%{query}%"
            with self.engine.connect() as conn:
                rows = conn.execute(
                    select(reports.c.id, func.substr(reports.c.text, 1, 160))
                    .where(or_(reports.c.text.ilike(pattern), reports.c.title.ilike(pattern)))
                    .limit(limit)
                ).all()
            return [(r[0], r[1]) for r in rows]
        # Quote each term so that user input is never read as FTS5 query syntax, and
        # match it as a prefix: "arrest" finds "arrested", 단둥 finds 단둥에서.
        terms = search_terms(query)
        sql = text(
            "SELECT reports.id, snippet(report_fts, 1, '[', ']', '…', 12) "
            "FROM report_fts JOIN reports ON reports.rowid = report_fts.rowid "
            "WHERE report_fts MATCH :terms ORDER BY rank LIMIT :limit"
        )
        with self.engine.connect() as conn:
            rows = conn.execute(sql, {"terms": terms, "limit": limit}).all()
        return [(r[0], r[1]) for r in rows]

    # --- extraction -----------------------------------------------------------------

    def unextracted_report_ids(self) -> list[str]:
        """Reports that no extraction has been recorded for, oldest first."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(reports.c.id)
                .outerjoin(extractions, extractions.c.report_id == reports.c.id)
                .where(extractions.c.report_id.is_(None))
                .order_by(reports.c.ingested_at, reports.c.id)
            ).all()
        return [r[0] for r in rows]

    def save_extraction(
        self, report: Report, extractor: str, found: Sequence[Mention]
    ) -> list[int]:
        """Record what an extractor found in a report, and link it to incidents.

        One transaction: the mentions, the incidents they join or start, and the
        extraction record are written together or not at all. A re-extraction replaces
        the report's earlier mentions; an incident left with none goes too unless an
        analyst has reviewed it or set a field of it. Returns the ids of the incidents
        the new mentions went to.
        """
        report_id = report.id
        now = _now()
        try:
            with self.engine.begin() as conn:
                touched = self._forget_extraction(conn, report_id)
                stored: list[Mention] = []
                for mention in found:
                    data, sealed = sealing.split(mention)
                    result = conn.execute(
                        insert(mentions).values(
                            report_id=report_id,
                            extractor=extractor,
                            data=data,
                            sealed=sealed,
                            created_at=now,
                        )
                    )
                    mention_id = result.inserted_primary_key[0]  # type: ignore[index]
                    stored.append(mention.model_copy(update={"id": mention_id}))
                placed = link_new(conn, report, stored, now)
                for incident_id in touched - set(placed):
                    rows.recompute(conn, incident_id, now)
                conn.execute(
                    insert(extractions).values(
                        report_id=report_id,
                        extractor=extractor,
                        extracted_at=now,
                        mention_count=len(stored),
                    )
                )
        except SQLAlchemyError as exc:
            raise StoreError(
                f"cannot store the extraction of report {report_id[:12]}: {_cause(exc)}"
            ) from exc
        return placed

    def _forget_extraction(self, conn: Connection, report_id: str) -> set[int]:
        """Remove a report's mentions; returns the incidents that keep standing without them."""
        done = select(extractions.c.report_id).where(extractions.c.report_id == report_id)
        if conn.execute(done).first() is None:
            return set()  # never extracted, or its extraction did not complete
        old = select(mentions.c.id).where(mentions.c.report_id == report_id)
        backed = set(
            conn.execute(
                select(incident_mentions.c.incident_id)
                .where(incident_mentions.c.mention_id.in_(old))
                .distinct()
            ).scalars()
        )
        conn.execute(delete(mentions).where(mentions.c.report_id == report_id))
        conn.execute(delete(extractions).where(extractions.c.report_id == report_id))
        if not backed:
            return set()
        still_backed = select(incident_mentions.c.incident_id)
        analysts = select(incident_overrides.c.incident_id)
        reviewed = select(audit_log.c.incident_id).where(audit_log.c.actor != SYSTEM)
        orphans = set(
            conn.execute(
                select(incidents.c.id).where(
                    incidents.c.id.in_(backed),
                    incidents.c.id.not_in(still_backed),
                    incidents.c.status == IncidentStatus.PROPOSED.value,
                    incidents.c.id.not_in(analysts),
                    incidents.c.id.not_in(reviewed),
                )
            ).scalars()
        )
        if orphans:
            conn.execute(delete(incidents).where(incidents.c.id.in_(orphans)))
        return backed - orphans

    # --- incidents ------------------------------------------------------------------

    def get_incident(self, incident_id: int) -> Incident:
        with self.engine.connect() as conn:
            row = conn.execute(select(incidents).where(incidents.c.id == incident_id)).first()
            if row is None:
                raise NotFound(f"no incident {incident_id}")
            return rows.incidents_from_rows(conn, [row])[0]

    def mentions_of(self, incident_id: int) -> list[Mention]:
        """The mentions backing an incident, in the order they were stored."""
        with self.engine.connect() as conn:
            return rows.mentions_by_incident(conn, [incident_id]).get(incident_id, [])

    def count_incidents(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(incidents)).scalar_one())


def _cause(exc: SQLAlchemyError) -> object:
    """The database driver's own error, which says what went wrong."""
    return getattr(exc, "orig", None) or exc
