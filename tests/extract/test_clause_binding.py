"""Binding within and across clauses: each act's people, place and date come from the
stretch of text that belongs to it, not from its neighbours; people told again by a
quantifier, an age, a name or a possessive are the people told before. Every text here
is written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from repwatch.extract.dates import find_dates
from repwatch.extract.quantities import find_quantities

from .reading import readers

PUBLISHED = dt.date(2015, 6, 20)


incidents, one = readers(PUBLISHED)


# --- two groups in one clause: each act keeps its own place and date ---------------


def test_two_groups_of_one_clause_keep_their_own_place_and_date() -> None:
    found = incidents(
        "Police arrested five defectors in Yanji on June 3 and three others were caught "
        "in Tumen on June 5."
    )
    by_count = {f["victims"]["min"]: f for f in found}
    assert set(by_count) == {3, 5}
    assert by_count[5]["place"]["name"] == "Yanji"
    assert by_count[5]["date"]["start"] == "2015-06-03"
    assert by_count[3]["place"]["name"] == "Tumen"
    assert by_count[3]["date"]["start"] == "2015-06-05"


def test_a_date_of_the_main_clause_is_not_the_date_of_a_relative_clause() -> None:
    found = one(
        "The group welcomed the arrival in Seoul yesterday of six North Koreans who were "
        "detained by Mongolian border troops last month, and thanked Mongolia."
    )
    assert found["date"]["start"].startswith("2015-05")


def test_the_crossing_told_with_the_arrest_dates_it() -> None:
    found = one(
        "Three women were caught by border guards while crossing the Yalu River on the "
        "night of June 14. One of them had been caught once before, in 2011."
    )
    assert found["date"]["start"] == "2015-06-14"


def test_a_later_act_does_not_date_the_arrest() -> None:
    found = one(
        "Two North Korean women were arrested in Yanji in May and were repatriated on June 10."
    )
    assert found["date"]["start"].startswith("2015-05")


# --- people told again by words that are not nouns ---------------------------------


@pytest.mark.parametrize(
    "second",
    [
        "Each was repatriated on June 10.",
        "All were repatriated on June 10.",
        "Those arrested were repatriated on June 10.",
    ],
)
def test_a_group_told_again_by_a_quantifier_takes_the_act(second: str) -> None:
    found = one(f"Two North Korean women were arrested in Yanji on June 3. {second}")
    assert found["acts"] == ["arrest", "repatriation"]
    assert found["victims"] == {"min": 2, "max": 2}


def test_a_person_told_again_by_age_takes_the_act() -> None:
    found = one(
        "A North Korean woman was arrested in Yanji on June 3. The 34-year-old was "
        "repatriated on June 10."
    )
    assert found["acts"] == ["arrest", "repatriation"]


def test_a_surname_given_with_who_the_person_is_names_her_later() -> None:
    found = one(
        "Kim, a 34-year-old North Korean woman, was arrested in Yanji on June 3. Kim was "
        "repatriated on June 10."
    )
    assert found["acts"] == ["arrest", "repatriation"]
    assert found["victims"] == {"min": 1, "max": 1}


def test_a_name_given_with_surnamed_names_the_person_later() -> None:
    found = one(
        "A 38-year-old woman surnamed Kang was detained by Chinese police in Harbin on "
        "June 12. Kang was handed to North Korean security agents three days later."
    )
    assert found["acts"] == ["arrest", "repatriation"]


def test_an_awaited_act_owned_by_a_possessive_is_the_groups() -> None:
    found = one(
        "Three North Korean women were detained in Yanji on June 3. Their repatriation is imminent."
    )
    assert found["acts"] == ["arrest"]
    assert found["expected_acts"] == ["repatriation"]


def test_a_done_act_owned_by_a_possessive_adds_nothing() -> None:
    found = one(
        "Nine North Koreans were caught in Laos and deported to China on Monday. Their "
        "deportation has drawn criticism."
    )
    assert "repatriation" not in found["acts"]


# --- crossing, places --------------------------------------------------------------


def test_caught_on_the_ice_is_caught_crossing() -> None:
    found = one(
        "North Korean guards caught two women on the ice of the Tumen River near Hoeryong "
        "on June 3."
    )
    assert "crossing" in found["acts"]


def test_residents_of_a_town_come_from_it() -> None:
    found = one(
        "North Korean border guards caught three residents of Hyesan who tried to cross the "
        "Yalu River on the 5th, a source said."
    )
    assert found["place"]["name"] == "Hyesan"  # the guards' own bank, where they set out


def test_citizens_of_a_country_are_not_caught_there() -> None:
    found = one(
        "Police in Khabarovsk detained two citizens of the DPRK who had left their workplace "
        "on June 2."
    )
    assert found["place"]["name"] == "Khabarovsk"


def test_raids_across_a_prefecture_are_arrests_there() -> None:
    found = one(
        "About 20 North Koreans were rounded up in a series of raids across Yanbian in late "
        "May. Most have already been sent back across the Tumen."
    )
    assert found["place"]["name"] == "Yanbian"


# --- dates and counts --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["on the night of the 3rd", "in the early hours of the 3rd", "on the morning of the 3rd"],
)
def test_a_part_of_a_day_of_the_month_is_that_day(text: str) -> None:
    found = find_dates(f"They were caught {text}.", PUBLISHED)
    assert [d.range.start for d in found if d.range] == ["2015-06-03"]


def test_an_awaited_arrest_is_dated_from_the_last_day_told_to_publication() -> None:
    found = one(
        "Contact was lost with a family of four on June 10 in Mudanjiang. Activists fear "
        "they have been arrested and will be sent back."
    )
    assert found["modality"] == "expected"
    assert found["date"] == {"start": "2015-06-10", "end": "2015-06-20"}


def test_a_number_word_after_a_day_of_the_month_counts_people() -> None:
    texts = [q.text for q in find_quantities("Police arrested five on June 3 and three others.")]
    assert "three others" in texts


def test_a_number_word_opening_a_sentence_after_a_date_counts_people() -> None:
    texts = [q.text for q in find_quantities("They were held on 2 June. Two women fled.")]
    assert "Two women" in texts


def test_companions_only_feared_caught_are_a_case_of_their_own() -> None:
    found = incidents(
        "Police arrested a family of four in Shenyang on 2 June. Two women who were "
        "travelling with them have not been heard from since. They may also have been "
        "arrested."
    )
    assert sorted((f["modality"], f["victims"]["min"]) for f in found) == [
        ("expected", 2),
        ("occurred", 4),
    ]


# --- one story, one party, one group ----------------------------------------------
def test_a_month_after_a_full_date_of_an_earlier_year_is_in_that_year() -> None:
    found = find_dates(
        "She had been arrested in Shenyang in February 2014 and sent back in April.", PUBLISHED
    )
    assert [d.range.start for d in found if d.range] == ["2014-02", "2014-04"]


def test_a_month_after_a_full_date_runs_into_the_next_year() -> None:
    found = find_dates("Caught in December 2013, she was returned in January.", PUBLISHED)
    assert [d.range.start for d in found if d.range] == ["2013-12", "2014-01"]


def test_one_story_told_with_an_earlier_year_is_one_incident() -> None:
    found = one(
        "A woman who was repatriated in 2014 told us her story. She had been arrested in "
        "Shenyang in February 2014 and sent back in April. She spent a year in a labor camp."
    )
    assert found["acts"] == ["arrest", "repatriation", "punishment"]
    assert found["date"]["start"] == "2014-02"


def test_a_companion_taken_away_is_one_of_the_party() -> None:
    found = one(
        "Last month guards shot dead a young man near Musan as he tried to wade across the "
        "Tumen. Soldiers took his companion away."
    )
    assert found["victims"] == {"min": 2, "max": 2}
    assert {"death", "arrest", "crossing"} <= set(found["acts"])


def test_people_a_helper_was_helping_are_victims() -> None:
    found = one(
        "Chinese police have detained a South Korean pastor and five North Koreans he was "
        "helping in Shenyang, his church said on Monday."
    )
    assert found["victims"] == {"min": 5, "max": 5}
    assert "arrest" in found["acts"]


def test_a_participle_after_an_object_tells_what_was_done_to_it() -> None:
    found = one(
        "The UN refugee agency said it was concerned about 29 North Koreans detained in "
        "Vietnam near the Chinese border."
    )
    assert found["acts"] == ["arrest"]
    assert found["victims"] == {"min": 29, "max": 29}


def test_a_later_universal_count_gives_the_family_its_size() -> None:
    found = one(
        "The North Korean family was caught by Chinese police at Dandong when they tried to "
        "board a ship, and all four were repatriated."
    )
    assert found["victims"] == {"min": 4, "max": 4}


def test_a_crackdown_since_the_end_of_last_month_is_not_a_tally() -> None:
    found = one(
        "Since the end of last month, police have cracked down on defectors in Yanji and "
        "seven people were caught."
    )
    assert found["victims"] == {"min": 7, "max": 7}


def test_one_of_them_told_by_apposition_is_one_of_the_group() -> None:
    found = one(
        "Chinese police arrested four North Koreans in Yanji on June 3. One of them, a former "
        "soldier, could be executed if returned."
    )
    assert found["victims"] == {"min": 4, "max": 4}
    assert found["expected_acts"] == ["repatriation", "punishment"]


@pytest.mark.parametrize(
    ("text", "count"),
    [("One of them fled.", 1), ("One of the four fled.", 1), ("It was one of the worst.", None)],
)
def test_one_of_a_group_is_one_person(text: str, count: int | None) -> None:
    found = [q.count.min for q in find_quantities(text)]
    assert found == ([count] if count else [])


def test_a_family_of_four_doing_something_is_four() -> None:
    texts = [
        q.text for q in find_quantities("Guards caught a family of four trying to cross the Tumen.")
    ]
    assert texts == ["a family of four"]


def test_a_drowning_told_after_the_attempt_is_in_the_crossing() -> None:
    found = one(
        "Kim, a 34-year-old North Korean mother, lived in Musan. On the night of July 12, "
        "2013, she tried to cross the swollen river near Musan with her son. Both were swept "
        "away."
    )
    assert found["acts"] == ["crossing", "death"]
    assert found["victims"] == {"min": 2, "max": 2}
