"""Downloads of a filtered list: every matching incident, as CSV and GeoJSON."""

from __future__ import annotations

import io
from collections.abc import Callable

from fastapi.testclient import TestClient

from repwatch.export import read_csv
from repwatch.protect.roles import Role

Client = Callable[[Role], TestClient]


def test_csv_holds_every_matching_incident_not_just_a_page(client_as: Client) -> None:
    analyst = client_as(Role.ANALYST)
    listed = analyst.get("/api/v1/incidents?act=arrest&per_page=500").json()
    response = analyst.get("/api/v1/incidents.csv?act=arrest&per_page=2&page=3")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = read_csv(io.StringIO(response.text))
    assert sorted(i.id or 0 for i in rows) == sorted(r["id"] for r in listed["incidents"])
    assert len(rows) == listed["total"] > 2


def test_geojson_features_carry_what_the_map_needs(client_as: Client) -> None:
    analyst = client_as(Role.ANALYST)
    listed = {r["id"]: r for r in analyst.get("/api/v1/incidents?place=jilin").json()["incidents"]}
    response = analyst.get("/api/v1/incidents.geojson?place=jilin")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/geo+json")
    collection = response.json()
    assert collection["type"] == "FeatureCollection"
    features = collection["features"]
    assert {f["properties"]["id"] for f in features} == set(listed)
    for feature in features:
        properties = feature["properties"]
        record = listed[properties["id"]]
        assert properties["url"] == f"/incidents/{record['id']}"
        for key in ("people", "place", "date_start", "date_end", "acts", "status"):
            assert properties[key] == record[key]
        if record["lat"] is not None:
            assert feature["geometry"]["coordinates"] == [record["lon"], record["lat"]]


def test_downloads_are_described_in_the_openapi_document(client_as: Client) -> None:
    paths = client_as(Role.VIEWER).get("/api/v1/openapi.json").json()["paths"]
    for path in ("/api/v1/incidents", "/api/v1/incidents/{incident_id}",
                 "/api/v1/incidents.csv", "/api/v1/incidents.geojson"):  # fmt: skip
        assert path in paths
    listing = paths["/api/v1/incidents"]["get"]
    names = {p["name"] for p in listing["parameters"]}
    assert {"since", "until", "place", "act", "modality", "status", "min_people", "q",
            "page", "per_page"} <= names  # fmt: skip
    assert "IncidentListOut" in str(listing["responses"]["200"])
