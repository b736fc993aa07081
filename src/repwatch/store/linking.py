"""Linking new mentions to stored incidents, in the extraction's transaction.

Candidates come from the window ``repwatch.link.candidate_window`` draws (dates
and region), queried on indexed columns, so that the cost of linking a mention
grows with how busy its time and place were, not with the whole record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, and_, insert, or_, select

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
    insert_incident,
    load_incidents,
    mentions_by_incident,
    recompute,
)
from repwatch.store.tables import duplicate_proposals, incidents, reports

# An incident's dates rarely span more than a year (a year-precise date spans
# exactly one); bounding date_lo from below lets the index do the work.
LONGEST_SPAN = dt.timedelta(days=366)
MAX_CANDIDATES = 200


class ReportTexts(Mapping[str, str]):
    """Report texts loaded on first use, so that only candidates' reports are read."""

    def __init__(self, conn: Connection, known: Mapping[str, str]) -> None:
        self._conn = conn
        self._texts = dict(known)

    def __getitem__(self, report_id: str) -> str:
        if report_id not in self._texts:
            row = self._conn.execute(
                select(reports.c.text).where(reports.c.id == report_id)
            ).first()
            self._texts[report_id] = row[0] if row else ""
        return self._texts[report_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._texts)

    def __len__(self) -> int:
        return len(self._texts)


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
        unplaced_point = incidents.c.lat.is_(None) if box is not None else True
        options.append(and_(unplaced_point, incidents.c.admin1 == window.admin1))
    return or_(*options)


def candidate_ids(conn: Connection, window: CandidateWindow) -> list[int]:
    """Stored incidents inside ``window`` (the rule of ``CandidateWindow.admits``)."""
    if not window.linkable:
        return []
    alive = incidents.c.status != IncidentStatus.MERGED.value
    region = _region_condition(window) if window.has_region else True
    dated = [alive, incidents.c.date_lo.is_not(None), region]
    if window.date_lo is not None:
        dated += [
            incidents.c.date_hi >= window.date_lo,
            incidents.c.date_lo >= window.date_lo - LONGEST_SPAN,
        ]
    if window.date_hi is not None:
        dated.append(incidents.c.date_lo <= window.date_hi)
    found = conn.execute(select(incidents.c.id).where(*dated).limit(MAX_CANDIDATES)).scalars()
    ids = list(found)
    if window.has_region:  # undated incidents are held by their place alone
        placed = or_(
            incidents.c.lat.is_not(None),
            incidents.c.admin1.is_not(None),
            incidents.c.country.is_not(None),
        )
        undated = conn.execute(
            select(incidents.c.id)
            .where(alive, incidents.c.date_lo.is_(None), placed, region)
            .limit(MAX_CANDIDATES)
        ).scalars()
        ids += list(undated)
    return ids


def stand_in(incident: Incident) -> Mention:
    """A mention standing for an incident that no mention backs any more (kept for an
    analyst's decision), so that new reports of it can still find it."""
    place = ()
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
    texts = ReportTexts(conn, {report.id: report.text})
    placed: list[int] = []
    for mention in found:
        assert mention.id is not None
        window = candidate_window(mention, published=report.published)
        ids = candidate_ids(conn, window)
        candidates: dict[int, list[Mention]] = dict(mentions_by_incident(conn, ids))
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
        incident_id = insert_incident(conn, Incident.from_mention(mention), now)
        recompute(conn, incident_id, now)
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
