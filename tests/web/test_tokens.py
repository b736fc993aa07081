"""API tokens: programs call /api/v1 with a bearer token, no session and no CSRF."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import FastAPI
from fastapi.testclient import TestClient

from repwatch.protect.roles import Role
from repwatch.store import Store


def _program(app: FastAPI, token: str) -> TestClient:
    return TestClient(app, headers={"Authorization": f"Bearer {token}"})


def test_a_token_reads_and_changes_through_the_api_without_a_session(
    web_app: FastAPI, web_store: Store
) -> None:
    token = web_store.create_token("ana", "nightly sync", by="test")
    with _program(web_app, token) as program:
        listed = program.get("/api/v1/incidents").json()
        assert listed["total"] > 0
        first = listed["incidents"][0]["id"]
        changed = program.post(f"/api/v1/incidents/{first}/status", json={"status": "verified"})
        assert changed.status_code == 200, changed.text
    assert web_store.get_incident(first).status.value == "verified"
    assert web_store.history(first)[-1].actor == "ana"


def test_a_revoked_token_is_refused_with_a_bearer_challenge(
    web_app: FastAPI, web_store: Store
) -> None:
    token = web_store.create_token("ana", "laptop", by="test")
    web_store.revoke_token("ana", "laptop", by="test")
    with _program(web_app, token) as program:
        response = program.get("/api/v1/incidents")
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert response.json()["error"]["type"] == "LoginRequired"


def test_a_token_has_its_account_role(web_app: FastAPI, web_store: Store) -> None:
    token = web_store.create_token("vera", "dashboard", by="test")
    with _program(web_app, token) as program:
        assert program.get("/api/v1/reports").status_code == 403
        statuses = {i["status"] for i in program.get("/api/v1/incidents").json()["incidents"]}
    assert statuses <= {"verified"}


def test_a_wrong_token_is_not_rescued_by_a_session_cookie(
    client_as: Callable[[Role], TestClient],
) -> None:
    browser = client_as(Role.ANALYST)
    browser.headers["Authorization"] = "Bearer rw_not-a-token"
    assert browser.get("/api/v1/incidents").status_code == 401


def test_the_openapi_document_declares_bearer_tokens(anonymous: TestClient) -> None:
    schemes = anonymous.get("/api/v1/openapi.json").json()["components"]["securitySchemes"]
    assert any(s.get("scheme", "").lower() == "bearer" for s in schemes.values())
