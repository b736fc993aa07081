"""candidate_window: bounded dates and region; admits what a retelling could be."""

from __future__ import annotations

import datetime as dt
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from repwatch.link import candidate_window
from repwatch.link.window import DATE_MARGIN_DAYS, REGION_MARGIN_KM, UNDATED_LOOKBACK_DAYS
from repwatch.model import DateRange, Incident

from .conftest import PLACES, mention, place

KM_PER_DEGREE = 111.32


def incident(at: str | None, date: tuple[str, str] | None) -> Incident:
    return Incident.from_mention(mention("stored", at=at, date=date))


def test_candidate_window_widens_the_dates_by_the_margin() -> None:
    window = candidate_window(mention(at="Dandong", date=("2010-03-09", "2010-03-12")))

    margin = dt.timedelta(days=DATE_MARGIN_DAYS)
    assert window.date_lo == dt.date(2010, 3, 9) - margin
    assert window.date_hi == dt.date(2010, 3, 12) + margin


def test_candidate_window_reads_a_month_as_all_its_days() -> None:
    window = candidate_window(mention(at="Dandong", date="2010-02"))

    assert window.date_lo == dt.date(2010, 2, 1) - dt.timedelta(days=DATE_MARGIN_DAYS)
    assert window.date_hi == dt.date(2010, 2, 28) + dt.timedelta(days=DATE_MARGIN_DAYS)


def test_candidate_window_boxes_the_place_with_its_radius_and_a_margin() -> None:
    lat, lon, radius, admin1, country = PLACES["Dandong"]

    window = candidate_window(mention(at="Dandong", date="2010-03-09"))

    box = window.box
    assert box is not None
    half_lat_km = (box[1] - box[0]) / 2 * KM_PER_DEGREE
    half_lon_km = (box[3] - box[2]) / 2 * KM_PER_DEGREE * math.cos(math.radians(lat))
    assert math.isclose(half_lat_km, radius + REGION_MARGIN_KM, rel_tol=0.01)
    assert math.isclose(half_lon_km, radius + REGION_MARGIN_KM, rel_tol=0.01)
    assert box[0] < lat < box[1] and box[2] < lon < box[3]
    assert (window.admin1, window.country) == (admin1, country)


def test_candidate_window_admits_the_same_case_and_not_look_alikes() -> None:
    window = candidate_window(mention(at="Dandong", date="2010-03-09"))

    assert window.admits(incident("Dandong", ("2010-03-01", "2010-03-10")))
    assert window.admits(incident("Sinuiju", ("2010-03-12", "2010-03-12")))  # across the river
    assert not window.admits(incident("Dandong", ("2010-06-20", "2010-06-20")))  # months later
    assert not window.admits(incident("Qingdao", ("2010-03-09", "2010-03-09")))  # far away


def test_candidate_window_of_an_undated_mention_looks_back_a_year_from_publication() -> None:
    published = dt.date(2013, 9, 20)

    window = candidate_window(mention(at="Hyesan"), published=published)

    assert window.date_lo == published - dt.timedelta(days=UNDATED_LOOKBACK_DAYS)
    assert window.date_hi == published
    assert window.box is not None


def test_candidate_window_of_an_undated_unpublished_mention_is_held_by_its_region() -> None:
    window = candidate_window(mention(at="Hyesan"))

    assert (window.date_lo, window.date_hi) == (None, None)
    assert window.box is not None and window.linkable
    assert window.admits(incident("Changbai", ("2001-01-01", "2001-01-01")))
    assert not window.admits(incident("Dandong", ("2013-09-07", "2013-09-07")))


def test_candidate_window_of_a_placeless_mention_is_held_by_its_dates() -> None:
    window = candidate_window(mention(date="2013-09-07"))

    assert not window.has_region
    assert window.admits(incident("Qingdao", ("2013-09-01", "2013-09-10")))
    assert not window.admits(incident("Qingdao", ("2014-09-01", "2014-09-10")))


def test_candidate_window_of_a_mention_with_nothing_to_bound_it_admits_nothing() -> None:
    window = candidate_window(mention())

    assert not window.linkable
    assert not window.admits(incident("Dandong", ("2010-03-09", "2010-03-09")))


def test_candidate_window_never_admits_an_incident_without_date_or_place() -> None:
    window = candidate_window(mention(date="2013-09-07"))

    assert not window.admits(Incident())


def test_candidate_window_admits_a_country_wide_incident_of_the_same_country() -> None:
    window = candidate_window(mention(at="Oudomxay Province", date="2013-05-10"))

    assert window.admits(incident("Laos", ("2013-05-01", "2013-05-29")))  # centroid far off
    assert not window.admits(incident("Dandong", ("2013-05-10", "2013-05-10")))


def test_candidate_window_compares_provinces_for_incidents_without_coordinates() -> None:
    window = candidate_window(mention(at="Tumen", date="2014-04-15"))
    unplaced = Incident(admin1="Jilin", country="CN", date=DateRange(start="2014-04"))
    elsewhere = Incident(admin1="Liaoning", country="CN", date=DateRange(start="2014-04"))

    assert window.admits(unplaced)
    assert not window.admits(elsewhere)


def test_candidate_window_of_an_unresolved_place_uses_no_box() -> None:
    window = candidate_window(mention(at=place("a village", resolved=False), date="2014-04-15"))

    assert window.box is None
    assert not window.has_region  # no province or country known either
    assert window.admits(incident("Qingdao", ("2014-04-01", "2014-04-20")))


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(sorted(PLACES)),
    st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2020, 12, 31)),
    st.integers(0, 60),
    st.integers(-20, 20),
)
def test_candidate_window_admits_every_retelling_a_few_days_off(
    at: str, day: dt.date, span: int, shift: int
) -> None:
    end = day + dt.timedelta(days=span)
    window = candidate_window(mention(at=at, date=(day.isoformat(), end.isoformat())))
    moved = (day + dt.timedelta(days=shift), end + dt.timedelta(days=shift))

    assert window.admits(incident(at, (moved[0].isoformat(), moved[1].isoformat())))
