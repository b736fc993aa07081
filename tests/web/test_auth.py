"""Log-in, sessions, CSRF, security headers and the error shape."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from repwatch.protect.roles import Role
from repwatch.store import Store
from repwatch.web.auth import SESSION_COOKIE
from repwatch.web.security import CSRF_COOKIE, CSRF_HEADER

from .conftest import PASSWORD, log_in


def test_pages_send_a_browser_without_a_session_to_log_in(anonymous: TestClient) -> None:
    response = anonymous.get("/users?page=2", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=%2Fusers%3Fpage%3D2"


def test_api_without_a_session_answers_401_in_the_error_shape(anonymous: TestClient) -> None:
    response = anonymous.get("/api/v1/me")
    assert response.status_code == 401
    assert response.json() == {"error": {"type": "LoginRequired", "message": "log in to continue"}}


def test_log_in_opens_a_session_and_returns_to_the_page_asked_for(anonymous: TestClient) -> None:
    anonymous.get("/login")
    response = anonymous.post(
        "/login",
        data={
            "name": "ana",
            "password": PASSWORD,
            "next": "/incidents",
            "csrf_token": anonymous.cookies[CSRF_COOKIE],
        },
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/incidents"
    assert "HttpOnly" in response.headers["set-cookie"]
    assert anonymous.get("/api/v1/me").json() == {
        "name": "ana",
        "role": "analyst",
        "disabled": False,
    }


def test_log_in_never_redirects_to_another_site(anonymous: TestClient) -> None:
    anonymous.get("/login")
    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        response = anonymous.post(
            "/login",
            data={
                "name": "ana",
                "password": PASSWORD,
                "next": target,
                "csrf_token": anonymous.cookies[CSRF_COOKIE],
            },
            follow_redirects=False,
        )
        assert response.headers["location"] == "/"


def test_wrong_password_is_refused_without_saying_which_part_was_wrong(
    anonymous: TestClient,
) -> None:
    anonymous.get("/login")
    token = anonymous.cookies[CSRF_COOKIE]
    wrong_password = anonymous.post(
        "/login", data={"name": "ana", "password": "not it at all", "csrf_token": token}
    )
    unknown_name = anonymous.post(
        "/login", data={"name": "nobody", "password": PASSWORD, "csrf_token": token}
    )
    assert wrong_password.status_code == unknown_name.status_code == 401
    assert "Wrong name or password" in wrong_password.text
    assert "Wrong name or password" in unknown_name.text
    assert SESSION_COOKIE not in anonymous.cookies


def test_log_in_without_the_csrf_token_is_refused(anonymous: TestClient) -> None:
    anonymous.get("/login")
    response = anonymous.post("/login", data={"name": "ana", "password": PASSWORD})
    assert response.status_code == 403
    assert SESSION_COOKIE not in anonymous.cookies


def test_a_change_with_a_forged_csrf_token_is_refused(
    client_as: Callable[[Role], TestClient],
) -> None:
    admin = client_as(Role.ADMIN)
    admin.headers[CSRF_HEADER] = "forged"
    response = admin.post("/users", data={"name": "mallory", "password": PASSWORD, "role": "admin"})
    assert response.status_code == 403
    del admin.headers[CSRF_HEADER]
    response = admin.post(
        "/users",
        data={"name": "mallory", "password": PASSWORD, "role": "admin", "csrf_token": "forged"},
    )
    assert response.status_code == 403
    assert "mallory" not in [u["name"] for u in admin.get("/api/v1/users").json()]


def test_log_in_rotates_the_csrf_token(anonymous: TestClient) -> None:
    anonymous.get("/login")
    before = anonymous.cookies[CSRF_COOKIE]
    log_in(anonymous, "ana")
    assert anonymous.cookies[CSRF_COOKIE] != before


def test_log_out_ends_the_session(client_as: Callable[[Role], TestClient]) -> None:
    client = client_as(Role.ANALYST)
    token = client.cookies[SESSION_COOKIE]
    response = client.post("/logout", follow_redirects=False)
    assert response.status_code == 303
    client.cookies.set(SESSION_COOKIE, token)  # a stolen copy of the cookie is dead too
    assert client.get("/api/v1/me").status_code == 401


def test_a_disabled_account_loses_its_sessions(
    client_as: Callable[[Role], TestClient], web_store: Store
) -> None:
    client = client_as(Role.ANALYST)
    web_store.disable_user("ana", by="test")
    assert client.get("/api/v1/me").status_code == 401


def test_every_response_carries_a_strict_content_security_policy(
    anonymous: TestClient,
) -> None:
    response = anonymous.get("/login")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["cache-control"] == "no-store"


def test_the_openapi_document_lists_the_api(anonymous: TestClient) -> None:
    document = anonymous.get("/api/v1/openapi.json").json()
    assert document["info"]["title"] == "repwatch"
    assert all(path.startswith("/api/v1/") for path in document["paths"])
    assert "/api/v1/me" in document["paths"]
    assert anonymous.get("/docs").status_code == 404  # it would load scripts from a CDN


def test_unknown_api_path_answers_in_the_error_shape(anonymous: TestClient) -> None:
    response = anonymous.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.json()["error"]["type"] == "NotFound"


def test_repeated_failed_log_ins_lock_the_name_for_a_while(anonymous: TestClient) -> None:
    anonymous.get("/login")
    token = anonymous.cookies[CSRF_COOKIE]
    for _ in range(5):
        response = anonymous.post(
            "/login", data={"name": "ana", "password": "guess guess", "csrf_token": token}
        )
        assert response.status_code == 401
    response = anonymous.post(
        "/login", data={"name": "ana", "password": PASSWORD, "csrf_token": token}
    )
    assert response.status_code == 429
    assert "too many failed log-ins" in response.text
    assert SESSION_COOKIE not in anonymous.cookies


def test_a_defect_answers_500_without_its_message_in_the_answer_or_the_log(
    web_app: FastAPI, caplog: pytest.LogCaptureFixture
) -> None:
    @web_app.get("/api/v1/broken")
    def broken() -> None:
        raise ValueError("Kim Sun-hee of Hyesan")

    with TestClient(web_app) as client:
        response = client.get("/api/v1/broken")
    assert response.status_code == 500
    assert response.json()["error"]["type"] == "InternalError"
    assert "content-security-policy" in response.headers
    assert "ValueError" in caplog.text
    assert "Kim" not in caplog.text and "Kim" not in response.text
