"""Fixtures for the web application: a real SQLite store holding the extracted
sample corpus, one account per role, and clients logged in as each."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from repwatch.ingest import Metadata
from repwatch.jobs import extract_into, ingest_into
from repwatch.protect.roles import Role
from repwatch.sample import sample_reports_path
from repwatch.store import Store
from repwatch.web import WebSettings, create_app
from repwatch.web.security import CSRF_COOKIE, CSRF_HEADER

PASSWORD = "correct horse battery staple"
ACCOUNTS = {"vera": Role.VIEWER, "ana": Role.ANALYST, "adam": Role.ADMIN}
NAME_OF = {role: name for name, role in ACCOUNTS.items()}


@pytest.fixture(scope="session")
def sample_db_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus ingested and extracted once; each test gets a copy."""
    path = tmp_path_factory.mktemp("web-template") / "repwatch.db"
    with Store.open(f"sqlite:///{path}") as store:
        summary = ingest_into(
            store, [str(sample_reports_path())], metadata=Metadata(), max_bytes=5_000_000
        )
        assert not summary.failed
        extract_into(store)
        for name, role in ACCOUNTS.items():
            store.add_user(name, PASSWORD, role, by="test")
    return path


@pytest.fixture
def web_store(sample_db_template: Path, tmp_path: Path) -> Iterator[Store]:
    path = tmp_path / "web.db"
    shutil.copyfile(sample_db_template, path)
    with Store.open(f"sqlite:///{path}") as store:
        yield store


@pytest.fixture
def web_settings() -> WebSettings:
    return WebSettings()


@pytest.fixture
def web_app(web_store: Store, web_settings: WebSettings) -> FastAPI:
    return create_app(web_store, settings=web_settings)


def log_in(client: TestClient, name: str, password: str = PASSWORD) -> TestClient:
    """Log ``client`` in, and have it send its CSRF token on every request, as htmx does."""
    client.get("/login")
    token = client.cookies.get(CSRF_COOKIE)
    assert token, "the log-in page hands out a CSRF cookie"
    response = client.post(
        "/login",
        data={"name": name, "password": password, "csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    client.headers[CSRF_HEADER] = client.cookies.get(CSRF_COOKIE) or ""
    return client


@pytest.fixture
def client_as(web_app: FastAPI) -> Iterator[Callable[[Role], TestClient]]:
    """A factory: a TestClient logged in with the account of the given role."""
    opened: list[TestClient] = []

    def make(role: Role) -> TestClient:
        client = TestClient(web_app)
        opened.append(client)
        return log_in(client, NAME_OF[role])

    yield make
    for client in opened:
        client.close()


@pytest.fixture
def anonymous(web_app: FastAPI) -> Iterator[TestClient]:
    with TestClient(web_app) as client:
        yield client
