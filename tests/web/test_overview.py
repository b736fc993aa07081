"""The overview page and /api/v1/overview on the extracted sample corpus."""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from repwatch.model import Act, IncidentStatus
from repwatch.protect.roles import Role
from repwatch.store import IncidentQuery, Store
from repwatch.store.stats import overview
from repwatch.web import WebSettings, create_app
from repwatch.web.routes import overview as overview_routes

from .conftest import log_in

Client = Callable[[Role], TestClient]


class Elements(HTMLParser):
    """Every start tag's name and attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Elements()
    parser.feed(html)
    return parser.found


def the_map(html: str) -> dict[str, str | None]:
    (found,) = [attrs for tag, attrs in elements(html) if "data-map" in attrs]
    return found


@pytest.fixture
def verified(web_store: Store) -> list[int]:
    chosen = [i.id or 0 for i in web_store.list_incidents() if i.lat is not None][:3]
    for incident_id in chosen:
        web_store.set_status(incident_id, IncidentStatus.VERIFIED, actor="olga")
    return chosen


def test_api_gives_the_stores_figures_to_an_analyst(client_as: Client, web_store: Store) -> None:
    body = client_as(Role.ANALYST).get("/api/v1/overview").json()
    expected = overview(web_store)
    assert body["totals"]["incidents"] == expected.totals.incidents > 0
    assert body["totals"]["people"] == expected.totals.people > 0
    assert [m["month"] for m in body["months"]] == [m.month for m in expected.months]
    assert (
        sum(m["incidents"] for m in body["months"]) + body["totals"]["undated"]
        == (body["totals"]["incidents"])
    )
    assert {a["act"] for a in body["acts"]} == {a.act.value for a in expected.acts}
    assert sum(p["incidents"] for p in body["provinces"]) == body["totals"]["incidents"]


def test_api_takes_the_incident_filters(client_as: Client, web_store: Store) -> None:
    analyst = client_as(Role.ANALYST)
    body = analyst.get("/api/v1/overview", params={"act": "repatriation"}).json()
    expected = overview(web_store, IncidentQuery(act=Act.REPATRIATION)).totals.incidents
    assert body["totals"]["incidents"] == expected
    assert expected < overview(web_store).totals.incidents


def test_a_viewer_sees_figures_of_verified_incidents_only(
    client_as: Client, verified: list[int]
) -> None:
    viewer = client_as(Role.VIEWER)
    body = viewer.get("/api/v1/overview").json()
    assert body["totals"]["incidents"] == len(verified) == 3
    assert body["totals"]["by_status"] == {"verified": 3}
    page = viewer.get("/").text
    assert 'name="status"' not in page
    assert "status=verified" in (the_map(page)["data-geojson-url"] or "")


def test_a_viewer_may_not_ask_for_other_statuses(client_as: Client, verified: list[int]) -> None:
    response = client_as(Role.VIEWER).get("/api/v1/overview", params={"status": "proposed"})
    assert response.status_code == 403
    assert response.json()["error"]["type"] == "AccessDenied"


def test_a_bad_filter_is_named_in_the_error(client_as: Client) -> None:
    response = client_as(Role.ANALYST).get("/api/v1/overview", params={"act": "lunch"})
    assert response.status_code == 400
    assert "act" in response.json()["error"]["message"]


def test_without_a_session_the_page_asks_to_log_in(anonymous: TestClient) -> None:
    assert anonymous.get("/", follow_redirects=False).status_code == 303
    assert anonymous.get("/api/v1/overview").status_code == 401


def test_page_shows_totals_charts_and_the_map(client_as: Client, web_store: Store) -> None:
    page = client_as(Role.ANALYST).get("/", params={"act": "arrest"}).text
    totals = overview(web_store, IncidentQuery(act=Act.ARREST)).totals
    assert f'data-incidents="{totals.incidents}"' in page
    assert page.count("<svg") == 3  # the timeline, acts and provinces
    found = the_map(page)
    assert found["data-geojson-url"] == "/api/v1/incidents.geojson?act=arrest"
    assert found["data-basemap-url"] == "/static/basemap/"
    assert "data-tile-url" not in found  # offline unless a tile URL is configured
    scripts = [a.get("src") for tag, a in elements(page) if tag == "script"]
    assert "/static/js/map.js" in scripts
    assert "/static/vendor/leaflet/leaflet.js" in scripts
    # The act chart's bars lead to the incidents list with the same filters.
    assert 'href="/incidents?act=arrest"' in page


def test_page_map_data_is_the_geojson_the_api_serves(client_as: Client) -> None:
    analyst = client_as(Role.ANALYST)
    url = the_map(analyst.get("/").text)["data-geojson-url"]
    assert url
    response = analyst.get(url)
    assert response.status_code == 200
    assert response.json()["type"] == "FeatureCollection"


def test_a_map_of_very_many_incidents_shows_places(
    client_as: Client, web_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(overview_routes, "MAP_INCIDENTS_MAX", 2)
    analyst = client_as(Role.ANALYST)
    url = the_map(analyst.get("/", params={"act": "arrest"}).text)["data-geojson-url"]
    assert url == "/api/v1/overview/places.geojson?act=arrest"
    features = analyst.get(url).json()["features"]
    mapped = [i for i in web_store.list_incidents(IncidentQuery(act=Act.ARREST)) if i.lat]
    assert sum(f["properties"]["incidents"] for f in features) == len(mapped)
    first = features[0]["properties"]
    assert first["url"].startswith("/incidents?act=arrest&place=")


def test_a_viewers_places_hold_verified_incidents_only(
    client_as: Client, verified: list[int]
) -> None:
    features = client_as(Role.VIEWER).get("/api/v1/overview/places.geojson").json()["features"]
    assert sum(f["properties"]["incidents"] for f in features) == len(verified)
    assert all("status=verified" in f["properties"]["url"] for f in features)


def test_page_is_free_of_inline_script_and_style(client_as: Client) -> None:
    page = client_as(Role.ANALYST).get("/").text
    for tag, attrs in elements(page):
        assert "style" not in attrs, tag
        assert not [name for name in attrs if name.startswith("on")], tag
        if tag == "script":
            assert attrs.get("src"), "inline script"
    assert not re.search(r"<style[\s>]", page)


def test_tile_url_reaches_the_map_only_when_configured(web_store: Store) -> None:
    settings = WebSettings(
        tile_url="https://tiles.example.org/{z}/{x}/{y}.png", tile_attribution="© Example"
    )
    app: FastAPI = create_app(web_store, settings=settings)
    web_store.add_user("tess", "correct horse battery staple", Role.ANALYST, by="test")
    with TestClient(app) as client:
        found = the_map(log_in(client, "tess").get("/").text)
    assert found["data-tile-url"] == "https://tiles.example.org/{z}/{x}/{y}.png"
    assert found["data-tile-attribution"] == "© Example"


def test_openapi_documents_the_overview(anonymous: TestClient) -> None:
    paths = anonymous.get("/api/v1/openapi.json").json()["paths"]
    assert "get" in paths["/api/v1/overview"]
    assert "/" not in paths
