"""Listing incidents a page at a time, with their total, filtered as the web list filters."""

from __future__ import annotations

import datetime as dt

import pytest

from repwatch.model import (
    Act,
    ActMention,
    DateRange,
    IncidentStatus,
    Mention,
    Modality,
    PlaceMention,
    PlaceRole,
    Report,
    Sourced,
    VictimCount,
)
from repwatch.store import IncidentQuery, Store
from repwatch.store.listing import search_terms, searched

# (place, province, date, people, acts, text of the one report telling it)
CASES = [
    ("Dandong", "Liaoning", "2015-03-01", 2, (Act.ARREST,), "Police arrested two traders."),
    ("Hyesan", "Ryanggang", "2016-07", 12, (Act.ARREST, Act.REPATRIATION), "Twelve were sent."),
    ("Tumen", "Jilin", "2017-11-05", 5, (Act.CROSSING, Act.ARREST), "Soldiers caught five."),
    ("Yanji", "Jilin", "2018-01-02", 1, (Act.DETENTION,), "A woman is held in Yanji jail."),
    ("Musan", "North Hamgyong", "2019-05-09", 30, (Act.REPATRIATION,), "Thirty students sent."),
]


def mention_of(report: Report, place: str, province: str, when: str, people: int, acts) -> Mention:  # type: ignore[no-untyped-def]
    return Mention(
        report_id=report.id,
        acts=tuple(ActMention(act=a, producer="acts.v1") for a in acts),
        victims=Sourced(value=VictimCount.exactly(people), producer="quantities.v1"),
        places=(
            PlaceMention(
                name=place,
                role=PlaceRole.CAUGHT,
                place_id=f"x-{place.lower()}",
                admin1=province,
                country="CN",
                producer="places.v1",
            ),
        ),
        date=Sourced(value=DateRange(start=when, end=when), producer="dates.v1"),
        extractor="test 1",
    )


@pytest.fixture
def listed(store: Store) -> Store:
    for n, (place, province, when, people, acts, text) in enumerate(CASES):
        report = Report.from_text(f"{text} ({place}, case {n})", publisher=f"outlet {n}")
        store.add_report(report)
        store.save_extraction(
            report, "test 1", [mention_of(report, place, province, when, people, acts)]
        )
    return store


def places(store: Store, query: IncidentQuery, **paging: int) -> list[str | None]:
    return [i.place_name for i in store.page_incidents(query, **paging).incidents]


def test_a_page_lists_the_newest_first_with_the_total(listed: Store) -> None:
    page = listed.page_incidents(IncidentQuery(), page=1, per_page=2)
    assert [i.place_name for i in page.incidents] == ["Musan", "Yanji"]
    assert (page.total, page.pages) == (5, 3)
    assert places(listed, IncidentQuery(), page=3, per_page=2) == ["Dandong"]


def test_a_page_past_the_last_is_empty_but_keeps_the_total(listed: Store) -> None:
    page = listed.page_incidents(IncidentQuery(), page=9, per_page=2)
    assert page.incidents == []
    assert page.total == 5


def test_undated_incidents_come_last(listed: Store) -> None:
    report = Report.from_text("An undated case.")
    listed.add_report(report)
    undated = mention_of(report, "Hoeryong", "North Hamgyong", "2020-01-01", 3, (Act.ARREST,))
    listed.save_extraction(report, "test 1", [undated.model_copy(update={"date": None})])
    assert places(listed, IncidentQuery(), per_page=10)[-1] == "Hoeryong"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        pytest.param(
            IncidentQuery(since=dt.date(2017, 1, 1)), {"Tumen", "Yanji", "Musan"}, id="since"
        ),
        pytest.param(IncidentQuery(until=dt.date(2016, 7, 15)), {"Dandong", "Hyesan"}, id="until"),
        pytest.param(IncidentQuery(place="JILIN"), {"Tumen", "Yanji"}, id="province-any-case"),
        pytest.param(IncidentQuery(place="x-mus"), {"Musan"}, id="gazetteer-id"),
        pytest.param(IncidentQuery(act=Act.REPATRIATION), {"Hyesan", "Musan"}, id="act"),
        pytest.param(IncidentQuery(min_victims=12), {"Hyesan", "Musan"}, id="min-people"),
        pytest.param(IncidentQuery(search="sent"), {"Hyesan", "Musan"}, id="search"),
        pytest.param(IncidentQuery(search="stud"), {"Musan"}, id="search-prefix"),
        pytest.param(IncidentQuery(search="sent twelve"), {"Hyesan"}, id="search-every-word"),
        pytest.param(
            IncidentQuery(search="sent", act=Act.REPATRIATION, min_victims=20, place="musan"),
            {"Musan"},
            id="search-with-others",
        ),
        pytest.param(IncidentQuery(modality=Modality.EXPECTED), set(), id="modality"),
    ],
)  # fmt: skip
def test_each_filter_narrows_the_page_and_its_total(
    listed: Store, query: IncidentQuery, expected: set[str]
) -> None:
    page = listed.page_incidents(query, per_page=50)
    assert {i.place_name for i in page.incidents} == expected
    assert page.total == len(expected) == listed.count_matching(query)
    assert {i.place_name for i in listed.list_incidents(query)} == expected


def test_search_words_are_never_read_as_query_syntax(listed: Store) -> None:
    for words in ('sent"', "sent OR", "NEAR(sent", "*", "sent AND -x", "'"):
        listed.page_incidents(IncidentQuery(search=words))  # no error
    assert search_terms('a"b c') == '"a""b"* "c"*'


def test_status_filter_and_merged_incidents(listed: Store) -> None:
    first, second = (i.id for i in listed.list_incidents()[:2])
    assert first is not None and second is not None
    listed.set_status(first, IncidentStatus.VERIFIED, actor="ana")
    verified = listed.page_incidents(IncidentQuery(status=IncidentStatus.VERIFIED))
    assert [i.id for i in verified.incidents] == [first]
    listed.merge(first, [second], actor="ana")
    assert listed.page_incidents(IncidentQuery()).total == 4  # the merged one is not listed


def searched_by_join(store: Store, words: str) -> set[int]:
    """The incidents a search finds when walked from the reports' rows (no shortcut)."""
    with store.engine.connect() as conn:
        return set(conn.execute(searched(words, sqlite=True)).scalars())


def test_search_follows_mentions_through_merge_split_and_reextraction(listed: Store) -> None:
    def found(words: str) -> set[int]:
        return {i.id for i in listed.page_incidents(IncidentQuery(search=words)).incidents if i.id}

    hyesan, musan = (listed.list_incidents(IncidentQuery(place=p))[0] for p in ("Hyesan", "Musan"))
    assert hyesan.id is not None and musan.id is not None
    listed.merge(hyesan.id, [musan.id], actor="ana")
    assert found("sent") == {hyesan.id} == searched_by_join(listed, "sent")
    moved = listed.split(hyesan.id, [musan.mention_ids[0]], actor="ana")
    assert found("students") == {moved.id} == searched_by_join(listed, "students")
    report = listed.get_report(hyesan.report_ids[0])
    listed.save_extraction(report, "test 2", [])  # the report no longer tells a case
    assert found("twelve") == searched_by_join(listed, "twelve")
    assert hyesan.id in found("twelve") or listed.get_incident(hyesan.id).reports_count == 0
