"""Phrasings of wire copy, NGO appeals, features and testimony that the first corpora
rarely used: verbs sharing a subject, counts listed with commas, the acts of a state
named by its capital, custody that awaits no return, acts told as nouns of the people,
names given in passing, seasons, deaths in the crossing and ages. Every text here is
written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from repwatch.extract import extract
from repwatch.model import Act, Report

from .reading import readers

PUBLISHED = dt.date(2024, 5, 20)  # a Monday

incidents, one = readers(PUBLISHED)


# --- who acted ------------------------------------------------------------------------


def test_a_verb_sharing_its_subject_with_an_earlier_one_has_the_same_agent() -> None:
    found = one(
        "Last Tuesday, Chinese public security officers raided a church in Yanbian and took "
        "away a North Korean woman and her daughter."
    )
    assert found["acts"] == ["arrest"]
    assert found["victims"] == {"min": 2, "max": 2}
    assert found["date"] == {"start": "2024-05-14", "end": "2024-05-14"}


def test_taken_away_by_no_authority_is_no_arrest() -> None:
    assert incidents("A North Korean woman and her daughter took away their belongings.") == []


def test_a_state_named_by_its_capital_is_the_perpetrator() -> None:
    found = one("Beijing forcibly returned some 60 North Koreans in late April, activists said.")
    assert found["perpetrator"] == "china"
    assert found["victims"] == {"min": 54, "max": 66}


# --- how many ---------------------------------------------------------------------------


def test_relatives_listed_with_commas_are_all_counted() -> None:
    found = one(
        "Chinese police arrested a grandmother, her daughter and two grandchildren in Yanji "
        "on May 2."
    )
    assert found["victims"] == {"min": 4, "max": 4}


def test_ages_set_off_with_commas_do_not_end_the_list() -> None:
    found = one("Chinese police arrested a woman, 45, and her son, 12, in Yanji on May 2.")
    assert found["victims"] == {"min": 2, "max": 2}


def test_a_comma_joins_no_one_but_a_relative_or_a_count() -> None:
    found = one("Chinese police arrested a woman, a mother of two, in Yanji on May 2.")
    assert found["victims"] == {"min": 1, "max": 1}


def test_between_two_numbers_is_a_range() -> None:
    found = one("Chinese police arrested between 10 and 15 North Koreans in Yanji on May 2.")
    assert found["victims"] == {"min": 10, "max": 15}


def test_ages_between_two_numbers_count_no_one() -> None:
    found = one(
        "Chinese police arrested seven North Korean women aged between 20 and 35 in Yanji on May 2."
    )
    assert found["victims"] == {"min": 7, "max": 7}


# --- custody --------------------------------------------------------------------------


def test_awaiting_return_in_a_jail_is_detention_now() -> None:
    found = one(
        "Five North Korean women arrested in Shenyang last month are awaiting deportation at "
        "a jail in Dandong."
    )
    assert found["acts"] == ["arrest", "detention"]
    assert found["expected_acts"] == ["repatriation"]


def test_holding_them_is_detention() -> None:
    found = one(
        "Lao authorities released the nine North Koreans to the South Korean embassy after "
        "holding them for a month."
    )
    assert set(found["acts"]) == {"arrest", "detention", "release"}
    assert found["perpetrator"] == "other"


def test_kept_at_a_police_station_then_handed_over_is_a_return() -> None:
    found = one(
        "A family of four was arrested in Helong on April 3. The family was kept at a border "
        "police station for a week and then handed to North Korean officials at the Nanping "
        "crossing."
    )
    assert set(found["acts"]) == {"arrest", "detention", "repatriation"}


def test_custody_of_people_caught_by_the_north_awaits_no_return() -> None:
    found = one(
        "North Korean border guards caught three women who were trying to cross the Tumen "
        "near Hoeryong on May 9. The women are being held by the State Security Department."
    )
    assert set(found["acts"]) == {"crossing", "arrest"}
    assert found["perpetrator"] == "north_korea"


def test_stepping_into_the_river_is_crossing_it() -> None:
    found = one(
        "A couple from Musan were seized by North Korean border guards as they waded into the "
        "Tumen River last Thursday."
    )
    assert set(found["acts"]) == {"crossing", "arrest"}


# --- acts told as nouns of the people --------------------------------------------------


def test_their_repatriation_is_an_act_of_the_people_told_before() -> None:
    found = one(
        "Four North Koreans were arrested in a police raid on a safe house in Beijing on "
        "May 4, the activist said. Their repatriation took place last week, according to "
        "people in contact with their relatives."
    )
    assert found["acts"] == ["arrest", "repatriation"]


def test_a_deportation_by_a_third_country_is_no_return() -> None:
    found = one(
        "Nine North Korean defectors were caught in Laos earlier this month and were handed "
        "over to Chinese authorities on Monday. Their deportation has drawn criticism."
    )
    assert "repatriation" not in found["acts"]
    assert found["perpetrator"] == "other"


def test_a_name_given_in_passing_refers_back_to_the_one_person() -> None:
    found = one(
        "A North Korean man in his thirties, whom his colleagues call Ri, was stopped by "
        "police at the Vladivostok railway station on March 2. In April, Ri was handed over "
        "to officials from the North Korean consulate and flown to Pyongyang."
    )
    assert found["acts"] == ["arrest", "repatriation"]
    assert found["victims"] == {"min": 1, "max": 1}


# --- seasons ------------------------------------------------------------------------------


def test_a_season_without_a_year_is_the_latest_begun_by_publication() -> None:
    found = one(
        "In late autumn a North Korean logger was stopped by Russian police in Vladivostok."
    )
    assert found["date"] == {"start": "2023-11", "end": "2023-11"}


def test_a_season_after_during_dates_the_case() -> None:
    found = one("Chinese police arrested two North Koreans during the spring planting in Yanji.")
    assert found["date"] == {"start": "2024-03", "end": "2024-05"}


def test_a_season_naming_a_kind_of_work_dates_nothing() -> None:
    found = one("Chinese police arrested two North Koreans who had joined a spring harvest crew.")
    assert found["date"] is None


# --- deaths in the crossing ---------------------------------------------------------------


def test_the_people_after_a_preposition_are_no_object_of_an_intransitive_verb() -> None:
    found = one(
        "In July a fifteen-year-old boy from Namyang drowned in the Tumen while trying to "
        "cross to join his mother, who had been working in China for two years."
    )
    assert set(found["acts"]) == {"crossing", "death"}
    assert found["victims"] == {"min": 1, "max": 1}


def test_a_body_found_after_an_attempt_to_cross_is_a_death_in_the_crossing() -> None:
    found = one(
        "In July 2010 a man tried to cross the Tumen near Hoeryong at the height of the rains. "
        "His body was recovered by villagers on the Chinese side two days later."
    )
    assert set(found["acts"]) == {"crossing", "death"}
    assert found["perpetrator"] is None


# --- a group, then who its people are --------------------------------------------------


def test_a_family_then_its_members_after_a_colon_is_counted_by_its_members() -> None:
    found = one(
        "Many of you will remember the family we asked you to pray for: a grandmother in her "
        "late sixties, her son, his wife, and their two children. In May police arrested the "
        "family at a bus station in Kunming."
    )
    assert found["victims"] == {"min": 5, "max": 5}


def test_there_is_the_town_named_in_the_sentence_before() -> None:
    found = one(
        "In May the family of five reached Kunming. It was at the bus station there, as they "
        "waited for the night bus to Mengla, that plainclothes police checked their papers "
        "and took all five of them away."
    )
    assert found["place"]["name"] == "Kunming"
    assert found["acts"] == ["arrest"]
    assert found["victims"] == {"min": 5, "max": 5}


def test_a_family_is_never_the_sum_of_later_cases() -> None:
    found = incidents(
        "Police arrested the family in Kunming in May. In the summer, a young man from "
        "Hyesan drowned in the Yalu while trying to cross during the rains."
    )
    assert sorted(tuple(sorted(f["acts"])) for f in found) == [
        ("arrest",),
        ("crossing", "death"),
    ]


# --- ages, returns from a country, custody in the North, prohibitions -------------------


def test_a_list_of_ages_counts_no_one() -> None:
    found = one(
        "On Friday the brothers we have been sheltering, who are 19 and 22, were taken off a "
        "bus by police at the checkpoint outside Yanji."
    )
    assert found["victims"] is None or found["victims"]["min"] == 2


def test_a_country_returned_from_is_no_place_but_says_who_returned() -> None:
    found = one("Their mother, a woman from Musan, was sent back from China three years ago.")
    assert found["place"] is None
    assert found["perpetrator"] == "china"


def test_questioning_at_a_holding_centre_in_a_northern_town_is_no_detention() -> None:
    found = one(
        "Chinese authorities handed dozens of North Koreans back across the Tumen last week. "
        "Most had been caught in sweeps across Yanbian in May, and they are now being held "
        "and questioned at a holding centre in Onsong."
    )
    assert "detention" not in found["acts"]
    assert {"arrest", "repatriation", "interrogation"} <= set(found["acts"])


def test_a_korean_must_not_be_returned_is_no_return() -> None:
    found = one(
        "탈북민 9명이 지난달 말 쿤밍의 한 버스터미널에서 공안에 체포되었다. 정부는 탈북민이 어떠한 "
        "경우에도 강제북송되어서는 안 된다는 입장이다.",
    )
    assert "repatriation" not in found["acts"]


def test_a_korean_holding_facility_for_foreigners_is_custody_not_a_camp() -> None:
    found = one(
        "러시아 경찰은 이달 초 북한 노동자 두 명을 붙잡았고, 두 사람은 현재 외국인 "
        "임시수용소에 머물고 있다. 여권이 없으니 바로 추방 대상이 된다."
    )
    assert found["acts"] == ["arrest", "detention"]
    assert "punishment" not in found.get("expected_acts", [])


def test_pyongyang_where_the_returned_were_flown_is_no_place_of_the_return() -> None:
    found = one(
        "In 2013 Laos sent nine young defectors back to China, from where they were flown to "
        "Pyongyang."
    )
    assert found["place"] is None or found["place"]["name"] != "Pyongyang"


@pytest.mark.parametrize(
    "told",
    [
        "They were detained for ten days before being handed over.",
        "They are behind bars.",
        "They remain in police detention.",
        "They are now in detention in Tumen.",
        "They are still detained.",
        "Police locked them in a cell.",
    ],
)
def test_people_held_for_a_time_or_still_held_are_in_detention(told: str) -> None:
    found = one(f"Police arrested two North Korean women in Yanji on May 3. {told}")
    assert {"arrest", "detention"} <= set(found["acts"])


def test_people_described_as_in_detention_are_no_one_held() -> None:
    found = one(
        "Seoul asked for access to North Koreans in detention. Police arrested two women in "
        "Yanji on May 3."
    )
    assert found["acts"] == ["arrest"]


def test_awaited_custody_implies_an_awaited_arrest() -> None:
    found = one(
        "Police told the employer of a North Korean woman in Qingdao to bring her to the "
        "station next week, and she fears she will be held there until she can be sent back."
    )
    assert found["modality"] == "expected"
    assert set(found["acts"]) == {"arrest", "detention", "repatriation"}


def test_dying_in_custody_after_the_return_is_punishment_not_a_death_in_the_crossing() -> None:
    found = one(
        "Chinese police arrested a North Korean woman in Hunchun on May 3 and handed her over "
        "at the Quanhe bridge a week later. She fell ill in the custody of the State Security "
        "Department and died several weeks after her return."
    )
    assert "death" not in found["acts"]
    assert {"arrest", "repatriation", "punishment"} <= set(found["acts"])


def test_sent_her_home_sends_the_woman_not_her_house() -> None:
    found = one(
        "Police arrested a North Korean woman in Dandong on May 3 and sent her home a week later."
    )
    assert found["acts"] == ["arrest", "repatriation"]


@pytest.mark.parametrize(
    "told",
    [
        "They were later given ten-year sentences.",
        "They each received a heavy sentence.",
        "Both ended up in a prison camp.",
    ],
)
def test_sentences_and_camps_told_as_what_befell_them_are_punishment(told: str) -> None:
    found = one(f"Two North Korean women were arrested in Yanji on March 3. {told}")
    assert set(found["acts"]) == {"arrest", "punishment"}


def test_killing_one_of_the_people_fired_on_is_a_death_in_their_crossing() -> None:
    found = one(
        "Border guards opened fire on two North Korean women crossing the Tumen near Sanhe on "
        "March 3, killing one."
    )
    assert set(found["acts"]) == {"crossing", "death"}
    assert found["victims"] == {"min": 2, "max": 2}


def test_a_return_implies_the_arrest_it_presupposes() -> None:
    text = "Chinese police repatriated nine North Koreans from Tumen on May 3, activists said."
    (mention,) = extract(Report.from_text(text, published=PUBLISHED))
    found = mention.to_eval()
    assert found["acts"] == ["arrest", "repatriation"]
    (arrest,) = [a for a in mention.acts if a.act is Act.ARREST]
    assert [span.text for span in arrest.spans] == ["repatriated"]


def test_an_awaited_return_of_people_still_free_implies_an_awaited_arrest() -> None:
    found = one(
        "A North Korean woman hiding in a village outside Yanji could be sent back at any "
        "moment, her employer said on May 18."
    )
    assert found["modality"] == "expected"
    assert set(found["acts"]) == {"arrest", "repatriation"}


@pytest.mark.parametrize(
    ("told", "awaited"),
    [
        ("Their repatriation could not be confirmed.", {"repatriation"}),
        ("They face torture if returned.", {"repatriation", "punishment"}),
        ("China has so far refused to send them back.", set()),
    ],
)
def test_a_return_unconfirmed_feared_or_refused_is_not_done(told: str, awaited: set) -> None:
    found = one(f"Police arrested three North Koreans in Yanji on May 3. {told}")
    assert found["acts"] == ["arrest"]
    assert set(found.get("expected_acts") or ()) == awaited


def test_last_week_at_a_station_is_when_people_were_caught_not_a_stay_in_custody() -> None:
    found = one(
        "A North Korean woman who had lived in Harbin for ten years was arrested last week at "
        "a bus station in Shenyang."
    )
    assert found["acts"] == ["arrest"]
    assert found["place"]["name"] == "Shenyang"


@pytest.mark.parametrize(
    "told",
    [
        "After a week in the Tumen border detention center, the five were returned to Namyang.",
        "The five were then taken to the city's detention centre.",
    ],
)
def test_a_stay_at_or_a_transfer_to_a_named_detention_centre_is_custody(told: str) -> None:
    found = one(f"Police arrested five North Koreans in Tumen on May 3. {told}")
    assert {"arrest", "detention"} <= set(found["acts"])


def test_a_relatives_death_told_in_passing_is_no_incident() -> None:
    found = incidents(
        "Police arrested a North Korean woman in Yanji on May 3. She had come to China in "
        "2019. Her father died that winter in Chongjin."
    )
    assert [f["acts"] for f in found] == [["arrest"]]


def test_a_man_left_to_die_of_his_wounds_died_in_the_attempt() -> None:
    found = one(
        "In late October an activist watched a guard shoot a man near Hyesan. The wounded man "
        "was left lying there for half an hour before he died."
    )
    assert "death" in found["acts"]
