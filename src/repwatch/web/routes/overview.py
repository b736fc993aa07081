"""The overview: the incidents on a map, per month, by act and by province.

``GET /`` is the page, ``GET /api/v1/overview`` the same figures as JSON. Both take
the incidents list's filters; a viewer sees verified incidents only.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response
from markupsafe import Markup
from pydantic import BaseModel, ConfigDict

from repwatch.model import Act, IncidentStatus
from repwatch.protect.roles import Permission
from repwatch.store import User
from repwatch.store.stats import Overview, ProvinceCount, overview, places
from repwatch.web.auth import require, store_of
from repwatch.web.charts import Bar, bar_chart_svg, timeline_svg
from repwatch.web.filters import Filters, incident_filters
from repwatch.web.templating import render

router = APIRouter()

Viewer = Annotated[User, Depends(require(Permission.VIEW_VERIFIED))]

PROVINCES_SHOWN = 12  # the rest are summed as one bar
# Up to this many incidents the map shows each one; beyond, one marker per place, as
# a browser cannot fetch and draw a hundred thousand markers in good time.
MAP_INCIDENTS_MAX = 3000


GivenFilters = Annotated[Filters, Depends(incident_filters)]


def figures_for(request: Request, filters: Filters, user: User) -> tuple[Filters, Overview]:
    """The figures over the incidents the filters match, as the user's role may see them."""
    filters = filters.for_role(user.role)
    return filters, overview(store_of(request), filters.query())


# --- the API ---------------------------------------------------------------------------


class TotalsOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    incidents: int
    people: int  # each incident's largest stated number (smallest if open-ended), summed
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


@router.get(
    "/api/v1/overview/places.geojson",
    tags=["overview"],
    response_class=JSONResponse,
    responses={
        200: {
            "content": {"application/geo+json": {}},
            "description": "A FeatureCollection with one Point per mapped place, [lon, lat].",
        }
    },
)
def places_geojson(request: Request, filters: GivenFilters, user: Viewer) -> Response:
    """The incidents the filters match, one feature per place: its `place`, `incidents`,
    `people` and the `url` of the incidents list showing them."""
    filters = filters.for_role(user.role)
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [found.lon, found.lat]},
            "properties": {
                "place": found.place,
                "incidents": found.incidents,
                "people": found.people,
                "url": filters.link("/incidents", place=found.place_id or found.place or ""),
            },
        }
        for found in places(store_of(request), filters.query())
    ]
    return JSONResponse(
        {"type": "FeatureCollection", "features": features}, media_type="application/geo+json"
    )


@router.get("/api/v1/overview", response_model=OverviewOut, tags=["overview"])
def overview_api(request: Request, filters: GivenFilters, user: Viewer) -> OverviewOut:
    """Incidents and people per month, by act and by province, and the totals, over the
    incidents the filters match (the filters of /api/v1/incidents; paging aside)."""
    _, figures = figures_for(request, filters, user)
    return OverviewOut.model_validate(figures)


# --- the page --------------------------------------------------------------------------


@router.get("/", include_in_schema=False)
def overview_page(request: Request, filters: GivenFilters, user: Viewer) -> Response:
    filters, figures = figures_for(request, filters, user)
    return render(
        request,
        "overview.html",
        {
            "figures": figures,
            "filters": filters,
            "geojson_url": map_data_url(filters, figures),
            "timeline": timeline_svg(figures.months),
            "acts_chart": acts_chart(figures, filters),
            "provinces_chart": provinces_chart(figures, filters),
            "acts": list(Act),
            "statuses": [s for s in IncidentStatus if s is not IncidentStatus.MERGED],
        },
    )


def map_data_url(filters: Filters, figures: Overview) -> str:
    if figures.totals.incidents <= MAP_INCIDENTS_MAX:
        return filters.link("/api/v1/incidents.geojson")
    return filters.link("/api/v1/overview/places.geojson")


def acts_chart(figures: Overview, filters: Filters) -> Markup:
    bars = [
        Bar(a.act.value, (a.occurred, a.expected), href=filters.link("/incidents", act=a.act.value))
        for a in figures.acts
    ]
    return bar_chart_svg(bars, series=("occurred", "expected"), title="Incidents by act")


def province_label(province: ProvinceCount) -> str:
    if province.province is None:
        return "place unknown"
    return f"{province.province} ({province.country})" if province.country else province.province


def provinces_chart(figures: Overview, filters: Filters) -> Markup:
    shown = figures.provinces[:PROVINCES_SHOWN]
    rest = figures.provinces[PROVINCES_SHOWN:]
    bars = [
        Bar(
            province_label(p),
            (p.incidents,),
            href=filters.link("/incidents", place=p.province) if p.province else None,
        )
        for p in shown
    ]
    if rest:
        others = sum(p.incidents for p in rest)
        bars.append(Bar(f"{len(rest)} other provinces", (others,)))
    return bar_chart_svg(bars, title="Incidents by province")
