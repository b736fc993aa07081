"""The audit log: every change to an incident, append-only and hash-chained.

Each entry's hash is the SHA-256 of the previous entry's hash and the entry's
own content in canonical JSON, so that an entry removed, inserted or altered
anywhere breaks the chain from there on; ``verify_chain`` finds where.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Connection, insert, select, text, update

from repwatch.store.tables import audit_log

GENESIS = "0" * 64
SYSTEM = "repwatch"  # the actor of changes that extraction and linking make


@dataclass(frozen=True)
class AuditEntry:
    id: int
    incident_id: int | None
    action: str
    detail: dict[str, Any]
    actor: str
    at: dt.datetime


@dataclass(frozen=True)
class ChainCheck:
    entries: int
    first_broken: int | None  # the id of the first entry whose hash does not hold

    @property
    def ok(self) -> bool:
        return self.first_broken is None


def _timestamp(at: dt.datetime) -> str:
    # SQLite hands datetimes back without their zone: hash them as naive UTC.
    if at.tzinfo is not None:
        at = at.astimezone(dt.UTC).replace(tzinfo=None)
    return at.isoformat(timespec="microseconds")


def entry_hash(
    prev_hash: str, incident_id: int | None, action: str, detail: Any, actor: str, at: dt.datetime
) -> str:
    content = json.dumps(
        [incident_id, action, detail, actor, _timestamp(at)],
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256((prev_hash + content).encode("utf-8")).hexdigest()


def append(
    conn: Connection,
    *,
    incident_id: int | None,
    action: str,
    actor: str,
    detail: dict[str, Any] | None = None,
    at: dt.datetime | None = None,
) -> None:
    """Add an entry at the end of the chain, in the caller's transaction.

    Two writers at once must not both chain onto the same entry. So the writer
    first takes the log for itself — on SQLite by inserting its entry (SQLite has
    one writer at a time), on other databases by locking the table — and only
    then reads the entry before its own.
    """
    detail = detail or {}
    at = at or dt.datetime.now(dt.UTC)
    if conn.dialect.name != "sqlite":
        conn.execute(text("LOCK TABLE audit_log IN SHARE ROW EXCLUSIVE MODE"))
    entry_id = conn.execute(
        insert(audit_log).values(
            incident_id=incident_id,
            action=action,
            detail=detail,
            actor=actor,
            at=at,
            prev_hash="",
            hash="",
        )
    ).inserted_primary_key[0]  # type: ignore[index]
    last = conn.execute(
        select(audit_log.c.hash)
        .where(audit_log.c.id < entry_id)
        .order_by(audit_log.c.id.desc())
        .limit(1)
    ).first()
    prev_hash = last[0] if last else GENESIS
    conn.execute(
        update(audit_log)
        .where(audit_log.c.id == entry_id)
        .values(
            prev_hash=prev_hash,
            hash=entry_hash(prev_hash, incident_id, action, detail, actor, at),
        )
    )


def _entries(conn: Connection, condition: ColumnElement[bool]) -> list[AuditEntry]:
    rows = conn.execute(select(audit_log).where(condition).order_by(audit_log.c.id)).all()
    return [AuditEntry(r.id, r.incident_id, r.action, r.detail, r.actor, r.at) for r in rows]


def history(conn: Connection, incident_id: int) -> list[AuditEntry]:
    return _entries(conn, audit_log.c.incident_id == incident_id)


def account_history(conn: Connection) -> list[AuditEntry]:
    """The entries that concern accounts rather than an incident."""
    return _entries(conn, audit_log.c.incident_id.is_(None))


def verify_chain(conn: Connection) -> ChainCheck:
    prev_hash, count = GENESIS, 0
    for row in conn.execute(select(audit_log).order_by(audit_log.c.id)):
        count += 1
        expected = entry_hash(prev_hash, row.incident_id, row.action, row.detail, row.actor, row.at)
        if row.prev_hash != prev_hash or row.hash != expected:
            return ChainCheck(entries=count, first_broken=row.id)
        prev_hash = row.hash
    return ChainCheck(entries=count, first_broken=None)
