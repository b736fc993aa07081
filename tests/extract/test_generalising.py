"""Rules that carry to reports the extractor was not tuned on: one incident per episode,
ages that are not counts, the main act's most specific place, custody after return,
and days of a named month. Every text here is written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from repwatch.extract.dates import find_dates
from repwatch.extract.quantities import find_quantities

from .reading import readers

PUBLISHED = dt.date(2013, 9, 20)


incidents, one = readers(PUBLISHED)


# --- one incident per episode ------------------------------------------------------


def test_killed_and_seized_others_of_one_crossing_are_one_incident() -> None:
    found = one(
        "Guards on the North Korean bank of the Tumen killed two people and seized three "
        "others who were trying to cross near Musan on September 3, a source said."
    )
    assert found["victims"] == {"min": 5, "max": 5}
    assert {"death", "arrest"} <= set(found["acts"])


def test_others_caught_elsewhere_stay_a_case_of_their_own() -> None:
    found = incidents(
        "Chinese police arrested twelve North Koreans in Shenyang on May 2 and arrested "
        "another eight in Changchun on May 9."
    )
    assert sorted(f["victims"]["min"] for f in found) == [8, 12]


def test_members_of_a_counted_group_are_not_a_new_case() -> None:
    found = one(
        "North Korean border guards opened fire on five people from Hyesan as they tried "
        "to cross the Yalu River on September 7, killing two and detaining the other "
        "three. A man in his forties and his teenage son died in the river."
    )
    assert found["victims"] == {"min": 5, "max": 5}


def test_the_whole_family_is_the_family_not_its_children() -> None:
    found = one(
        "Chinese police arrested a North Korean family of five in Tumen on April 15 and "
        "handed them over at Namyang. The parents and their three children had stayed "
        "with a relative. The whole family was taken to the detention center that night.",
        dt.date(2014, 4, 28),
    )
    assert found["victims"] == {"min": 5, "max": 5}
    assert {"arrest", "detention", "repatriation"} <= set(found["acts"])


def test_people_taken_a_day_later_are_another_episode() -> None:
    found = incidents(
        "Ten defectors were seized in Shenyang on March 8. Agents then made them call six "
        "other defectors, who were picked up the following day.",
        dt.date(2012, 3, 15),
    )
    assert sorted(f["victims"]["min"] for f in found) == [6, 10]


# --- counts ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("Police arrested a girl of about ten in Yanji.", [1]),
        ("Police arrested seven women aged between 15 and 23.", [7]),
        ("Police arrested seven women, aged 15 to 23, in Yanji.", [7]),
        ("Her son and daughter, aged eight and five, were taken.", [2]),
        ("Police arrested a group of about ten in Yanji.", [9]),
    ],
)
def test_ages_are_not_counts(text: str, counts: list[int]) -> None:
    assert [q.count.min for q in find_quantities(text)] == counts


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Another soldier was captured.", "Another soldier"),
        ("He and a companion were caught.", "a companion"),
        ("His companion was arrested.", "His companion"),
        ("Police arrested a North Korean family of five.", "a North Korean family of five"),
    ],
)
def test_person_nouns_and_modified_groups(text: str, phrase: str) -> None:
    assert [q.text for q in find_quantities(text)] == [phrase]


def test_a_capitalised_verb_is_no_modifier_of_a_family() -> None:
    assert [q.text for q in find_quantities("Police found a family of four.")] == [
        "a family of four"
    ]


# --- places ------------------------------------------------------------------------


def test_a_town_inside_a_province_is_the_place_of_the_arrest() -> None:
    found = one(
        "Chinese police arrested three North Koreans at a farmhouse in China's Jilin "
        "Province on October 28. They were held at a police station in Wangqing county.",
        dt.date(2009, 11, 12),
    )
    assert found["place"]["name"] == "Wangqing county"


def test_a_town_inside_a_country_is_the_place_of_the_arrest() -> None:
    found = one(
        "A Mongolian patrol found six North Koreans a few kilometres inside Mongolia on "
        "July 10. They were held at a border post in Zamyn-Uud.",
        dt.date(2008, 8, 21),
    )
    assert found["place"]["name"] == "Zamyn-Uud"


def test_the_village_is_more_specific_than_the_city_it_lies_in() -> None:
    found = one("Police arrested six North Koreans near Nanping in Helong on June 3.")
    assert found["place"]["name"] == "Nanping"


def test_seoul_is_never_where_people_were_caught() -> None:
    found = one(
        "A group welcomed the arrival in Seoul of six refugees who were detained by "
        "Mongolian border troops near Zamyn-Uud on July 10.",
        dt.date(2008, 8, 21),
    )
    assert found["place"]["name"] != "Seoul"


def test_a_ministry_of_a_capital_is_no_place_of_the_case() -> None:
    found = one(
        "Seoul's foreign ministry said Chinese police arrested five North Koreans in Yanji "
        "on May 3."
    )
    assert found["place"]["name"] == "Yanji"


def test_the_home_town_stands_for_the_river_when_north_korean_guards_catch() -> None:
    found = one(
        "North Korean border guards opened fire on five people from Hyesan as they tried to "
        "cross the Yalu River on September 7, killing two and detaining the other three."
    )
    assert found["place"]["name"] == "Hyesan"


# --- acts --------------------------------------------------------------------------


def test_custody_at_home_after_return_is_no_detention() -> None:
    found = one(
        "In December police in Helong arrested two North Korean women. They were "
        "repatriated through Nanping before the end of the month and are now held by the "
        "State Security Department in Musan.",
        dt.date(2015, 1, 8),
    )
    assert "detention" not in found["acts"]


def test_held_and_questioned_at_home_is_interrogation_only() -> None:
    found = one(
        "Chinese police caught three women in Ji'an on November 25 and handed them back to "
        "North Korea the next day. They are now being held and questioned by the Manpo "
        "State Security Department.",
        dt.date(2012, 12, 6),
    )
    assert "detention" not in found["acts"]
    assert "interrogation" in found["acts"]


def test_custody_before_return_is_detention() -> None:
    found = one(
        "Chinese police caught a woman in Helong on December 12. She was held for two "
        "weeks before being handed over to the North Korean authorities.",
        dt.date(2016, 2, 1),
    )
    assert "detention" in found["acts"]


def test_a_return_awaited_weeks_later_stays_with_its_arrest() -> None:
    found = one(
        "Chinese police arrested three North Koreans in Yanji on May 3. They will be sent "
        "back to the North next week."
    )
    assert found["expected_acts"] == ["repatriation"]


def test_sent_back_around_a_long_object_is_a_return() -> None:
    found = one(
        "Chinese police have sent a North Korean woman and her two children back to the "
        "North after arresting them in Yanji on May 3."
    )
    assert "repatriation" in found["acts"]


# --- dates -------------------------------------------------------------------------


def test_a_day_of_this_month_after_last_month_is_this_month() -> None:
    found = find_dates(
        "They crossed the river late last month and were arrested on 1st of this month.",
        dt.date(2014, 3, 15),
    )
    day = next(d for d in found if d.text.startswith("1st"))
    assert day.range is not None and day.range.start == "2014-03-01"


def test_a_bare_day_after_last_month_is_still_last_month() -> None:
    found = find_dates("They crossed last month and were caught on the 3rd.", dt.date(2014, 3, 15))
    day = next(d for d in found if d.text == "the 3rd")
    assert day.range is not None and day.range.start == "2014-02-03"
