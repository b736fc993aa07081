from __future__ import annotations

import datetime as dt

import pytest

from repwatch.model import (
    Act,
    DatePrecision,
    DateRange,
    Incident,
    IncidentStatus,
    Modality,
    VictimCount,
)
from repwatch.store import IncidentQuery, Store
from repwatch.store.rows import insert_incident
from repwatch.store.stats import ActCount, MonthCount, PlaceCount, ProvinceCount, overview, places

NOW = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)


def incident(
    *,
    start: str | None,
    end: str | None = None,
    people: tuple[int | None, int | None] | None = None,
    acts: tuple[Act, ...] = (Act.ARREST,),
    expected: tuple[Act, ...] = (),
    modality: Modality = Modality.OCCURRED,
    province: str | None = None,
    country: str | None = None,
    status: IncidentStatus = IncidentStatus.PROPOSED,
) -> Incident:
    date = None
    if start is not None:
        precision = {4: DatePrecision.YEAR, 7: DatePrecision.MONTH}.get(
            len(start), DatePrecision.DAY
        )
        date = DateRange(start=start, end=end or start, precision=precision)
    return Incident(
        status=status,
        acts=acts,
        expected_acts=expected,
        modality=modality,
        victims=VictimCount(min=people[0], max=people[1]) if people else None,
        admin1=province,
        country=country,
        date=date,
    )


# Hand-counted below: months 2019-03 (2 incidents, 2 + 13 people) and 2019-05
# (1 incident, 20 people); one year-only and one undated; one without a count;
# one merged (never counted).
INCIDENTS = [
    incident(
        start="2019-03-03",
        people=(2, 2),
        acts=(Act.ARREST, Act.REPATRIATION),
        province="Liaoning",
        country="CN",
        status=IncidentStatus.VERIFIED,
    ),
    incident(
        start="2019-03",
        end="2019-04",
        people=(11, 13),
        acts=(Act.ARREST,),
        expected=(Act.REPATRIATION,),
        province="Jilin",
        country="CN",
    ),
    incident(
        start="2019-05-20",
        people=(20, None),
        acts=(Act.REPATRIATION,),
        modality=Modality.EXPECTED,
        province="Jilin",
        country="CN",
        status=IncidentStatus.VERIFIED,
    ),
    incident(start="2019", people=(3, 3), acts=(Act.DETENTION,), province="Jilin", country="CN"),
    incident(start=None, people=None, acts=(Act.ARREST,)),
    incident(
        start="2019-03-09",
        people=(100, 100),
        province="Liaoning",
        country="CN",
        status=IncidentStatus.MERGED,
    ),
]


@pytest.fixture
def filled(store: Store) -> Store:
    with store.engine.begin() as conn:
        for item in INCIDENTS:
            insert_incident(conn, item, NOW)
    return store


def test_totals_count_people_by_largest_stated_number(filled: Store) -> None:
    totals = overview(filled).totals
    assert totals.incidents == 5
    assert totals.people == 2 + 13 + 20 + 3  # "more than 20" counts 20
    assert totals.uncounted == 1
    assert totals.undated == 2  # the year-only incident and the undated one
    assert totals.by_status == {IncidentStatus.VERIFIED: 2, IncidentStatus.PROPOSED: 3}


def test_months_are_in_calendar_order_without_year_only_dates(filled: Store) -> None:
    assert overview(filled).months == [
        MonthCount("2019-03", 2, 15),
        MonthCount("2019-05", 1, 20),
    ]


def test_acts_count_occurred_and_expected_apart(filled: Store) -> None:
    assert overview(filled).acts == [
        ActCount(Act.ARREST, occurred=3, expected=0),
        ActCount(Act.DETENTION, occurred=1, expected=0),
        ActCount(Act.REPATRIATION, occurred=1, expected=2),
    ]


def test_provinces_most_incidents_first_and_unknown_last(filled: Store) -> None:
    assert overview(filled).provinces == [
        ProvinceCount("Jilin", "CN", 3, 36),
        ProvinceCount("Liaoning", "CN", 1, 2),
        ProvinceCount(None, None, 1, 0),
    ]


def test_figures_follow_the_query(filled: Store) -> None:
    verified = overview(filled, IncidentQuery(status=IncidentStatus.VERIFIED))
    assert verified.totals.incidents == 2
    assert verified.totals.people == 22
    assert [m.month for m in verified.months] == ["2019-03", "2019-05"]
    assert verified.provinces == [
        ProvinceCount("Jilin", "CN", 1, 20),
        ProvinceCount("Liaoning", "CN", 1, 2),
    ]
    spring = overview(filled, IncidentQuery(since=dt.date(2019, 5, 1)))
    # The 2019-05 incident, and the year-only one, whose year reaches into May.
    assert spring.totals.incidents == 2
    assert spring.months == [MonthCount("2019-05", 1, 20)]


def test_a_page_limit_does_not_shrink_the_figures(filled: Store) -> None:
    assert overview(filled, IncidentQuery(limit=1, offset=3)).totals.incidents == 5


def test_places_sum_the_incidents_at_each_point(store: Store) -> None:
    dandong = {"place_id": "cn-dandong", "place_name": "Dandong", "lat": 40.13, "lon": 124.39}
    with store.engine.begin() as conn:
        for people in (2, 5):
            insert_incident(
                conn,
                incident(start="2019-01-01", people=(people, people)).model_copy(update=dandong),
                NOW,
            )
        insert_incident(conn, incident(start="2019-01-01", people=(9, 9)), NOW)  # unmapped
    assert places(store) == [PlaceCount("cn-dandong", "Dandong", 40.13, 124.39, 2, 7)]
    assert places(store, IncidentQuery(min_victims=3))[0].incidents == 1


def test_an_empty_store_has_zero_figures(store: Store) -> None:
    empty = overview(store)
    assert empty.totals.incidents == 0
    assert empty.totals.people == 0
    assert empty.months == []
    assert empty.acts == []
    assert empty.provinces == []
