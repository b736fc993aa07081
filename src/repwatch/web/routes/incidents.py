"""The incidents pages and their /api/v1 routes: the filtered list, one incident with
its evidence, and downloads of a filtered list as CSV or GeoJSON."""

from __future__ import annotations

import datetime as dt
import io
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from repwatch.evidence import value_text
from repwatch.export import incident_record, write_incidents
from repwatch.export.incidents import geojson_feature
from repwatch.model import Act, Incident, IncidentStatus, Modality
from repwatch.protect.roles import Permission
from repwatch.store import Store, User
from repwatch.store.listing import IncidentPage
from repwatch.web.auth import require, settings_of, store_of
from repwatch.web.filters import Filters, incident_filters
from repwatch.web.incident_view import IncidentView, incident_view
from repwatch.web.review_view import done_message
from repwatch.web.templating import render

router = APIRouter()

Viewer = Annotated[User, Depends(require(Permission.VIEW_VERIFIED))]
GivenFilters = Annotated[Filters, Depends(incident_filters)]
RESULTS_ID = "incident-results"  # the element htmx swaps when the filter form changes


# --- what the API answers -------------------------------------------------------


class IncidentOut(BaseModel):
    """An incident's fields (never report text, victim descriptors or sources)."""

    id: int
    url: str = Field(description="The incident's page.")
    status: IncidentStatus
    modality: Modality
    acts: list[Act]
    expected_acts: list[Act]
    people: int | None = Field(description="The largest count stated, else the smallest.")
    victims_min: int | None
    victims_max: int | None
    place: str | None
    place_id: str | None
    lat: float | None
    lon: float | None
    admin1: str | None
    country: str | None
    date_start: str | None
    date_end: str | None
    date_precision: str | None
    perpetrator: str | None
    reports_count: int
    publishers_count: int
    sources_count: int
    conflicts: list[str] = Field(description="Fields whose reports disagree.")
    merged_into: int | None


class IncidentListOut(BaseModel):
    total: int = Field(description="How many incidents match, on every page.")
    page: int
    per_page: int
    pages: int
    incidents: list[IncidentOut]


class AlternativeOut(BaseModel):
    text: str
    value: Any
    publishers: list[str]


class FieldOut(BaseModel):
    name: str
    text: str
    value: Any
    producers: list[str] = Field(description="Components (name.version) or 'analyst'.")
    set_by: str | None = Field(description="The analyst who set it (analysts only).")
    set_at: dt.datetime | None
    support: int = Field(description="Independent sources stating the value.")
    fixed: bool = Field(description="Set by an analyst; extraction never overwrites it.")
    conflict: bool
    alternatives: list[AlternativeOut]


class SpanOut(BaseModel):
    start: int
    end: int
    text: str


class MentionValueOut(BaseModel):
    field: str
    text: str
    producer: str
    spans: list[SpanOut]


class MentionOut(BaseModel):
    id: int | None
    extractor: str
    values: list[MentionValueOut]


class ReportOut(BaseModel):
    id: str
    title: str | None
    publisher: str | None
    published: dt.date | None
    url: str | None
    mentions: list[MentionOut]


class HistoryOut(BaseModel):
    action: str
    actor: str
    at: dt.datetime
    detail: dict[str, Any]


class EvidenceOut(BaseModel):
    """The backing reports with each value's spans, and the incident's history."""

    reports: list[ReportOut]
    history: list[HistoryOut]


class CorroborationOut(BaseModel):
    reports: int
    publishers: int
    original_sources: int


class IncidentDetailOut(IncidentOut):
    fields: list[FieldOut]
    corroboration: CorroborationOut
    evidence: EvidenceOut | None = Field(description="Analysts only; null for viewers.")


def incident_out(incident: Incident) -> IncidentOut:
    record = incident_record(incident)
    return IncidentOut(
        **{k: v for k, v in record.items() if k not in ("place_name", "report_ids")},
        url=f"/incidents/{incident.id}",
        people=people(incident),
        place=incident.place_name,
        reports_count=incident.reports_count,
        publishers_count=incident.publishers_count,
        sources_count=incident.sources_count,
        conflicts=list(incident.conflicts),
        merged_into=incident.merged_into,
    )


def people(incident: Incident) -> int | None:
    victims = incident.victims
    if victims is None:
        return None
    return victims.max if victims.max is not None else victims.min


def detail_out(view: IncidentView) -> IncidentDetailOut:
    evidence = None
    if view.sensitive:
        evidence = EvidenceOut(
            reports=[
                ReportOut(
                    id=r.report.id,
                    title=r.report.title,
                    publisher=r.report.publisher,
                    published=r.report.published,
                    url=r.report.url,
                    mentions=[
                        MentionOut(
                            id=m.id,
                            extractor=m.extractor,
                            values=[
                                MentionValueOut(
                                    field=v.field,
                                    text=v.text,
                                    producer=v.producer,
                                    spans=[SpanOut(**s.model_dump()) for s in v.spans],
                                )
                                for v in m.values
                            ],
                        )
                        for m in r.mentions
                    ],
                )
                for r in view.reports
            ],
            history=[
                HistoryOut(action=e.action, actor=e.actor, at=e.at, detail=e.detail)
                for e in view.history
            ],
        )
    c = view.corroboration
    return IncidentDetailOut(
        **incident_out(view.incident).model_dump(),
        fields=[
            FieldOut(
                name=f.name,
                text=f.text,
                value=f.value,
                producers=list(f.producers),
                set_by=f.set_by,
                set_at=f.set_at,
                support=f.support,
                fixed=f.fixed,
                conflict=f.conflict,
                alternatives=[
                    AlternativeOut(text=a.text, value=a.value, publishers=list(a.publishers))
                    for a in f.alternatives
                ],
            )
            for f in view.fields
        ],
        corroboration=CorroborationOut(
            reports=c.reports, publishers=c.publishers, original_sources=c.original_sources
        ),
        evidence=evidence,
    )


# --- listing ----------------------------------------------------------------------


def listed(request: Request, filters: Filters, user: User) -> tuple[Filters, IncidentPage]:
    """The page of incidents the filters ask for, as the user's role may see them."""
    filters = filters.for_role(user.role)
    query = filters.query()
    page_size = filters.page_size(settings_of(request).page_size)
    page = store_of(request).page_incidents(query, page=filters.page_number(), per_page=page_size)
    return filters, page


def matching(request: Request, filters: Filters, user: User) -> list[Incident]:
    """Every incident the filters match, as the user's role may see them."""
    return store_of(request).list_incidents(filters.for_role(user.role).query())


@router.get("/incidents", include_in_schema=False)
def incidents_page(request: Request, filters: GivenFilters, user: Viewer) -> Response:
    _, page = listed(request, filters, user)
    context = {
        "filters": filters,
        "page": page,
        "value_text": value_text,
        "rows": [(i, people(i)) for i in page.incidents],
        "acts": list(Act),
        "modalities": list(Modality),
        "statuses": [s for s in IncidentStatus if s is not IncidentStatus.MERGED],
        "results_id": RESULTS_ID,
    }
    # htmx asks for the results alone when the filter form or a page link changes them.
    partial = request.headers.get("HX-Target") == RESULTS_ID
    response = render(
        request, "incidents/_results.html" if partial else "incidents/list.html", context
    )
    response.headers["Vary"] = "HX-Request, HX-Target"
    return response


@router.get("/api/v1/incidents", response_model=IncidentListOut, tags=["incidents"])
def list_incidents(request: Request, filters: GivenFilters, user: Viewer) -> IncidentListOut:
    """One page of the incidents matching the filters, newest first, with the total."""
    _, page = listed(request, filters, user)
    return IncidentListOut(
        total=page.total,
        page=page.page,
        per_page=page.per_page,
        pages=page.pages,
        incidents=[incident_out(i) for i in page.incidents],
    )


@router.get(
    "/api/v1/incidents.csv",
    tags=["incidents"],
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}, "description": "Every matching incident."}},
)
def download_csv(request: Request, filters: GivenFilters, user: Viewer) -> Response:
    """Every incident matching the filters, as CSV (the columns of `repwatch export`)."""
    out = io.StringIO()
    write_incidents(matching(request, filters, user), out, format="csv")
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="incidents.csv"'},
    )


@router.get(
    "/api/v1/incidents.geojson",
    tags=["incidents"],
    response_class=JSONResponse,
    responses={
        200: {
            "content": {"application/geo+json": {}},
            "description": "A FeatureCollection of every matching incident, [lon, lat].",
        }
    },
)
def download_geojson(request: Request, filters: GivenFilters, user: Viewer) -> Response:
    """Every incident matching the filters, as a GeoJSON FeatureCollection; each feature's
    properties add `people`, `place` and `url` to the export's columns."""
    features = [feature(i) for i in matching(request, filters, user)]
    return JSONResponse(
        {"type": "FeatureCollection", "features": features},
        media_type="application/geo+json",
    )


def feature(incident: Incident) -> dict[str, Any]:
    found = geojson_feature(incident)
    found["properties"].update(
        people=people(incident), place=incident.place_name, url=f"/incidents/{incident.id}"
    )
    return found


# --- one incident -----------------------------------------------------------------


@router.get("/incidents/{incident_id}", include_in_schema=False)
def incident_page(
    request: Request, incident_id: int, user: Viewer, done: str | None = None
) -> Response:
    view = incident_view(store_of(request), incident_id, role=user.role)
    context = {
        "view": view,
        "people": people(view.incident),
        "value_text": value_text,
        # What a review action just did, when it came back here without htmx.
        "message": done_message(done),
    }
    return render(request, "incidents/detail.html", context)


@router.get("/api/v1/incidents/{incident_id}", response_model=IncidentDetailOut, tags=["incidents"])
def get_incident(request: Request, incident_id: int, user: Viewer) -> IncidentDetailOut:
    """One incident: each field with its provenance, corroboration and conflicts; for
    analysts also the backing reports' mentions with their evidence spans, and history."""
    store: Store = store_of(request)
    return detail_out(incident_view(store, incident_id, role=user.role))
