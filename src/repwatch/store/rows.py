"""Incidents to and from their rows, and their fields recomputed from their mentions.

Every function here works in the caller's transaction.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, Row, Text, cast, delete, insert, select, update

from repwatch.link import Backing, incident_from, reconcile
from repwatch.model import (
    Act,
    DatePrecision,
    DateRange,
    Incident,
    IncidentStatus,
    Mention,
    Modality,
    Perpetrator,
    VictimCount,
)
from repwatch.store import sealing
from repwatch.store.codec import decode_value
from repwatch.store.tables import (
    incident_acts,
    incident_mentions,
    incident_overrides,
    incidents,
    mentions,
    reports,
)


def incident_columns(incident: Incident) -> dict[str, Any]:
    lo, hi = incident.date.bounds() if incident.date else (None, None)
    victims, date = incident.victims, incident.date
    return {
        "status": incident.status.value,
        "modality": incident.modality.value,
        "victims_min": victims.min if victims else None,
        "victims_max": victims.max if victims else None,
        "place_name": incident.place_name,
        "place_id": incident.place_id,
        "lat": incident.lat,
        "lon": incident.lon,
        "admin1": incident.admin1,
        "country": incident.country,
        "date_start": date.start if date else None,
        "date_end": date.end if date else None,
        "date_precision": date.precision.value if date else None,
        "date_lo": lo,
        "date_hi": hi,
        "perpetrator": incident.perpetrator.value if incident.perpetrator else None,
        "merged_into": incident.merged_into,
        "reports_count": incident.reports_count,
        "publishers_count": incident.publishers_count,
        "sources_count": incident.sources_count,
        "conflicts": list(incident.conflicts),
    }


def _write_acts(conn: Connection, incident_id: int, incident: Incident) -> None:
    conn.execute(delete(incident_acts).where(incident_acts.c.incident_id == incident_id))
    if incident.modality is Modality.EXPECTED:
        acts = [(a, Modality.EXPECTED) for a in incident.acts]
    else:
        acts = [(a, Modality.OCCURRED) for a in incident.acts]
        acts += [(a, Modality.EXPECTED) for a in incident.expected_acts if a not in incident.acts]
    if acts:
        conn.execute(
            insert(incident_acts),
            [
                {"incident_id": incident_id, "act": a.value, "modality": m.value, "position": p}
                for p, (a, m) in enumerate(acts)
            ],
        )


def insert_incident(conn: Connection, incident: Incident, now: dt.datetime) -> int:
    """A new incident row with its acts and mention links; returns its id."""
    result = conn.execute(
        insert(incidents).values(
            **incident_columns(incident), created_at=incident.created_at or now, updated_at=now
        )
    )
    incident_id = int(result.inserted_primary_key[0])  # type: ignore[index]
    _write_acts(conn, incident_id, incident)
    if incident.mention_ids:
        conn.execute(
            insert(incident_mentions),
            [{"incident_id": incident_id, "mention_id": m} for m in incident.mention_ids],
        )
    return incident_id


def update_incident(
    conn: Connection, incident: Incident, now: dt.datetime, *, before: Incident | None = None
) -> None:
    """Rewrite an incident's fields and acts (not its mention links); with ``before``,
    only what changed."""
    assert incident.id is not None
    columns = incident_columns(incident)
    # The acts live in their own table: a change to them alone is a change too.
    acts_changed = before is None or (before.acts, before.expected_acts, before.modality) != (
        incident.acts,
        incident.expected_acts,
        incident.modality,
    )
    if before is not None and incident_columns(before) == columns and not acts_changed:
        return
    conn.execute(
        update(incidents).where(incidents.c.id == incident.id).values(**columns, updated_at=now)
    )
    if acts_changed:
        _write_acts(conn, incident.id, incident)


def attach_mention(conn: Connection, incident_id: int, mention_id: int) -> None:
    conn.execute(insert(incident_mentions).values(incident_id=incident_id, mention_id=mention_id))


def mention_from_json(mention_id: int, data: str, sealed: str | None = None) -> Mention:
    """A stored mention; its sensitive fields only when ``sealed`` is given and opens."""
    # Validating the stored JSON text directly is several times faster than a dict.
    mention = Mention.model_validate_json(data).model_copy(update={"id": mention_id})
    return sealing.join(mention, sealed)


DATA_TEXT = cast(mentions.c.data, Text).label("data")  # a mention's JSON, read as text


def mentions_by_incident(conn: Connection, ids: Sequence[int]) -> dict[int, list[Mention]]:
    found: dict[int, list[Mention]] = defaultdict(list)
    for chunk in chunks(ids, 500):
        rows = conn.execute(
            select(incident_mentions.c.incident_id, mentions.c.id, DATA_TEXT, mentions.c.sealed)
            .join(mentions, mentions.c.id == incident_mentions.c.mention_id)
            .where(incident_mentions.c.incident_id.in_(chunk))
            .order_by(mentions.c.id)
        )
        for row in rows:
            found[row.incident_id].append(mention_from_json(row.id, row.data, row.sealed))
    return found


def backing_of(conn: Connection, incident_id: int) -> list[Backing]:
    """The mentions behind an incident with their reports' publisher and text."""
    rows = conn.execute(
        select(
            mentions.c.id,
            DATA_TEXT,
            mentions.c.sealed,
            reports.c.id.label("rid"),
            reports.c.publisher,
            reports.c.text,
        )
        .join(incident_mentions, incident_mentions.c.mention_id == mentions.c.id)
        .join(reports, reports.c.id == mentions.c.report_id)
        .where(incident_mentions.c.incident_id == incident_id)
        .order_by(mentions.c.id)
    ).all()
    return [
        Backing(
            mention=mention_from_json(r.id, r.data, r.sealed),
            report_id=r.rid,
            publisher=r.publisher,
            text=r.text,
        )
        for r in rows
    ]


def overrides_of(conn: Connection, incident_id: int) -> dict[str, Any]:
    rows = conn.execute(
        select(incident_overrides.c.field, incident_overrides.c.value).where(
            incident_overrides.c.incident_id == incident_id
        )
    ).all()
    return {r.field: decode_value(r.field, r.value) for r in rows}


def recompute(conn: Connection, incident_id: int, now: dt.datetime) -> Incident:
    """Reconcile an incident's fields from its mentions; an analyst's values stay as set."""
    (base,) = load_incidents(conn, [incident_id], with_backing=False)
    backing = backing_of(conn, incident_id)
    if not backing:  # kept for an analyst's decision, with the fields it had
        incident = base.model_copy(
            update={"reports_count": 0, "publishers_count": 0, "sources_count": 0}
        )
    else:
        reconciled = reconcile(backing, fixed=overrides_of(conn, incident_id))
        incident = incident_from(reconciled, base=base).model_copy(
            update={
                "reports_count": reconciled.corroboration.reports,
                "publishers_count": reconciled.corroboration.publishers,
                "sources_count": reconciled.corroboration.original_sources,
                "conflicts": tuple(f.name for f in reconciled.fields.values() if f.conflict),
            }
        )
    update_incident(conn, incident, now, before=base)
    return incident


def new_incident(conn: Connection, mention: Mention, now: dt.datetime) -> int:
    """An incident of one stored mention: its own report, publisher and source."""
    incident = Incident.from_mention(mention).model_copy(
        update={"reports_count": 1, "publishers_count": 1, "sources_count": 1}
    )
    return insert_incident(conn, incident, now)


def chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def load_incidents(
    conn: Connection, ids: Sequence[int], *, with_backing: bool = True
) -> list[Incident]:
    """The incidents with these ids, in the order given; without their mention and
    report ids unless ``with_backing``."""
    rows: dict[int, Row[Any]] = {}
    for chunk in chunks(ids, 500):
        for row in conn.execute(select(incidents).where(incidents.c.id.in_(chunk))):
            rows[row.id] = row
    return incidents_from_rows(conn, [rows[i] for i in ids if i in rows], with_backing=with_backing)


def incidents_from_rows(
    conn: Connection, rows: Sequence[Row[Any]], *, with_backing: bool = True
) -> list[Incident]:
    ids = [row.id for row in rows]
    acts: dict[int, list[tuple[str, str]]] = defaultdict(list)
    backing: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for chunk in chunks(ids, 500):  # keeps IN lists under SQLite's variable limit
        for r in conn.execute(
            select(incident_acts)
            .where(incident_acts.c.incident_id.in_(chunk))
            .order_by(incident_acts.c.incident_id, incident_acts.c.position)
        ):
            acts[r.incident_id].append((r.act, r.modality))
        if not with_backing:
            continue
        for r in conn.execute(
            select(incident_mentions.c.incident_id, mentions.c.id, mentions.c.report_id)
            .join(mentions, mentions.c.id == incident_mentions.c.mention_id)
            .where(incident_mentions.c.incident_id.in_(chunk))
            .order_by(mentions.c.id)
        ):
            backing[r.incident_id].append((r.id, r.report_id))
    return [incident_from_row(row, acts[row.id], backing[row.id]) for row in rows]


def incident_from_row(
    row: Row[Any], acts: list[tuple[str, str]], backing: list[tuple[int, str]]
) -> Incident:
    modality = Modality(row.modality)
    occurred = tuple(Act(a) for a, m in acts if m == Modality.OCCURRED.value)
    expected = tuple(Act(a) for a, m in acts if m == Modality.EXPECTED.value)
    date = None
    if row.date_start or row.date_end:
        date = DateRange(
            start=row.date_start,
            end=row.date_end,
            precision=DatePrecision(row.date_precision or DatePrecision.DAY.value),
        )
    victims = None
    if row.victims_min is not None or row.victims_max is not None:
        victims = VictimCount(min=row.victims_min, max=row.victims_max)
    report_ids: list[str] = []
    for _, report_id in backing:
        if report_id not in report_ids:
            report_ids.append(report_id)
    return Incident(
        id=row.id,
        status=IncidentStatus(row.status),
        acts=occurred if modality is Modality.OCCURRED else expected,
        expected_acts=expected if modality is Modality.OCCURRED else (),
        modality=modality,
        victims=victims,
        place_name=row.place_name,
        place_id=row.place_id,
        lat=row.lat,
        lon=row.lon,
        admin1=row.admin1,
        country=row.country,
        date=date,
        perpetrator=Perpetrator(row.perpetrator) if row.perpetrator else None,
        mention_ids=tuple(m for m, _ in backing),
        report_ids=tuple(report_ids),
        merged_into=row.merged_into,
        reports_count=row.reports_count,
        publishers_count=row.publishers_count,
        sources_count=row.sources_count,
        conflicts=tuple(row.conflicts or ()),
        created_at=row.created_at,
        updated_at=row.updated_at,
    )
