"""What analysts do to incidents: verify, reject, set a field, merge, split, tell
apart. Each action is one transaction with its audit entry, naming who and when.

An analyst's value for a field is kept apart from what extraction proposes
(``incident_overrides``) and wins every reconciliation after it, so that no
re-run of extraction or linking undoes it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, delete, insert, select, update
from sqlalchemy.exc import SQLAlchemyError

from repwatch.errors import InputError, NotFound, StoreError
from repwatch.link import FIELDS, Reconciled, reconcile
from repwatch.model import Incident, IncidentStatus
from repwatch.store import audit
from repwatch.store.codec import encode_value
from repwatch.store.rows import (
    backing_of,
    insert_incident,
    load_incidents,
    overrides_of,
    recompute,
)
from repwatch.store.tables import (
    duplicate_proposals,
    incident_mentions,
    incident_overrides,
    incidents,
)


@dataclass(frozen=True)
class DuplicateProposal:
    id: int
    incident_id: int
    candidate_id: int
    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class ReviewQueue:
    duplicates: list[DuplicateProposal]
    incidents: list[Incident]  # proposed, most corroborated first


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Reviewing:
    """The analysts' actions, as methods of the store."""

    engine: Engine

    def _act(self, what: str) -> Any:
        return _Transaction(self.engine, what)

    def review_queue(self, *, limit: int = 50) -> ReviewQueue:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(duplicate_proposals)
                .where(duplicate_proposals.c.status == "open")
                .order_by(duplicate_proposals.c.score.desc(), duplicate_proposals.c.id)
                .limit(limit)
            ).all()
            duplicates = [
                DuplicateProposal(r.id, r.incident_id, r.candidate_id, r.score, tuple(r.reasons))
                for r in rows
            ]
            ids = conn.execute(
                select(incidents.c.id)
                .where(incidents.c.status == IncidentStatus.PROPOSED.value)
                .order_by(
                    incidents.c.sources_count.desc(),
                    incidents.c.publishers_count.desc(),
                    incidents.c.reports_count.desc(),
                    incidents.c.date_lo.desc(),
                    incidents.c.id,
                )
                .limit(limit)
            ).scalars()
            return ReviewQueue(duplicates, load_incidents(conn, list(ids)))

    def duplicate_proposal(self, proposal_id: int) -> DuplicateProposal:
        """An open proposal that two incidents may be one case."""
        with self.engine.connect() as conn:
            row = conn.execute(
                select(duplicate_proposals).where(duplicate_proposals.c.id == proposal_id)
            ).first()
        if row is None:
            raise NotFound(f"no duplicate proposal {proposal_id}")
        if row.status != "open":
            raise InputError(f"duplicate proposal {proposal_id}", f"already decided: {row.status}")
        return DuplicateProposal(
            row.id, row.incident_id, row.candidate_id, row.score, tuple(row.reasons)
        )

    def set_status(self, incident_id: int, status: IncidentStatus, *, actor: str) -> Incident:
        """Verify or reject an incident (or send it back to proposed)."""
        if status is IncidentStatus.MERGED:
            raise InputError("status", "use merge to merge incidents")
        with self._act("change the status of") as (conn, now):
            before = _live(conn, incident_id, "status")
            conn.execute(
                update(incidents)
                .where(incidents.c.id == incident_id)
                .values(status=status.value, updated_at=now)
            )
            audit.append(
                conn,
                incident_id=incident_id,
                action=status.value,
                actor=actor,
                detail={"from": before.status.value},
                at=now,
            )
            return load_incidents(conn, [incident_id])[0]

    def set_field(self, incident_id: int, field: str, value: Any, *, actor: str) -> Incident:
        """Set a field to an analyst's value, which extraction and linking never overwrite.
        ``value`` is typed as ``repwatch.link`` holds it; None clears the field."""
        if field not in FIELDS:
            raise InputError(field, f"not an incident field; valid: {', '.join(FIELDS)}")
        encoded = encode_value(field, value)
        with self._act("set a field of") as (conn, now):
            _existing(conn, incident_id)
            # Replace, portably: the audit log keeps every earlier value.
            conn.execute(
                delete(incident_overrides).where(
                    incident_overrides.c.incident_id == incident_id,
                    incident_overrides.c.field == field,
                )
            )
            conn.execute(
                insert(incident_overrides).values(
                    incident_id=incident_id, field=field, value=encoded, set_by=actor, set_at=now
                )
            )
            audit.append(
                conn,
                incident_id=incident_id,
                action="set",
                actor=actor,
                detail={"field": field, "value": encoded},
                at=now,
            )
            return recompute(conn, incident_id, now)

    def merge(self, keep_id: int, others: Sequence[int], *, actor: str) -> Incident:
        """Merge ``others`` into ``keep_id``: their mentions move over, they become merged."""
        others = [o for o in dict.fromkeys(others) if o != keep_id]
        if not others:
            raise InputError("merge", "name at least one other incident to merge in")
        with self._act("merge") as (conn, now):
            _live(conn, keep_id, "merge")
            for other in others:
                _live(conn, other, "merge")
                conn.execute(
                    update(incident_mentions)
                    .where(incident_mentions.c.incident_id == other)
                    .values(incident_id=keep_id)
                )
                conn.execute(
                    update(incidents)
                    .where(incidents.c.id == other)
                    .values(status=IncidentStatus.MERGED.value, merged_into=keep_id, updated_at=now)
                )
                _close_proposals(conn, keep_id, other, "merged", actor, now)
                audit.append(
                    conn,
                    incident_id=other,
                    action="merged_into",
                    actor=actor,
                    detail={"into": keep_id},
                    at=now,
                )
            audit.append(
                conn,
                incident_id=keep_id,
                action="merged",
                actor=actor,
                detail={"from": others},
                at=now,
            )
            return recompute(conn, keep_id, now)

    def split(self, incident_id: int, mention_ids: Sequence[int], *, actor: str) -> Incident:
        """Move some of an incident's mentions into a new incident; returns the new one."""
        moving = list(dict.fromkeys(mention_ids))
        with self._act("split") as (conn, now):
            source = _existing(conn, incident_id)
            unknown = set(moving) - set(source.mention_ids)
            if unknown:
                raise InputError(
                    "split", f"mentions {sorted(unknown)} do not back incident {incident_id}"
                )
            if not moving or len(moving) == len(source.mention_ids):
                raise InputError("split", "leave at least one mention on each side")
            conn.execute(
                delete(incident_mentions).where(incident_mentions.c.mention_id.in_(moving))
            )
            new_id = insert_incident(conn, Incident(mention_ids=tuple(moving), report_ids=()), now)
            audit.append(
                conn,
                incident_id=incident_id,
                action="split",
                actor=actor,
                detail={"mentions": moving, "to": new_id},
                at=now,
            )
            audit.append(
                conn,
                incident_id=new_id,
                action="split_from",
                actor=actor,
                detail={"from": incident_id, "mentions": moving},
                at=now,
            )
            recompute(conn, incident_id, now)
            return recompute(conn, new_id, now)

    def mark_distinct(self, incident_id: int, other_id: int, *, actor: str) -> None:
        """Record that two incidents proposed as duplicates are different cases."""
        with self._act("compare") as (conn, now):
            _existing(conn, incident_id)
            _existing(conn, other_id)
            _close_proposals(conn, incident_id, other_id, "distinct", actor, now)
            audit.append(
                conn,
                incident_id=incident_id,
                action="distinct",
                actor=actor,
                detail={"other": other_id},
                at=now,
            )

    def history(self, incident_id: int) -> list[audit.AuditEntry]:
        with self.engine.connect() as conn:
            _existing(conn, incident_id)
            return audit.history(conn, incident_id)

    def verify_audit_chain(self) -> audit.ChainCheck:
        with self.engine.connect() as conn:
            return audit.verify_chain(conn)

    def reconciliation(self, incident_id: int) -> Reconciled:
        """How the incident's fields were reconciled: support, alternatives, conflicts."""
        with self.engine.connect() as conn:
            _existing(conn, incident_id)
            return reconcile(backing_of(conn, incident_id), fixed=overrides_of(conn, incident_id))

    def overrides(self, incident_id: int) -> dict[str, tuple[Any, str, dt.datetime]]:
        """The fields an analyst set: field → (JSON value, who, when)."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(incident_overrides).where(incident_overrides.c.incident_id == incident_id)
            ).all()
        return {r.field: (r.value, r.set_by, r.set_at) for r in rows}


class _Transaction:
    """A write transaction whose database errors become StoreErrors naming the action."""

    def __init__(self, engine: Engine, what: str) -> None:
        self.engine, self.what = engine, what

    def __enter__(self) -> tuple[Connection, dt.datetime]:
        self._context = self.engine.begin()
        return self._context.__enter__(), _now()

    def __exit__(self, kind: Any, error: Any, trace: Any) -> None:
        self._context.__exit__(kind, error, trace)
        if isinstance(error, SQLAlchemyError):
            cause = getattr(error, "orig", None) or error
            raise StoreError(f"cannot {self.what} the incident: {cause}") from error


def _existing(conn: Connection, incident_id: int) -> Incident:
    found = load_incidents(conn, [incident_id])
    if not found:
        raise NotFound(f"no incident {incident_id}")
    return found[0]


def _live(conn: Connection, incident_id: int, what: str) -> Incident:
    """An incident that still stands. A merged one has handed its mentions over:
    reviewing it, or merging into or from it, would hide them or bring back an
    empty case."""
    incident = _existing(conn, incident_id)
    if incident.status is IncidentStatus.MERGED:
        raise InputError(
            what,
            f"incident {incident_id} was merged into incident {incident.merged_into}; "
            "act on that one",
        )
    return incident


def _close_proposals(
    conn: Connection, a: int, b: int, status: str, actor: str, now: dt.datetime
) -> None:
    pair = (
        (duplicate_proposals.c.incident_id == a) & (duplicate_proposals.c.candidate_id == b)
    ) | ((duplicate_proposals.c.incident_id == b) & (duplicate_proposals.c.candidate_id == a))
    conn.execute(
        update(duplicate_proposals)
        .where(pair, duplicate_proposals.c.status == "open")
        .values(status=status, decided_by=actor, decided_at=now)
    )
