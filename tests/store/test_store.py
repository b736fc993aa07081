from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from repwatch.errors import NotFound
from repwatch.model import (
    Act,
    ActMention,
    DateRange,
    EvidenceSpan,
    IncidentStatus,
    Mention,
    Modality,
    PlaceMention,
    PlaceRole,
    Report,
    Sourced,
    VictimCount,
)
from repwatch.store import IncidentQuery, Store, date_bounds

TEXT = "Chinese police arrested two defectors in Dandong on March 3, 2019."


def make_mention(
    report: Report,
    *,
    place: str = "Dandong",
    when: str = "2019-03-03",
    people: int = 2,
    act: Act = Act.ARREST,
) -> Mention:
    span = EvidenceSpan.of(report.text, 0, 8)
    return Mention(
        report_id=report.id,
        acts=(ActMention(act=act, spans=(span,), producer="acts.v1"),),
        victims=Sourced(value=VictimCount.exactly(people), spans=(span,), producer="quantities.v1"),
        places=(
            PlaceMention(
                name=place,
                role=PlaceRole.CAUGHT,
                place_id=f"cn-{place.lower()}",
                lat=40.12,
                lon=124.39,
                admin1="Liaoning",
                country="CN",
                producer="places.v1",
            ),
        ),
        date=Sourced(value=DateRange(start=when, end=when), producer="dates.v1"),
        extractor="test 1",
    )


def test_same_text_is_stored_once(store: Store) -> None:
    report = Report.from_text(TEXT, title="t")
    again = Report.from_text(
        "  Chinese police   arrested two defectors\nin Dandong on March 3, 2019. "
    )
    assert store.add_report(report) is True
    assert store.add_report(again) is False
    assert store.count_reports() == 1


def test_report_found_by_prefix_and_external_id(store: Store) -> None:
    report = Report.from_text(TEXT, external_id="dev-900")
    store.add_report(report)
    assert store.get_report(report.id[:10]).id == report.id
    assert store.get_report("dev-900").id == report.id
    with pytest.raises(NotFound):
        store.get_report("ffffffff")


def test_full_text_search_finds_words_and_ignores_query_syntax(store: Store) -> None:
    report = Report.from_text(TEXT, title="Arrest in Dandong")
    store.add_report(report)
    store.add_report(Report.from_text("Patrols were strengthened along the Tumen River."))
    hits = store.search_reports("dandong")
    assert [h[0] for h in hits] == [report.id]
    assert "[Dandong]" in hits[0][1]
    assert store.search_reports('dandong" OR (') == []  # not an FTS5 syntax error
    assert [h[0] for h in store.search_reports("arrest")] == [report.id]  # a prefix


def test_full_text_search_finds_korean_words_inside_longer_ones(store: Store) -> None:
    report = Report.from_text("중국 공안이 단둥에서 탈북자 두 명을 체포했다.")
    store.add_report(report)
    assert [h[0] for h in store.search_reports("단둥")] == [report.id]


def test_extraction_is_stored_with_its_incidents(store: Store) -> None:
    report = Report.from_text(TEXT)
    store.add_report(report)
    assert store.unextracted_report_ids() == [report.id]
    ids = store.save_extraction(report, "test 1", [make_mention(report)])
    assert len(ids) == 1
    assert store.unextracted_report_ids() == []
    incident = store.get_incident(ids[0])
    assert incident.acts == (Act.ARREST,)
    assert incident.victims == VictimCount.exactly(2)
    assert incident.report_ids == (report.id,)
    (mention,) = store.mentions_of(ids[0])
    assert mention.id == incident.mention_ids[0]
    assert mention.acts[0].spans[0].quotes(report.text)


def test_reextraction_replaces_unreviewed_incidents(store: Store) -> None:
    report = Report.from_text(TEXT)
    store.add_report(report)
    store.save_extraction(report, "test 1", [make_mention(report)])
    store.save_extraction(report, "test 2", [make_mention(report, people=3)])
    (incident,) = store.list_incidents()
    assert incident.victims == VictimCount.exactly(3)


def test_failed_extraction_leaves_nothing_half_written(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = Report.from_text(TEXT)
    store.add_report(report)

    def broken_link(*args: object) -> list[int]:
        raise RuntimeError("linking failed")

    monkeypatch.setattr("repwatch.store.store.link_new", broken_link)
    with pytest.raises(RuntimeError):
        store.save_extraction(report, "test 1", [make_mention(report)])
    assert store.unextracted_report_ids() == [report.id]
    assert store.list_incidents() == []
    with sqlite3.connect(store.engine.url.database) as conn:
        assert conn.execute("select count(*) from mentions").fetchone() == (0,)


@pytest.fixture
def three_incidents(store: Store) -> Store:
    cases = [
        ("Dandong", "2019-03-03", 2, Act.ARREST),
        ("Hyesan", "2019-07", 5, Act.REPATRIATION),
        ("Tumen", "2020-01-15", 12, Act.ARREST),
    ]
    for n, (place, when, people, act) in enumerate(cases):
        report = Report.from_text(f"{TEXT} Case {n}.")
        store.add_report(report)
        store.save_extraction(
            report,
            "t",
            [make_mention(report, place=place, when=when, people=people, act=act)],
        )
    return store


@pytest.mark.parametrize(
    ("query", "places"),
    [
        pytest.param(IncidentQuery(), ["Dandong", "Hyesan", "Tumen"], id="all-by-date"),
        pytest.param(
            IncidentQuery(since=__import__("datetime").date(2019, 7, 31)),
            ["Hyesan", "Tumen"],
            id="since-keeps-partial-month",
        ),
        pytest.param(
            IncidentQuery(until=__import__("datetime").date(2019, 7, 1)),
            ["Dandong", "Hyesan"],
            id="until",
        ),
        pytest.param(IncidentQuery(place="hyes"), ["Hyesan"], id="place-substring"),
        pytest.param(
            IncidentQuery(place="liaoning"), ["Dandong", "Hyesan", "Tumen"], id="province"
        ),
        pytest.param(IncidentQuery(act=Act.REPATRIATION), ["Hyesan"], id="act"),
        pytest.param(IncidentQuery(min_victims=5), ["Hyesan", "Tumen"], id="min-victims"),
        pytest.param(IncidentQuery(status=IncidentStatus.VERIFIED), [], id="status"),
        pytest.param(
            IncidentQuery(modality=Modality.OCCURRED, limit=1, offset=1), ["Hyesan"], id="page"
        ),
    ],
)
def test_incident_filters(three_incidents: Store, query: IncidentQuery, places: list[str]) -> None:
    assert [i.place_name for i in three_incidents.list_incidents(query)] == places


@pytest.mark.parametrize(
    ("start", "end", "lo", "hi"),
    [
        ("2019", "2019", "2019-01-01", "2019-12-31"),
        ("2020-02", "2020-02", "2020-02-01", "2020-02-29"),
        ("2019-11-19", "2019-11-20", "2019-11-19", "2019-11-20"),
    ],
)
def test_date_bounds_of_partial_dates(start: str, end: str, lo: str, hi: str) -> None:
    low, high = date_bounds(DateRange(start=start, end=end))
    assert (str(low), str(high)) == (lo, hi)


def test_database_uses_wal_and_foreign_keys(store: Store, db_path: Path) -> None:
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert db_path.exists()
