"""The review API: the queue, status, fields, merge, distinct and history as JSON."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from repwatch.link import FIELDS
from repwatch.model import Act, DateRange, IncidentStatus, Perpetrator, VictimCount
from repwatch.protect.roles import Role
from repwatch.store import Store
from repwatch.web.security import CSRF_HEADER

from .test_review_pages import open_proposal, proposed


@pytest.fixture
def analyst(client_as: Callable[[Role], TestClient]) -> TestClient:
    return client_as(Role.ANALYST)


def test_queue_lists_possible_duplicates_and_proposed_incidents(
    analyst: TestClient, web_store: Store
) -> None:
    a, b = proposed(web_store)
    proposal = open_proposal(web_store, b, a, ("same place", "same day"))
    queue = analyst.get("/api/v1/review").json()
    (duplicate,) = queue["duplicates"]
    assert duplicate["id"] == proposal
    assert duplicate["reasons"] == ["same place", "same day"]
    assert duplicate["incident"]["id"] == b and duplicate["candidate"]["id"] == a
    assert queue["more_duplicates"] is False
    expected = [i.id for i in web_store.review_queue(limit=50).incidents]
    assert [i["id"] for i in queue["incidents"]] == expected
    assert queue["proposed_total"] == len(web_store.list_incidents())
    assert {"status", "acts", "victims_min", "conflicts", "url"} <= set(queue["incidents"][0])
    short = analyst.get("/api/v1/review", params={"limit": 1}).json()
    assert len(short["incidents"]) == 1 and short["incidents"][0]["id"] == expected[0]


@pytest.mark.parametrize("status", ["verified", "rejected", "proposed"])
def test_status_is_set_and_the_actor_recorded(
    status: str, analyst: TestClient, web_store: Store
) -> None:
    a, _ = proposed(web_store)
    if status == "proposed":
        web_store.set_status(a, IncidentStatus.VERIFIED, actor="test")
    response = analyst.post(f"/api/v1/incidents/{a}/status", json={"status": status})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["message"] == f"Incident {a} is now {status}."
    assert body["incident"]["status"] == status
    assert web_store.get_incident(a).status is IncidentStatus(status)
    entry = web_store.history(a)[-1]
    assert (entry.action, entry.actor) == (status, "ana")


def test_status_must_be_one_a_reviewer_may_set(analyst: TestClient, web_store: Store) -> None:
    a, _ = proposed(web_store)
    response = analyst.post(f"/api/v1/incidents/{a}/status", json={"status": "merged"})
    assert response.status_code == 422
    assert response.json()["error"]["type"] == "InputError"
    assert web_store.get_incident(a).status is IncidentStatus.PROPOSED


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("victims", 12, VictimCount(min=12, max=12)),
        ("victims", "11-13", VictimCount(min=11, max=13)),
        ("victims", "20+", VictimCount(min=20, max=None)),
        ("acts", ["arrest", "repatriation"], (Act.ARREST, Act.REPATRIATION)),
        ("date", "2019-11", DateRange(start="2019-11", end="2019-11", precision="month")),
        ("perpetrator", "north korea", Perpetrator.NORTH_KOREA),
        ("perpetrator", None, None),
    ],
    ids=["count", "range", "open", "acts", "month", "perpetrator", "clear"],
)
def test_a_field_is_set_as_the_command_line_reads_it(
    field: str, value: Any, expected: Any, analyst: TestClient, web_store: Store
) -> None:
    a, _ = proposed(web_store)
    response = analyst.put(f"/api/v1/incidents/{a}/fields/{field}", json={"value": value})
    assert response.status_code == 200, response.text
    assert response.json()["message"].startswith(f"Incident {a}: ")
    assert getattr(web_store.get_incident(a), field) == expected
    assert web_store.overrides(a)[field][1] == "ana"
    entry = web_store.history(a)[-1]
    assert (entry.action, entry.actor, entry.detail["field"]) == ("set", "ana", field)


def test_a_place_is_resolved_through_the_gazetteer(analyst: TestClient, web_store: Store) -> None:
    a, _ = proposed(web_store)
    response = analyst.put(f"/api/v1/incidents/{a}/fields/place", json={"value": "Sinŭiju"})
    incident = response.json()["incident"]
    assert incident["place"] == "Sinŭiju"
    assert incident["country"] == "KP" and incident["lat"] is not None


def test_a_bad_field_name_is_400_naming_the_valid_fields(
    analyst: TestClient, web_store: Store
) -> None:
    a, _ = proposed(web_store)
    response = analyst.put(f"/api/v1/incidents/{a}/fields/people", json={"value": 12})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["type"] == "InputError"
    assert all(field in error["message"] for field in FIELDS)
    assert web_store.overrides(a) == {}


@pytest.mark.parametrize(
    ("field", "value"),
    [("victims", "many"), ("date", "2019-13"), ("acts", ["arrest", "flight"])],
    ids=["count", "month", "act"],
)
def test_a_value_that_cannot_be_read_is_400(
    field: str, value: Any, analyst: TestClient, web_store: Store
) -> None:
    a, _ = proposed(web_store)
    response = analyst.put(f"/api/v1/incidents/{a}/fields/{field}", json={"value": value})
    assert response.status_code == 400
    assert response.json()["error"]["message"].startswith(f"{field}: ")
    assert web_store.overrides(a) == {}


def test_a_field_body_must_hold_a_value(analyst: TestClient, web_store: Store) -> None:
    a, _ = proposed(web_store)
    response = analyst.put(f"/api/v1/incidents/{a}/fields/victims", json={})
    assert response.status_code == 422
    assert "value" in response.json()["error"]["message"]


def test_merge_moves_the_mentions_and_marks_the_others_merged(
    analyst: TestClient, web_store: Store
) -> None:
    a, b, c = proposed(web_store, 3)
    mentions = {m for i in (a, b, c) for m in web_store.get_incident(i).mention_ids}
    response = analyst.post(f"/api/v1/incidents/{a}/merge", json={"others": [b, c, b]})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["message"] == f"Incidents {b}, {c} merged into incident {a}."
    assert set(web_store.get_incident(a).mention_ids) == mentions
    for other in (b, c):
        merged = web_store.get_incident(other)
        assert (merged.status, merged.merged_into) == (IncidentStatus.MERGED, a)
        entry = web_store.history(other)[-1]
        assert (entry.action, entry.actor) == ("merged_into", "ana")


def test_merge_refuses_a_merged_incident(analyst: TestClient, web_store: Store) -> None:
    a, b, c = proposed(web_store, 3)
    web_store.merge(a, [b], actor="test")
    into_merged = analyst.post(f"/api/v1/incidents/{b}/merge", json={"others": [c]})
    from_merged = analyst.post(f"/api/v1/incidents/{c}/merge", json={"others": [b]})
    for response in (into_merged, from_merged):
        assert response.status_code == 400
        assert f"incident {b} was merged into incident {a}" in response.json()["error"]["message"]
    assert web_store.get_incident(c).status is IncidentStatus.PROPOSED


def test_merge_needs_another_incident(analyst: TestClient, web_store: Store) -> None:
    a, _ = proposed(web_store)
    assert analyst.post(f"/api/v1/incidents/{a}/merge", json={"others": []}).status_code == 422
    itself = analyst.post(f"/api/v1/incidents/{a}/merge", json={"others": [a]})
    assert itself.status_code == 400


def test_distinct_closes_the_proposal(analyst: TestClient, web_store: Store) -> None:
    a, b = proposed(web_store)
    proposal = open_proposal(web_store, b, a)
    response = analyst.post(f"/api/v1/review/duplicates/{proposal}/distinct")
    assert response.status_code == 200, response.text
    assert response.json() == {
        "message": f"Incidents {b} and {a} are recorded as different cases.",
        "proposal": proposal,
        "incident_id": b,
        "candidate_id": a,
    }
    assert analyst.get("/api/v1/review").json()["duplicates"] == []
    entry = web_store.history(b)[-1]
    assert (entry.action, entry.actor, entry.detail) == ("distinct", "ana", {"other": a})
    again = analyst.post(f"/api/v1/review/duplicates/{proposal}/distinct")
    assert again.status_code == 400


def test_history_lists_every_change_with_who_and_when(
    analyst: TestClient, web_store: Store
) -> None:
    a, _ = proposed(web_store)
    analyst.put(f"/api/v1/incidents/{a}/fields/victims", json={"value": "7"})
    analyst.post(f"/api/v1/incidents/{a}/status", json={"status": "rejected"})
    history = analyst.get(f"/api/v1/incidents/{a}/history").json()
    assert [(e["action"], e["actor"]) for e in history] == [
        ("created", "repwatch"),
        ("set", "ana"),
        ("rejected", "ana"),
    ]
    assert history[-1]["detail"] == {"from": "proposed"}
    assert all(e["at"] for e in history)


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("post", "/api/v1/incidents/9999/status", {"status": "verified"}),
        ("put", "/api/v1/incidents/9999/fields/victims", {"value": 3}),
        ("post", "/api/v1/incidents/9999/merge", {"others": [1]}),
        ("post", "/api/v1/review/duplicates/9999/distinct", None),
        ("get", "/api/v1/incidents/9999/history", None),
    ],
    ids=["status", "field", "merge", "distinct", "history"],
)
def test_an_unknown_id_is_404_in_the_error_shape(
    method: str, path: str, body: Any, analyst: TestClient
) -> None:
    response = analyst.request(method.upper(), path, json=body)
    assert response.status_code == 404
    assert response.json()["error"]["type"] == "NotFound"


ROUTES = [
    ("GET", "/api/v1/review", None),
    ("POST", "/api/v1/incidents/{a}/status", {"status": "verified"}),
    ("PUT", "/api/v1/incidents/{a}/fields/victims", {"value": 3}),
    ("POST", "/api/v1/incidents/{a}/merge", {"others": ["{b}"]}),
    ("POST", "/api/v1/review/duplicates/{p}/distinct", None),
    ("GET", "/api/v1/incidents/{a}/history", None),
]


def _call(client: TestClient, ids: dict[str, int], method: str, path: str, body: Any) -> Any:
    if body and "others" in body:
        body = {"others": [ids["b"]]}
    return client.request(method, path.format(**ids), json=body)


def test_a_viewer_is_refused_every_review_route(
    client_as: Callable[[Role], TestClient], web_store: Store
) -> None:
    viewer = client_as(Role.VIEWER)
    a, b = proposed(web_store)
    ids = {"a": a, "b": b, "p": open_proposal(web_store, b, a)}
    for method, path, body in ROUTES:
        response = _call(viewer, ids, method, path, body)
        assert response.status_code == 403, path
        assert response.json()["error"]["type"] == "AccessDenied"
    assert [e.actor for e in web_store.history(a)] == ["repwatch"]
    assert web_store.review_queue().duplicates != []


def test_a_change_without_the_csrf_header_is_refused(analyst: TestClient, web_store: Store) -> None:
    a, b = proposed(web_store)
    ids = {"a": a, "b": b, "p": open_proposal(web_store, b, a)}
    del analyst.headers[CSRF_HEADER]
    for method, path, body in ROUTES:
        if method == "GET":
            continue
        assert _call(analyst, ids, method, path, body).status_code == 403, path
    assert [e.actor for e in web_store.history(a)] == ["repwatch"]


def test_the_openapi_document_describes_the_review_api(anonymous: TestClient) -> None:
    paths = anonymous.get("/api/v1/openapi.json").json()["paths"]
    assert set(paths["/api/v1/review"]) == {"get"}
    assert set(paths["/api/v1/incidents/{incident_id}/status"]) == {"post"}
    assert set(paths["/api/v1/incidents/{incident_id}/fields/{field}"]) == {"put"}
    assert set(paths["/api/v1/incidents/{incident_id}/merge"]) == {"post"}
    assert set(paths["/api/v1/review/duplicates/{proposal_id}/distinct"]) == {"post"}
    assert set(paths["/api/v1/incidents/{incident_id}/history"]) == {"get"}
    assert "/review" not in paths and "/incidents/{incident_id}/verify" not in paths
