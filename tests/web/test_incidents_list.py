"""The incidents list: its filters, pages and totals, as a page and through the API."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from repwatch.model import DateRange, IncidentStatus
from repwatch.protect.roles import Role
from repwatch.store import Store

Client = Callable[[Role], TestClient]


def everything(client: TestClient, params: str = "") -> dict[str, Any]:
    response = client.get(f"/api/v1/incidents?per_page=500&{params}")
    assert response.status_code == 200, response.text
    return response.json()


def bounds(record: dict[str, Any]) -> tuple[str, str] | None:
    if not (record["date_start"] or record["date_end"]):
        return None
    lo, hi = DateRange(start=record["date_start"], end=record["date_end"]).bounds()
    return str(lo), str(hi)


def in_place(record: dict[str, Any], text: str) -> bool:
    names = (record["place"], record["admin1"], record["place_id"])
    return any(text.lower() in (name or "").lower() for name in names)


# (query string, what every listed incident holds, and no unlisted one does)
FILTERS: list[tuple[str, Callable[[dict[str, Any]], bool]]] = [
    ("since=2013-01-01", lambda r: (b := bounds(r)) is not None and b[1] >= "2013-01-01"),
    ("until=2011-12-31", lambda r: (b := bounds(r)) is not None and b[0] <= "2011-12-31"),
    ("since=2016&until=2016", lambda r: (b := bounds(r)) is not None and b[1] >= "2016-01-01"
     and b[0] <= "2016-12-31"),
    ("place=jilin", lambda r: in_place(r, "jilin")),
    ("place=Yanji", lambda r: in_place(r, "yanji")),
    ("act=repatriation", lambda r: "repatriation" in r["acts"] + r["expected_acts"]),
    ("act=death", lambda r: "death" in r["acts"] + r["expected_acts"]),
    ("modality=occurred", lambda r: r["modality"] == "occurred"),
    ("min_people=5", lambda r: r["people"] is not None and r["people"] >= 5),
    ("status=verified", lambda r: r["status"] == "verified"),
]  # fmt: skip


@pytest.mark.parametrize(("params", "holds"), FILTERS, ids=[p for p, _ in FILTERS])
def test_each_filter_lists_exactly_the_incidents_it_describes(
    client_as: Client, web_store: Store, params: str, holds: Callable[[dict[str, Any]], bool]
) -> None:
    web_store.set_status(
        web_store.list_incidents()[0].id or 0, IncidentStatus.VERIFIED, actor="ana"
    )
    analyst = client_as(Role.ANALYST)
    every = everything(analyst)["incidents"]
    found = everything(analyst, params)
    expected = {r["id"] for r in every if holds(r)}
    assert expected, "the sample corpus has incidents of this kind"
    assert {r["id"] for r in found["incidents"]} == expected
    assert found["total"] == len(expected)
    assert len(expected) < len(every) or params == "modality=occurred"


def test_search_lists_the_incidents_whose_reports_hold_the_words(
    client_as: Client, web_store: Store
) -> None:
    word = "Dandong"
    holding = set()
    for incident in web_store.list_incidents():
        texts = [web_store.get_report(r).text for r in incident.report_ids]
        if any(re.search(rf"\b{word}", t, re.IGNORECASE) for t in texts):
            holding.add(incident.id)
    assert holding and len(holding) < web_store.count_incidents()
    found = everything(client_as(Role.ANALYST), f"q={word.lower()}")
    assert {r["id"] for r in found["incidents"]} == holding


def test_pages_cover_every_incident_once(client_as: Client) -> None:
    analyst = client_as(Role.ANALYST)
    total = everything(analyst)["total"]
    seen: list[int] = []
    first = analyst.get("/api/v1/incidents?per_page=4&act=arrest").json()
    assert first["pages"] == math.ceil(first["total"] / 4)
    for page in range(1, first["pages"] + 1):
        body = analyst.get(f"/api/v1/incidents?per_page=4&act=arrest&page={page}").json()
        assert body["page"] == page and body["per_page"] == 4
        seen += [r["id"] for r in body["incidents"]]
    assert len(seen) == len(set(seen)) == first["total"] <= total


def test_the_page_shows_a_page_of_rows_and_links_that_keep_the_filters(
    client_as: Client,
) -> None:
    page = client_as(Role.ANALYST).get("/incidents?act=arrest&per_page=4")
    assert page.status_code == 200
    assert page.text.count('<a href="/incidents/') == 4
    assert "/incidents?act=arrest&amp;per_page=4&amp;page=2" in page.text
    assert "/api/v1/incidents.csv?act=arrest" in page.text
    assert "/api/v1/incidents.geojson?act=arrest" in page.text
    assert 'value="repatriation"' in page.text and 'value="arrest" selected' in page.text


def test_htmx_gets_the_results_alone(client_as: Client) -> None:
    response = client_as(Role.ANALYST).get(
        "/incidents?place=jilin",
        headers={"HX-Request": "true", "HX-Target": "incident-results"},
    )
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<div id="incident-results">')
    assert "<html" not in response.text


def test_the_filter_form_works_without_javascript(client_as: Client) -> None:
    page = client_as(Role.ANALYST).get("/incidents")
    form = re.search(r"<form class=\"filters\"[^>]*>", page.text)
    assert form and 'method="get"' in form.group(0) and 'action="/incidents"' in form.group(0)
    # Empty fields, as a browser sends them, mean no filter.
    empty = "since=&until=&place=&act=&modality=&status=&min_people=&q="
    assert client_as(Role.ANALYST).get(f"/incidents?{empty}").status_code == 200


@pytest.mark.parametrize(
    ("params", "named"),
    [
        ("since=2019-13-45", "since"),
        ("since=2019-05-01&until=2019-01-01", "since"),
        ("act=flying", "act"),
        ("min_people=-1", "min_people"),
        ("min_people=many", "min_people"),
        ("per_page=0", "per_page"),
        ("per_page=100000", "per_page"),
        ("page=0", "page"),
    ],
)
def test_a_filter_that_cannot_be_used_is_a_400_naming_it(
    client_as: Client, params: str, named: str
) -> None:
    response = client_as(Role.ANALYST).get(f"/api/v1/incidents?{params}")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["type"] == "InputError" and error["message"].startswith(named)
    assert client_as(Role.ANALYST).get(f"/incidents?{params}").status_code == 400
