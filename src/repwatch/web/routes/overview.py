"""The overview: the incidents on a map, per month, by act and by province.

``GET /`` is the page, ``GET /api/v1/overview`` the same figures as JSON. Both take
the incidents list's filters; a viewer sees verified incidents only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from enum import StrEnum
from typing import Annotated, TypeVar
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from markupsafe import Markup
from pydantic import BaseModel, ConfigDict

from repwatch.errors import AccessDenied, InputError
from repwatch.model import Act, IncidentStatus, Modality
from repwatch.protect.roles import Permission, allows
from repwatch.store import IncidentQuery, User
from repwatch.store.stats import Overview, ProvinceCount, overview
from repwatch.web.auth import require, store_of
from repwatch.web.charts import Bar, bar_chart_svg, timeline_svg
from repwatch.web.templating import render

router = APIRouter()

Viewer = Annotated[User, Depends(require(Permission.VIEW_VERIFIED))]

PROVINCES_SHOWN = 12  # the rest are summed as one bar


# --- filters ---------------------------------------------------------------------------

E = TypeVar("E", bound=StrEnum)


def _choice(name: str, value: str | None, kind: type[E]) -> E | None:
    if not value:
        return None
    try:
        return kind(value.strip().lower())
    except ValueError:
        choices = ", ".join(k.value for k in kind)
        raise InputError(name, f"{value!r} is not one of {choices}") from None


def _date(name: str, value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(name, f"{value!r} is not a date like 2019-11-21") from None


def _count(name: str, value: str | None) -> int | None:
    if not value:
        return None
    if not value.strip().isdigit():
        raise InputError(name, f"{value!r} is not a whole number of people")
    return int(value)


def incident_filters(
    user: Viewer,
    since: Annotated[str | None, Query(description="on or after (YYYY-MM-DD)")] = None,
    until: Annotated[str | None, Query(description="on or before (YYYY-MM-DD)")] = None,
    place: Annotated[str | None, Query(max_length=200, description="place or province")] = None,
    act: Annotated[str | None, Query(description="one of the acts")] = None,
    modality: Annotated[str | None, Query(description="occurred or expected")] = None,
    status: Annotated[str | None, Query(description="proposed, verified or rejected")] = None,
    min_victims: Annotated[str | None, Query(description="at least this many people")] = None,
    q: Annotated[str | None, Query(max_length=200, description="words in the reports")] = None,
) -> IncidentQuery:
    """The query a request's filters make; empty form fields mean no filter. A viewer
    is held to verified incidents."""
    chosen = _choice("status", status, IncidentStatus)
    if not allows(user.role, Permission.VIEW_ALL):
        if chosen not in (None, IncidentStatus.VERIFIED):
            raise AccessDenied(f"the {user.role} role sees verified incidents only")
        chosen = IncidentStatus.VERIFIED
    return IncidentQuery(
        since=_date("since", since),
        until=_date("until", until),
        place=place.strip() if place and place.strip() else None,
        act=_choice("act", act, Act),
        modality=_choice("modality", modality, Modality),
        status=chosen,
        min_victims=_count("min_victims", min_victims),
        search=q.strip() if q and q.strip() else None,
    )


Filters = Annotated[IncidentQuery, Depends(incident_filters)]


def query_string(query: IncidentQuery) -> str:
    """The filters of ``query`` as URL parameters, for the map's data and the links."""
    values = {
        "since": query.since.isoformat() if query.since else None,
        "until": query.until.isoformat() if query.until else None,
        "place": query.place,
        "act": query.act.value if query.act else None,
        "modality": query.modality.value if query.modality else None,
        "status": query.status.value if query.status else None,
        "min_victims": query.min_victims,
        "q": query.search,
    }
    return urlencode({k: v for k, v in values.items() if v is not None})


# --- the API ---------------------------------------------------------------------------


class TotalsOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    incidents: int
    people: int  # the smallest number each incident's reports state, summed
    uncounted: int  # incidents whose reports state no number
    undated: int  # incidents without a month
    by_status: dict[IncidentStatus, int]


class MonthOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    month: str
    incidents: int
    people: int


class ActOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    act: Act
    occurred: int
    expected: int


class ProvinceOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    province: str | None
    country: str | None
    incidents: int
    people: int


class OverviewOut(BaseModel):
    """Figures over the incidents the filters match."""

    model_config = ConfigDict(from_attributes=True)

    totals: TotalsOut
    months: list[MonthOut]
    acts: list[ActOut]
    provinces: list[ProvinceOut]


@router.get("/api/v1/overview", response_model=OverviewOut, tags=["overview"])
def overview_api(request: Request, user: Viewer, query: Filters) -> OverviewOut:
    """Incidents and people per month, by act and by province, and the totals."""
    return OverviewOut.model_validate(overview(store_of(request), query))


# --- the page --------------------------------------------------------------------------


@router.get("/", include_in_schema=False)
def overview_page(request: Request, user: Viewer, query: Filters) -> Response:
    figures = overview(store_of(request), query)
    filters = query_string(query)
    return render(
        request,
        "overview.html",
        {
            "figures": figures,
            "query": query,
            "filters": filters,
            "geojson_url": "/api/v1/incidents.geojson" + (f"?{filters}" if filters else ""),
            "timeline": timeline_svg(figures.months),
            "acts_chart": acts_chart(figures, query),
            "provinces_chart": provinces_chart(figures, query),
            "acts": list(Act),
            "statuses": [s for s in IncidentStatus if s is not IncidentStatus.MERGED],
        },
    )


def _list_link(query: IncidentQuery) -> str:
    """The incidents list showing what a bar counts."""
    filters = query_string(query)
    return "/incidents" + (f"?{filters}" if filters else "")


def acts_chart(figures: Overview, query: IncidentQuery) -> Markup:
    bars = [
        Bar(a.act.value, (a.occurred, a.expected), href=_list_link(replace(query, act=a.act)))
        for a in figures.acts
    ]
    return bar_chart_svg(bars, series=("occurred", "expected"), title="Incidents by act")


def province_label(province: ProvinceCount) -> str:
    if province.province is None:
        return "place unknown"
    return f"{province.province} ({province.country})" if province.country else province.province


def provinces_chart(figures: Overview, query: IncidentQuery) -> Markup:
    shown = figures.provinces[:PROVINCES_SHOWN]
    rest = figures.provinces[PROVINCES_SHOWN:]
    bars = [
        Bar(
            province_label(p),
            (p.incidents,),
            href=_list_link(replace(query, place=p.province)) if p.province else None,
        )
        for p in shown
    ]
    if rest:
        others = sum(p.incidents for p in rest)
        bars.append(Bar(f"{len(rest)} other provinces", (others,)))
    return bar_chart_svg(bars, title="Incidents by province")
