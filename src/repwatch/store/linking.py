"""Linking new mentions to stored incidents, in the extraction's transaction.

Candidates come from the window ``repwatch.link.candidate_window`` draws (dates
and region), queried on indexed columns, so that the cost of linking a mention
grows with how busy its time and place were, not with the whole record.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Connection, and_, func, insert, or_, select, true

from repwatch.link import CandidateWindow, candidate_window, decide
from repwatch.model import (
    ActMention,
    Incident,
    IncidentStatus,
    Mention,
    Modality,
    PlaceMention,
    PlaceRole,
    Report,
    Sourced,
)
from repwatch.store import audit
from repwatch.store.audit import SYSTEM
from repwatch.store.rows import (
    attach_mention,
    chunks,
    load_incidents,
    mentions_by_incident,
    new_incident,
    recompute,
)
from repwatch.store.tables import duplicate_proposals, incidents, reports

# An incident's dates rarely span more than a year (a year-precise date spans
# exactly one); bounding date_lo from below lets the index do the work.
LONGEST_SPAN = dt.timedelta(days=366)
MAX_CANDIDATES = 100
# Only the closest candidates by dates, distance and count are scored in full: the
# full score reads their mentions and texts, and the far ones never win.
TOP_CANDIDATES = 12


def load_texts(conn: Connection, report_ids: set[str], texts: dict[str, str]) -> None:
    """Add to ``texts`` the texts of these reports it lacks, in one query per 500."""
    missing = [r for r in report_ids if r not in texts]
    for chunk in chunks(missing, 500):
        for row in conn.execute(
            select(reports.c.id, reports.c.text).where(reports.c.id.in_(chunk))
        ):
            texts[row.id] = row.text


def _region_condition(window: CandidateWindow) -> Any:
    unplaced = and_(
        incidents.c.lat.is_(None), incidents.c.admin1.is_(None), incidents.c.country.is_(None)
    )
    options = [unplaced]
    box = window.box
    if box is not None:
        options.append(
            and_(incidents.c.lat.between(box[0], box[1]), incidents.c.lon.between(box[2], box[3]))
        )
    if window.country:
        options.append(and_(incidents.c.admin1.is_(None), incidents.c.country == window.country))
    if window.admin1:
        same_province = incidents.c.admin1 == window.admin1
        # with a box, only incidents without coordinates are placed by province alone
        options.append(and_(incidents.c.lat.is_(None), same_province) if box else same_province)
    return or_(*options)


_SUMMARY = (
    incidents.c.id,
    incidents.c.date_lo,
    incidents.c.date_hi,
    incidents.c.lat,
    incidents.c.lon,
    incidents.c.victims_min,
    incidents.c.victims_max,
)


def _closeness(mention: Mention) -> Callable[[Any], float]:
    """A cheap distance from a mention to an incident's summary row: days apart (in
    months), kilometres apart (in 50s) and whether the counts overlap. Lower is closer;
    unknowns count as middling."""
    lo, hi = mention.date.value.bounds() if mention.date else (None, None)
    place = mention.main_place
    lat, lon = (place.lat, place.lon) if place else (None, None)
    count = mention.victims.value if mention.victims else None

    def distance(row: Any) -> float:
        total = 0.0
        if lo and hi and row.date_lo and row.date_hi:
            gap = max(0, (row.date_lo - hi).days, (lo - row.date_hi).days)
            total += gap / 30
        else:
            total += 0.5
        if lat is not None and lon is not None and row.lat is not None and row.lon is not None:
            dlat = lat - row.lat
            dlon = (lon - row.lon) * math.cos(math.radians(lat))
            total += 111.2 * math.hypot(dlat, dlon) / 50
        else:
            total += 0.5
        if count is not None and row.victims_min is not None:
            low = max(count.min or 0, row.victims_min)
            high = min(
                count.max if count.max is not None else math.inf,
                row.victims_max if row.victims_max is not None else math.inf,
            )
            total += 0.0 if low <= high else 0.5
        return total

    return distance


def _days_from(conn: Connection, day: dt.date) -> Any:
    """How many days an incident's first day is from ``day``, in this database's terms."""
    if conn.dialect.name == "sqlite":
        return func.abs(func.julianday(incidents.c.date_lo) - func.julianday(day.isoformat()))
    return func.abs(incidents.c.date_lo - day)


def candidate_ids(conn: Connection, mention: Mention, window: CandidateWindow) -> list[int]:
    """The stored incidents inside ``window`` (the rule of ``CandidateWindow.admits``)
    closest to ``mention``, at most ``TOP_CANDIDATES`` of them."""
    if not window.linkable:
        return []
    alive = incidents.c.status != IncidentStatus.MERGED.value
    region = _region_condition(window) if window.has_region else true()
    dated = [alive, incidents.c.date_lo.is_not(None), region]
    if window.date_lo is not None:
        dated += [
            incidents.c.date_hi >= window.date_lo,
            incidents.c.date_lo >= window.date_lo - LONGEST_SPAN,
        ]
    if window.date_hi is not None:
        dated.append(incidents.c.date_lo <= window.date_hi)
    query = select(*_SUMMARY).where(*dated)
    if window.date_lo is not None and window.date_hi is not None:
        # The nearest in time first, so that a busy window loses its farthest rows.
        middle = window.date_lo + (window.date_hi - window.date_lo) / 2
        query = query.order_by(_days_from(conn, middle))
    found = list(conn.execute(query.limit(MAX_CANDIDATES)))
    if window.has_region:  # undated incidents are held by their place alone
        placed = or_(
            incidents.c.lat.is_not(None),
            incidents.c.admin1.is_not(None),
            incidents.c.country.is_not(None),
        )
        found += conn.execute(
            select(*_SUMMARY)
            .where(alive, incidents.c.date_lo.is_(None), placed, region)
            .limit(MAX_CANDIDATES)
        )
    found.sort(key=_closeness(mention))
    return [row.id for row in found[:TOP_CANDIDATES]]


def stand_in(incident: Incident) -> Mention:
    """A mention standing for an incident that no mention backs any more (kept for an
    analyst's decision), so that new reports of it can still find it."""
    place: tuple[PlaceMention, ...] = ()
    if incident.place_name:
        place = (
            PlaceMention(
                name=incident.place_name,
                role=PlaceRole.CAUGHT,
                place_id=incident.place_id,
                lat=incident.lat,
                lon=incident.lon,
                admin1=incident.admin1,
                country=incident.country,
                producer="incident",
            ),
        )
    acts = tuple(ActMention(act=a, producer="incident") for a in incident.acts)
    if incident.modality is Modality.OCCURRED:
        acts += tuple(
            ActMention(act=a, modality=Modality.EXPECTED, producer="incident")
            for a in incident.expected_acts
        )
    return Mention(
        report_id=f"incident:{incident.id}",
        acts=acts,
        victims=Sourced(value=incident.victims, producer="incident") if incident.victims else None,
        places=place,
        date=Sourced(value=incident.date, producer="incident") if incident.date else None,
        perpetrator=(
            Sourced(value=incident.perpetrator, producer="incident")
            if incident.perpetrator
            else None
        ),
        extractor="incident",
    )


def link_new(
    conn: Connection, report: Report, found: Sequence[Mention], now: dt.datetime
) -> list[int]:
    """Join each of a report's new mentions to an incident, or start one; returns the
    ids of the incidents they went to."""
    texts = {report.id: report.text}
    placed: list[int] = []
    for mention in found:
        assert mention.id is not None
        window = candidate_window(mention, published=report.published)
        ids = candidate_ids(conn, mention, window)
        candidates: dict[int, list[Mention]] = dict(mentions_by_incident(conn, ids))
        load_texts(conn, {m.report_id for ms in candidates.values() for m in ms}, texts)
        bare = [i for i in ids if i not in candidates]
        for incident in load_incidents(conn, bare):
            assert incident.id is not None
            candidates[incident.id] = [stand_in(incident)]
        decision = decide(mention, candidates, texts=texts)
        reasons = list(decision.score.reasons) if decision.score else []
        if decision.action == "join" and isinstance(decision.incident_key, int):
            attach_mention(conn, decision.incident_key, mention.id)
            recompute(conn, decision.incident_key, now)
            placed.append(decision.incident_key)
            audit.append(
                conn,
                incident_id=decision.incident_key,
                action="joined",
                actor=SYSTEM,
                detail={"mention": mention.id, "reasons": reasons},
                at=now,
            )
            continue
        incident_id = new_incident(conn, mention, now)
        placed.append(incident_id)
        audit.append(
            conn,
            incident_id=incident_id,
            action="created",
            actor=SYSTEM,
            detail={"mention": mention.id},
            at=now,
        )
        if decision.action == "propose" and decision.score is not None:
            conn.execute(
                insert(duplicate_proposals).values(
                    incident_id=incident_id,
                    candidate_id=decision.incident_key,
                    score=round(decision.score.score, 4),
                    reasons=list(decision.score.reasons),
                    status="open",
                    created_at=now,
                )
            )
    return placed
