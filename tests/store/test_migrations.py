from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from repwatch.errors import StoreError
from repwatch.store import Store
from repwatch.store.engine import current_revision, head_revision, make_engine, migrate
from repwatch.store.tables import metadata


def test_migrations_build_an_empty_database(db_url: str) -> None:
    engine = make_engine(db_url)
    migrate(engine)
    assert current_revision(engine) == head_revision()
    tables = set(inspect(engine).get_table_names())
    assert {
        "reports",
        "mentions",
        "incidents",
        "incident_acts",
        "incident_mentions",
        "extractions",
        "report_fts",
    } <= tables
    with engine.connect() as conn:
        assert conn.exec_driver_sql("select count(*) from reports").scalar() == 0


def test_migrated_schema_matches_the_tables(db_url: str) -> None:
    engine = make_engine(db_url)
    migrate(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    # The full-text tables (FTS5's own, and report_fts_incidents beside them) are
    # SQLite's machinery, made by the migrations alone, not part of the declared schema.
    diff = [
        d
        for d in diff
        if not (
            (d[0] == "remove_table" and d[1].name.startswith("report_fts"))
            or (d[0] == "remove_index" and d[1].table.name.startswith("report_fts"))
        )
    ]
    assert diff == []


def test_opening_twice_is_idempotent(db_url: str) -> None:
    Store.open(db_url).close()
    with Store.open(db_url) as store:
        assert store.count_reports() == 0


def test_unusable_database_is_a_store_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    try:
        Store.open(f"sqlite:///{blocker}/sub/repwatch.db")
    except StoreError as error:
        assert "sub" in str(error)
    else:
        raise AssertionError("expected a StoreError")
