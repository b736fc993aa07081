"""Accounts: only admins manage them; every change is in the audit log."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from repwatch.errors import InputError
from repwatch.protect.roles import Role
from repwatch.store import Store

from .conftest import PASSWORD, log_in


@pytest.mark.parametrize("role", [Role.VIEWER, Role.ANALYST], ids=["viewer", "analyst"])
def test_only_admins_reach_the_accounts(
    client_as: Callable[[Role], TestClient], role: Role
) -> None:
    client = client_as(role)
    assert client.get("/users").status_code == 403
    assert client.get("/api/v1/users").status_code == 403
    response = client.post("/users", data={"name": "eve", "password": PASSWORD, "role": "admin"})
    assert response.status_code == 403


def test_an_admin_adds_an_account_that_can_log_in(
    client_as: Callable[[Role], TestClient], web_store: Store, anonymous: TestClient
) -> None:
    admin = client_as(Role.ADMIN)
    response = admin.post("/users", data={"name": "nadia", "password": PASSWORD, "role": "analyst"})
    assert response.status_code == 200  # followed the redirect back to the list
    assert "nadia" in response.text
    log_in(anonymous, "nadia")
    assert anonymous.get("/api/v1/me").json()["role"] == "analyst"
    actions = [
        entry.action for entry in web_store.account_history() if entry.detail.get("user") == "nadia"
    ]
    assert actions == ["user.add"]


def test_an_admin_changes_a_role(client_as: Callable[[Role], TestClient]) -> None:
    admin = client_as(Role.ADMIN)
    admin.post("/users/vera/role", data={"role": "analyst"})
    roles = {u["name"]: u["role"] for u in admin.get("/api/v1/users").json()}
    assert roles["vera"] == "analyst"


def test_a_short_password_is_refused(client_as: Callable[[Role], TestClient]) -> None:
    admin = client_as(Role.ADMIN)
    response = admin.post("/users", data={"name": "sam", "password": "short", "role": "viewer"})
    assert response.status_code == 400
    assert "at least 10 characters" in response.text


def test_passwords_are_stored_only_as_argon2_hashes(web_store: Store) -> None:
    from sqlalchemy import select

    from repwatch.store.tables import users

    with web_store.engine.connect() as conn:
        hashes = conn.execute(select(users.c.password_hash)).scalars().all()
    assert hashes and all(h.startswith("$argon2id$") for h in hashes)
    assert not any(PASSWORD in h for h in hashes)


def test_names_are_unique(web_store: Store) -> None:
    with pytest.raises(InputError, match="taken"):
        web_store.add_user("ana", PASSWORD, Role.VIEWER, by="test")
