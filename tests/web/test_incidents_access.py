"""What a viewer may see of incidents, and hostile report text rendered inert."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from repwatch.jobs import extract_into
from repwatch.model import IncidentStatus, Report
from repwatch.protect.roles import Role
from repwatch.store import Store

Client = Callable[[Role], TestClient]

SENSITIVE_KEYS = {"victim_group", "sources", "spans", "mentions", "history", "extractor"}


def keys(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in keys(v)}
    return set()


@pytest.fixture
def verified(web_store: Store) -> list[int]:
    """Two incidents verified, with victim descriptors and sources in their mentions."""
    chosen = [
        i.id or 0
        for i in web_store.list_incidents()
        if any(m.victim_group and m.sources for m in web_store.mentions_of(i.id or 0))
    ][:2]
    assert len(chosen) == 2
    for incident_id in chosen:
        web_store.set_status(incident_id, IncidentStatus.VERIFIED, actor="olga")
    web_store.set_field(chosen[0], "perpetrator", "china", actor="olga")
    return chosen


def test_a_viewer_lists_verified_incidents_only(client_as: Client, verified: list[int]) -> None:
    viewer = client_as(Role.VIEWER)
    body = viewer.get("/api/v1/incidents").json()
    assert sorted(r["id"] for r in body["incidents"]) == sorted(verified)
    assert body["total"] == 2
    page = viewer.get("/incidents").text
    assert page.count('<a href="/incidents/') == 2
    assert 'name="status"' not in page and 'name="q"' not in page
    csv_rows = viewer.get("/api/v1/incidents.csv").text.strip().splitlines()
    assert len(csv_rows) == 1 + 2
    assert len(viewer.get("/api/v1/incidents.geojson").json()["features"]) == 2


@pytest.mark.parametrize("params", ["status=proposed", "status=rejected", "q=police"])
def test_a_viewer_may_not_ask_for_more(client_as: Client, verified: list[int], params: str) -> None:
    viewer = client_as(Role.VIEWER)
    for path in ("/api/v1/incidents", "/incidents", "/api/v1/incidents.csv"):
        assert viewer.get(f"{path}?{params}").status_code == 403
    assert viewer.get("/api/v1/incidents?status=verified").json()["total"] == 2


def test_a_viewer_cannot_open_an_unverified_incident(
    client_as: Client, web_store: Store, verified: list[int]
) -> None:
    proposed = next(i.id for i in web_store.list_incidents() if i.id not in verified)
    viewer = client_as(Role.VIEWER)
    assert viewer.get(f"/api/v1/incidents/{proposed}").status_code == 404
    assert viewer.get(f"/incidents/{proposed}").status_code == 404
    assert client_as(Role.ANALYST).get(f"/api/v1/incidents/{proposed}").status_code == 200


def test_a_viewer_sees_no_sensitive_field(
    client_as: Client, web_store: Store, verified: list[int]
) -> None:
    viewer = client_as(Role.VIEWER)
    for incident_id in verified:
        response = viewer.get(f"/api/v1/incidents/{incident_id}")
        body = response.json()
        assert body["evidence"] is None
        assert not keys(body) & SENSITIVE_KEYS
        page = viewer.get(f"/incidents/{incident_id}").text
        assert "report-text" not in page and "<mark" not in page
        for mention in web_store.mentions_of(incident_id):
            secrets = [mention.victim_group.value if mention.victim_group else ""]
            secrets += [s.value for s in mention.sources]
            secrets.append(web_store.get_report(mention.report_id).text[:60])
            for secret in filter(None, secrets):
                assert secret not in page and json.dumps(secret)[1:-1] not in response.text
        assert "olga" not in response.text and "olga" not in page
    analyst = client_as(Role.ANALYST).get(f"/api/v1/incidents/{verified[0]}").json()
    assert analyst["evidence"]["reports"] and "olga" in json.dumps(analyst)


HOSTILE = (
    "Chinese police arrested three North Korean defectors in Dandong on March 3, 2019, "
    'a source said. <script>alert("text")</script> The three were repatriated on March 10. '
    '"><img src=x onerror=alert(1)>'
)


@pytest.fixture
def hostile(web_store: Store) -> int:
    report = Report.from_text(
        HOSTILE,
        title="<script>alert('title')</script>",
        publisher='"><img src=x onerror=alert(2)>',
        url="javascript:alert(3)",
    )
    web_store.add_report(report)
    extract_into(web_store, [report.id])
    (incident,) = [i for i in web_store.list_incidents() if report.id in i.report_ids]
    return incident.id or 0


def test_hostile_report_text_renders_inert(client_as: Client, hostile: int) -> None:
    analyst = client_as(Role.ANALYST)
    page = analyst.get(f"/incidents/{hostile}").text
    assert "&lt;script&gt;alert(&#34;text&#34;)&lt;/script&gt;" in page or "&lt;script&gt;" in page
    for raw in ("<script>alert", "<img src=x", "javascript:alert"):
        assert raw not in page
    listing = analyst.get('/incidents?q="><script>alert(4)</script>').text
    assert "<script>alert(4)" not in listing and "&lt;script&gt;alert(4)" in listing
