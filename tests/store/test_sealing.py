"""Sensitive fields are sealed at rest: the database alone does not hold them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from repwatch.model import EvidenceSpan, Mention, Report, Sourced
from repwatch.protect.seal import KEY_FILE_ENV, Sealer, Unsealable, _sealer_for
from repwatch.store import Store
from repwatch.store.engine import make_engine, migrate
from repwatch.store.tables import mentions, reports

TEXT = (
    "Kim Sun-hee, a 34-year-old mother from Hyesan, was arrested in Changbai, "
    "a source in Ryanggang Province told the outlet."
)


def _report() -> Report:
    return Report(id="a" * 64, text=TEXT, published=dt.date(2024, 5, 2), publisher="Outlet")


def _span(phrase: str) -> EvidenceSpan:
    start = TEXT.index(phrase)
    return EvidenceSpan(start=start, end=start + len(phrase), text=phrase)


def _mention(report: Report) -> Mention:
    who, source = "Kim Sun-hee, a 34-year-old mother", "a source in Ryanggang Province"
    return Mention(
        report_id=report.id,
        victim_group=Sourced[str](value=who, spans=(_span(who),), producer="victims.v1"),
        sources=(Sourced[str](value=source, spans=(_span(source),), producer="sources.v1"),),
        extractor="test",
    )


def _stored_rows(store: Store) -> list[tuple[str, str | None]]:
    with store.engine.connect() as conn:
        rows = conn.execute(select(mentions.c.data, mentions.c.sealed)).all()
    return [(json.dumps(r.data, ensure_ascii=False), r.sealed) for r in rows]


def test_victim_descriptors_and_sources_are_stored_sealed(store: Store) -> None:
    report = _report()
    store.add_report(report)
    store.save_extraction(report, "test", [_mention(report)])
    ((data, sealed),) = _stored_rows(store)
    assert sealed and sealed.startswith("v1:")
    for secret in ("Kim Sun-hee", "34-year-old", "Ryanggang"):
        assert secret not in data
        assert secret not in sealed


def test_sealed_fields_come_back_with_the_key(store: Store) -> None:
    report = _report()
    store.add_report(report)
    (incident_id,) = store.save_extraction(report, "test", [_mention(report)])
    (mention,) = store.mentions_of(incident_id)
    assert mention.victim_group is not None
    assert mention.victim_group.value == "Kim Sun-hee, a 34-year-old mother"
    assert [s.value for s in mention.sources] == ["a source in Ryanggang Province"]


def test_another_key_cannot_open_them(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = _report()
    store.add_report(report)
    (incident_id,) = store.save_extraction(report, "test", [_mention(report)])
    monkeypatch.setenv(KEY_FILE_ENV, str(tmp_path / "other.key"))
    with pytest.raises(Unsealable, match=KEY_FILE_ENV):
        store.mentions_of(incident_id)


def test_a_sealed_value_moved_to_another_report_does_not_open() -> None:
    sealer = Sealer(b"k" * 32)
    token = sealer.seal(b"secret", context="report-1")
    assert sealer.open(token, context="report-1") == b"secret"
    with pytest.raises(Unsealable):
        sealer.open(token, context="report-2")


def test_the_key_file_is_made_readable_by_its_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "keys" / "repwatch.key"
    sealer = _sealer_for(path)
    assert path.stat().st_mode & 0o777 == 0o600
    assert _sealer_for(path) is sealer


def test_the_migration_seals_mentions_stored_in_the_open(db_url: str) -> None:
    engine = make_engine(db_url)
    migrate(engine, "0003")
    report = _report()
    open_data = _mention(report).model_dump(mode="json", exclude={"id"})
    with engine.begin() as conn:
        conn.execute(
            insert(reports).values(
                id=report.id, text=report.text, ingested_at=dt.datetime.now(dt.UTC)
            )
        )
        conn.execute(
            insert(mentions).values(
                report_id=report.id,
                extractor="test",
                data=open_data,
                created_at=dt.datetime.now(dt.UTC),
            )
        )
    engine.dispose()
    with Store.open(db_url) as store:
        ((data, sealed),) = _stored_rows(store)
        assert "Kim Sun-hee" not in data and sealed
