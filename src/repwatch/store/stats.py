"""Figures for the overview: incidents and people per month, by act, by province.

Each figure is one GROUP BY over the incidents a query matches, with the same
criteria as the incidents list (``listing.conditions``), so that the overview
and the list it links to always agree.

People are counted as everywhere in repwatch (the incidents list, its
``min_victims`` filter, the map): each incident's largest stated number, its
smallest where the range is open ("11 to 13" counts 13, "more than 20" counts
20). An incident whose reports state no number adds none and is counted apart,
as is one without a month to place it in.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import Connection, case, func, select

from repwatch.model import Act, IncidentStatus, Modality
from repwatch.store.listing import IncidentQuery, conditions
from repwatch.store.store import Store
from repwatch.store.tables import incident_acts, incidents


@dataclass(frozen=True)
class Totals:
    incidents: int
    people: int  # each incident's largest stated count, summed
    uncounted: int  # incidents whose reports state no count
    undated: int  # incidents without a month (no date, or a year only)
    by_status: dict[IncidentStatus, int]


@dataclass(frozen=True)
class MonthCount:
    month: str  # "2019-11"
    incidents: int
    people: int


@dataclass(frozen=True)
class ActCount:
    act: Act
    occurred: int  # incidents in which the act happened
    expected: int  # … in which it was reported as coming


@dataclass(frozen=True)
class ProvinceCount:
    province: str | None  # the incident place's first-level division; None if unknown
    country: str | None
    incidents: int
    people: int


@dataclass(frozen=True)
class PlaceCount:
    """The incidents at one mapped place, for a map of very many incidents."""

    place_id: str | None
    place: str | None
    lat: float
    lon: float
    incidents: int
    people: int


@dataclass(frozen=True)
class Overview:
    totals: Totals
    months: list[MonthCount]
    acts: list[ActCount]
    provinces: list[ProvinceCount]


_COUNT = func.coalesce(incidents.c.victims_max, incidents.c.victims_min)
_PEOPLE = func.coalesce(func.sum(_COUNT), 0)
# A month is the first seven characters of a day or month date ("2019-11-19",
# "2019-11"); a year-only date ("2019") has none.
_MONTH = func.substr(incidents.c.date_start, 1, 7)
_HAS_MONTH = func.length(incidents.c.date_start) >= 7
_MONTH_OR_NULL = case((_HAS_MONTH, _MONTH), else_=None)


def totals(conn: Connection, query: IncidentQuery, *, sqlite: bool) -> Totals:
    # One pass: each status is counted by a sum over the rows rather than a GROUP BY,
    # which would sort them.
    statuses = list(IncidentStatus)
    row = conn.execute(
        select(
            func.count(),
            _PEOPLE,
            func.count() - func.count(_COUNT),
            func.count() - func.count(_MONTH_OR_NULL),
            *(
                func.coalesce(func.sum(case((incidents.c.status == s.value, 1), else_=0)), 0)
                for s in statuses
            ),
        ).where(*conditions(_unpaged(query), sqlite=sqlite))
    ).one()
    by_status = {s: int(n) for s, n in zip(statuses, row[4:], strict=True) if n}
    return Totals(int(row[0]), int(row[1]), int(row[2]), int(row[3]), by_status)


def by_month(conn: Connection, query: IncidentQuery, *, sqlite: bool) -> list[MonthCount]:
    """Incidents and people per month of the incident's start, in calendar order;
    months without incidents are left out."""
    statement = (
        select(_MONTH.label("month"), func.count(), _PEOPLE)
        .where(*conditions(_unpaged(query), sqlite=sqlite), _HAS_MONTH)
        .group_by(_MONTH)
        .order_by(_MONTH)
    )
    return [MonthCount(m, int(n), int(p)) for m, n, p in conn.execute(statement)]


def by_act(conn: Connection, query: IncidentQuery, *, sqlite: bool) -> list[ActCount]:
    """For each act, in the vocabulary's order, the incidents in which it occurred or
    was expected."""
    matching = select(incidents.c.id).where(*conditions(_unpaged(query), sqlite=sqlite))
    statement = (
        select(incident_acts.c.act, incident_acts.c.modality, func.count())
        .where(incident_acts.c.incident_id.in_(matching))
        .group_by(incident_acts.c.act, incident_acts.c.modality)
    )
    found: dict[tuple[str, str], int] = {(a, m): int(n) for a, m, n in conn.execute(statement)}
    return [
        ActCount(
            act,
            found.get((act.value, Modality.OCCURRED.value), 0),
            found.get((act.value, Modality.EXPECTED.value), 0),
        )
        for act in Act
        if (act.value, Modality.OCCURRED.value) in found
        or (act.value, Modality.EXPECTED.value) in found
    ]


def by_province(conn: Connection, query: IncidentQuery, *, sqlite: bool) -> list[ProvinceCount]:
    """Incidents and people per province, the most incidents first; incidents with no
    known province last, as one row."""
    statement = (
        select(incidents.c.admin1, incidents.c.country, func.count(), _PEOPLE)
        .where(*conditions(_unpaged(query), sqlite=sqlite))
        .group_by(incidents.c.admin1, incidents.c.country)
    )
    known: list[ProvinceCount] = []
    unknown = ProvinceCount(None, None, 0, 0)
    for province, country, n, people in conn.execute(statement):
        if province is None:
            unknown = ProvinceCount(None, None, unknown.incidents + n, unknown.people + people)
        else:
            known.append(ProvinceCount(province, country, int(n), int(people)))
    known.sort(key=lambda p: (-p.incidents, p.province or "", p.country or ""))
    return known + ([unknown] if unknown.incidents else [])


def by_place(conn: Connection, query: IncidentQuery, *, sqlite: bool) -> list[PlaceCount]:
    """Incidents and people per mapped place (incidents without coordinates left out),
    the most incidents first."""
    key = (incidents.c.place_id, incidents.c.place_name, incidents.c.lat, incidents.c.lon)
    statement = (
        select(*key, func.count(), _PEOPLE)
        .where(
            *conditions(_unpaged(query), sqlite=sqlite),
            incidents.c.lat.is_not(None),
            incidents.c.lon.is_not(None),
        )
        .group_by(*key)
    )
    found = [
        PlaceCount(place_id, place, float(lat), float(lon), int(n), int(people))
        for place_id, place, lat, lon, n, people in conn.execute(statement)
    ]
    return sorted(found, key=lambda p: (-p.incidents, p.place or "", p.lat, p.lon))


def places(store: Store, query: IncidentQuery | None = None) -> list[PlaceCount]:
    with store.engine.connect() as conn:
        return by_place(conn, query or IncidentQuery(), sqlite=store.is_sqlite)


def overview(store: Store, query: IncidentQuery | None = None) -> Overview:
    """Every figure of the overview for the incidents ``query`` matches."""
    query = query or IncidentQuery()
    sqlite = store.is_sqlite
    with store.engine.connect() as conn:
        return Overview(
            totals=totals(conn, query, sqlite=sqlite),
            months=by_month(conn, query, sqlite=sqlite),
            acts=by_act(conn, query, sqlite=sqlite),
            provinces=by_province(conn, query, sqlite=sqlite),
        )


def _unpaged(query: IncidentQuery) -> IncidentQuery:
    # Figures describe every match; a page's limit and offset do not apply.
    return replace(query, limit=None, offset=0)
