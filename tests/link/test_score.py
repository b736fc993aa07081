"""score_pair: retellings of one case score above look-alikes, symmetrically, in 0..1."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from repwatch.link import JOIN_THRESHOLD, REVIEW_THRESHOLD, score_pair
from repwatch.model import Mention, PlaceRole

from .conftest import PLACES, mention, place

TEXT_DAILY = (
    "Chinese police arrested twelve workers who had fled a metalworks in Sinuiju during a "
    "night raid on a rented flat in Dandong last Tuesday, a source said. The workers had "
    "not been paid for months."
)
TEXT_RADIO = (
    "About a dozen North Koreans who ran away from the Sinŭiju metalworks were detained by "
    "police at a flat in Dandong on March 9 and sent back across the bridge."
)
TEXT_WOMEN = (
    "Four North Korean women were stopped at the Dandong bus terminal on May 20 as they "
    "tried to board a bus to Shenyang, and are held for repatriation."
)
TEXT_SHENYANG = (
    "Police in Shenyang detained twelve defectors at a railway station on March 10 as they "
    "waited for a train to Kunming."
)


@pytest.fixture
def daily() -> Mention:
    return mention("daily", count=12, at="Dandong", date="2010-03-09")


def test_score_pair_ranks_a_retelling_above_look_alikes(daily: Mention) -> None:
    radio = mention("radio", count=(11, 13), at="Dandong", date=("2010-03-01", "2010-03-10"))
    another_month = mention("women", count=4, at="Dandong", date="2010-05-20")
    another_city = mention("shenyang", count=12, at="Shenyang", date="2010-03-10")

    same = score_pair(daily, radio, text_a=TEXT_DAILY, text_b=TEXT_RADIO).score
    month = score_pair(daily, another_month, text_a=TEXT_DAILY, text_b=TEXT_WOMEN).score
    city = score_pair(daily, another_city, text_a=TEXT_DAILY, text_b=TEXT_SHENYANG).score

    assert same >= JOIN_THRESHOLD
    assert month < REVIEW_THRESHOLD
    assert city < REVIEW_THRESHOLD


def test_score_pair_tells_a_family_from_three_women_at_one_place_and_month() -> None:
    family = mention("a", acts=("arrest", "detention"), count=5, at="Tumen", date="2014-04-15")
    retold = mention("b", acts=("arrest", "repatriation"), count=5, at="Tumen",
                     date=("2014-04-11", "2014-04-20"))  # fmt: skip
    women = mention("c", acts=("arrest", "detention"), count=3, at="Tumen", date="2014-04-17")

    assert score_pair(family, retold).score >= JOIN_THRESHOLD
    assert score_pair(family, women).score < REVIEW_THRESHOLD


def test_score_pair_explains_itself(daily: Mention) -> None:
    radio = mention("radio", count=(11, 13), at="Dandong", date="2010-03-09")

    reasons = score_pair(daily, radio, text_a=TEXT_DAILY, text_b=TEXT_RADIO).reasons

    assert "places 0 km apart" in reasons
    assert "counts agree (11-13 vs 12)" in reasons
    assert "dates overlap within days" in reasons
    assert "acts 2/2 shared" in reasons
    detail = next(r for r in reasons if r.startswith("shared detail:"))
    assert "'metalworks'" in detail


def test_score_pair_without_texts_ignores_details(daily: Mention) -> None:
    radio = mention("radio", count=12, at="Dandong", date="2010-03-09")

    reasons = score_pair(daily, radio).reasons

    assert not any("detail" in r for r in reasons)


def test_score_pair_says_when_a_story_is_republished(daily: Mention) -> None:
    copy = mention("copy", count=12, at="Dandong", date="2010-03-09")
    republished = "By a staff writer\n\n" + TEXT_DAILY

    pair = score_pair(daily, copy, text_a=TEXT_DAILY, text_b=republished)

    assert "near-duplicate texts" in pair.reasons


def test_score_pair_does_not_call_two_cases_of_one_report_one_story() -> None:
    first = mention("same", count=12, at="Dandong", date="2010-03-09")
    second = mention("same", count=4, at="Dandong", date="2010-03-20")

    pair = score_pair(first, second, text_a=TEXT_DAILY, text_b=TEXT_DAILY)

    assert "near-duplicate texts" not in pair.reasons


def test_score_pair_weighs_a_shared_town_above_a_shared_country() -> None:
    in_town = score_pair(mention("a", at="Dandong"), mention("b", at="Dandong")).score
    in_country = score_pair(mention("a", at="Laos"), mention("b", at="Laos")).score

    assert in_town > in_country


def test_score_pair_keeps_places_far_apart_below_review() -> None:
    dandong = mention("a", count=11, at="Dandong", date="2011-08-07")
    qingdao = mention("b", count=11, at="Qingdao", date="2011-08-07")

    assert score_pair(dandong, qingdao).score < REVIEW_THRESHOLD


def test_score_pair_matches_unresolved_spellings_of_one_name() -> None:
    a = mention("a", at=place("Sinŭiju", resolved=False))
    b = mention("b", at=place("Sinuiju", resolved=False))

    assert "same place name 'sinuiju'" in score_pair(a, b).reasons


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param(("2010-03-09", "2010-03-09"), ("2010-03-11", "2010-03-11"), id="2-days"),
        pytest.param(("2010-03-09", "2010-03-09"), ("2010-04-20", "2010-04-20"), id="6-weeks"),
        pytest.param(("2010-03-09", "2010-03-09"), ("2010-07-01", "2010-07-01"), id="4-months"),
    ],
)
def test_score_pair_falls_as_dates_part(first: tuple[str, str], second: tuple[str, str]) -> None:
    base = mention("a", count=6, at="Hyesan", date=first)
    same_day = score_pair(base, mention("b", count=6, at="Hyesan", date=first)).score
    apart = score_pair(base, mention("b", count=6, at="Hyesan", date=second)).score

    assert apart < same_day


# --- properties -------------------------------------------------------------------------

ACTS = ("crossing", "arrest", "detention", "repatriation", "punishment", "death", "release")
places = st.one_of(
    st.none(),
    st.sampled_from(sorted(PLACES)).map(lambda n: place(n)),
    st.sampled_from(["Sinŭiju", "Sinuiju", "Hyesan city", "Hyesan", "a village"]).map(
        lambda n: place(n, PlaceRole.CROSSED, resolved=False)
    ),
)
counts = st.one_of(
    st.none(),
    st.integers(0, 60),
    st.tuples(st.integers(0, 30), st.one_of(st.none(), st.integers(30, 90))),
)
days = st.dates(min_value=dt.date(2005, 1, 1), max_value=dt.date(2016, 12, 31))
dates = st.one_of(
    st.none(),
    days.map(lambda d: d.isoformat()),
    days.map(lambda d: d.isoformat()[:7]),
    st.tuples(days, st.integers(0, 40)).map(
        lambda p: (p[0].isoformat(), (p[0] + dt.timedelta(days=p[1])).isoformat())
    ),
)
mentions = st.builds(
    mention,
    st.sampled_from(["r1", "r2", "r3"]),
    acts=st.lists(st.sampled_from(ACTS), max_size=4, unique=True).map(tuple),
    count=counts,
    at=places,
    date=dates,
    perpetrator=st.sampled_from([None, "china", "north_korea", "russia"]),
)
texts = st.sampled_from(["", TEXT_DAILY, TEXT_RADIO, TEXT_WOMEN, TEXT_SHENYANG])


@settings(max_examples=300, deadline=None)
@given(mentions, mentions, texts, texts)
def test_score_pair_is_symmetric_and_between_0_and_1(
    a: Mention, b: Mention, text_a: str, text_b: str
) -> None:
    forward = score_pair(a, b, text_a=text_a, text_b=text_b)
    backward = score_pair(b, a, text_a=text_b, text_b=text_a)

    assert 0.0 <= forward.score <= 1.0
    assert forward == backward
