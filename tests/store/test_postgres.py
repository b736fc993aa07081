"""The same store on a real PostgreSQL server: the schema, the flow from report to
reviewed incident, search, sealing, accounts, and the audit chain under
concurrent writers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from fastapi.testclient import TestClient
from sqlalchemy import select

from repwatch.ingest import Metadata
from repwatch.jobs import extract_into, ingest_into
from repwatch.model import Act, IncidentStatus
from repwatch.protect.roles import Role
from repwatch.sample import sample_reports_path
from repwatch.store import IncidentQuery, Store, audit
from repwatch.store.tables import mentions, metadata
from repwatch.web import create_app
from repwatch.web.security import CSRF_COOKIE, CSRF_HEADER

PASSWORD = "a long enough secret"


@pytest.fixture
def pg_store(postgres_url: str) -> Iterator[Store]:
    with Store.open(postgres_url) as store:
        yield store


@pytest.fixture
def sample_pg_store(pg_store: Store) -> Store:
    summary = ingest_into(
        pg_store, [str(sample_reports_path())], metadata=Metadata(), max_bytes=5_000_000
    )
    assert summary.new == 15 and not summary.failed
    extracted = extract_into(pg_store)
    assert extracted.reports == 15 and not extracted.failed
    return pg_store


def test_migrations_build_the_declared_schema(pg_store: Store) -> None:
    with pg_store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []


def test_reports_become_incidents_that_filter_and_search_as_on_sqlite(
    sample_pg_store: Store,
) -> None:
    store = sample_pg_store
    everything = store.list_incidents()
    assert len(everything) >= 15
    assert store.count_matching(IncidentQuery()) == len(everything)
    arrests = store.list_incidents(IncidentQuery(act=Act.ARREST))
    assert arrests and all(Act.ARREST in i.acts + i.expected_acts for i in arrests)
    in_jilin = store.list_incidents(IncidentQuery(place="jilin"))
    # in the province, or the province itself named as the place
    assert in_jilin and all(
        "jilin" in f"{i.admin1 or ''} {i.place_name or ''}".lower() for i in in_jilin
    )
    found = store.page_incidents(IncidentQuery(search="Dandong"), page=1, per_page=5)
    assert found.total >= 1
    assert any("Dandong" in store.get_report(r).text for i in found.incidents for r in i.report_ids)
    assert store.search_reports("Dandong")


def test_sensitive_fields_are_sealed_and_open_with_the_key(sample_pg_store: Store) -> None:
    with sample_pg_store.engine.connect() as conn:
        rows = conn.execute(select(mentions.c.data, mentions.c.sealed)).all()
    sealed = [r for r in rows if r.sealed]
    assert sealed and all("victim_group" not in r.data for r in rows)
    incident = sample_pg_store.list_incidents()[0]
    assert incident.id is not None
    backing = sample_pg_store.mentions_of(incident.id)
    assert any(m.victim_group or m.sources for m in backing)


def test_review_actions_are_kept_and_chained(sample_pg_store: Store) -> None:
    store = sample_pg_store
    first, second = store.list_incidents()[:2]
    assert first.id is not None and second.id is not None
    store.set_status(first.id, IncidentStatus.VERIFIED, actor="ana")
    merged = store.merge(first.id, [second.id], actor="ana")
    assert set(first.report_ids) | set(second.report_ids) <= set(merged.report_ids)
    assert store.get_incident(second.id).status is IncidentStatus.MERGED
    assert [e.actor for e in store.history(first.id)][-2:] == ["ana", "ana"]
    assert store.verify_audit_chain().ok


def test_concurrent_writers_extend_one_unbroken_chain(pg_store: Store) -> None:
    def write(writer: int) -> None:
        for entry in range(10):
            with pg_store.engine.begin() as conn:
                audit.append(
                    conn, incident_id=None, action="test", actor=str(writer), detail={"n": entry}
                )

    with ThreadPoolExecutor(6) as pool:
        list(pool.map(write, range(6)))
    check = pg_store.verify_audit_chain()
    assert check.ok and check.entries == 60


def test_accounts_sessions_and_the_web_app(sample_pg_store: Store) -> None:
    store = sample_pg_store
    store.add_user("ana", PASSWORD, Role.ANALYST, by="test")
    user = store.authenticate("ana", PASSWORD)
    assert user is not None
    token = store.start_session(user, lifetime=dt.timedelta(minutes=5))
    assert store.user_for_session(token) == user
    with TestClient(create_app(store)) as client:
        client.get("/login")
        client.post(
            "/login",
            data={"name": "ana", "password": PASSWORD, "csrf_token": client.cookies[CSRF_COOKIE]},
        )
        client.headers[CSRF_HEADER] = client.cookies[CSRF_COOKIE]
        listed = client.get("/api/v1/incidents?q=Dandong").json()
        assert listed["total"] >= 1
        assert client.get("/").status_code == 200
        assert client.get("/reports?q=Dandong").status_code == 200
