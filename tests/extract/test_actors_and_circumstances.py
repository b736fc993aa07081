"""Whose authorities acted, acts told as circumstances, comparisons that are not general
statements, removals from a dwelling, and reporting groups that are not victims. Every
text here is written for these tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from repwatch.extract import extract
from repwatch.extract.quantities import find_quantities
from repwatch.extract.victims import find_refs
from repwatch.model import Report

PUBLISHED = dt.date(2014, 6, 20)


def incidents(text: str) -> list[dict[str, Any]]:
    report = Report.from_text(text, published=PUBLISHED, language="en")
    return [m.to_eval() for m in extract(report)]


def one(text: str) -> dict[str, Any]:
    found = incidents(text)
    assert len(found) == 1, found
    return found[0]


# --- perpetrator: the side the act happened on -------------------------------------


@pytest.mark.parametrize(
    ("text", "state"),
    [
        pytest.param(
            "Soldiers on the North Korean side of the Tumen seized four people heading for "
            "Tumen city in China on June 2, a source said.",
            "north_korea",
            id="guards-on-north-korean-side",
        ),
        pytest.param(
            "Guards stationed on the Chinese bank detained two women near Changbai on June 2, "
            "residents said.",
            "china",
            id="guards-on-chinese-bank",
        ),
    ],
)
def test_guards_take_the_state_of_the_bank_they_stand_on(text: str, state: str) -> None:
    assert one(text)["perpetrator"] == state


def test_guards_who_caught_people_still_leaving_are_of_the_place_they_left() -> None:
    found = one(
        "Three people were captured by border guards while trying to cross the river from "
        "Musan on June 2, a source said."
    )
    assert found["perpetrator"] == "north_korea"


def test_a_shore_not_reached_names_no_chinese_actor() -> None:
    found = one(
        "Two women from Musan were caught by border guards on June 2. They were detained "
        "before reaching the Chinese shore and are held by the State Security Department."
    )
    assert found["perpetrator"] == "north_korea"


def test_authorities_people_were_handed_to_did_not_detain_them() -> None:
    found = one(
        "Five North Korean workers were detained in Dandong on June 2 and handed over to "
        "North Korean authorities a week later, a source said."
    )
    assert found["perpetrator"] == "china"


def test_receiving_state_is_not_the_one_that_caught_people_abroad() -> None:
    found = one(
        "Seven North Koreans were caught in Laos on June 2 and handed over to Chinese "
        "authorities, officials said."
    )
    assert found["perpetrator"] == "other"


def test_villagers_handing_people_to_police_of_the_same_state_keep_that_state() -> None:
    found = one(
        "Villagers caught two North Koreans in Yanji on June 2 and handed them over to the "
        "Chinese police, a source said."
    )
    assert found["perpetrator"] == "china"


# --- acts named as circumstances ---------------------------------------------------


def test_interrogation_named_as_a_circumstance_is_the_subjects() -> None:
    found = one(
        "Six North Korean workers were arrested in Dandong on June 2. We have learned that "
        "the workers were beaten during interrogation by the State Security Department."
    )
    assert "interrogation" in found["acts"]


def test_an_interrogation_noun_with_no_one_subjected_binds_nothing() -> None:
    found = one(
        "Six North Korean workers were arrested in Dandong on June 2. Interrogation methods "
        "at the border are harsh, activists said."
    )
    assert "interrogation" not in found["acts"]


# --- comparisons are not general statements ----------------------------------------


def test_a_case_compared_with_recent_years_is_not_a_general_statement() -> None:
    found = one(
        "Chinese police sent 40 North Koreans back across the river from Dandong on June 6, "
        "in one of the largest single returns reported in recent years, a source said."
    )
    assert "repatriation" in found["acts"]


def test_a_habit_of_recent_years_stays_general() -> None:
    assert incidents("In recent years Chinese police have routinely sent defectors back.") == []


# --- removed from where people lived -----------------------------------------------


@pytest.mark.parametrize(
    "phrase",
    ["were taken from the house of a farmer", "were dragged away from their hiding place"],
)
def test_people_removed_from_a_dwelling_were_arrested(phrase: str) -> None:
    found = one(f"Two North Korean women {phrase} in Yanji on June 2, a source said.")
    assert "arrest" in found["acts"]


def test_taken_from_a_house_to_a_hospital_by_relatives_is_not_an_arrest() -> None:
    assert incidents("The books were taken from the house in Yanji on June 2.") == []


# --- the reporting group and the people named before --------------------------------


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        pytest.param("Two women were arrested in Yanji, the group said.", False, id="said"),
        pytest.param("The group, the aid workers fear, was arrested.", True, id="fear-inside"),
        pytest.param("The group was arrested in Yanji.", True, id="acted-on"),
    ],
)
def test_the_group_that_speaks_is_not_a_victim_reference(text: str, kept: bool) -> None:
    refs = find_refs(text, 0, len(text), find_quantities(text))
    assert any(r.text.lower() == "the group" for r in refs) is kept


def test_the_woman_is_the_one_named_with_her_children_not_the_last_person() -> None:
    found = incidents(
        "Chinese police arrested a North Korean woman and her two children in Yanji, and "
        "a teenage boy was held in a separate case, a source said on June 12. The woman, "
        "aged 30, and her son and daughter were arrested on June 2."
    )
    woman = next(f for f in found if f["victim_group"].endswith("her two children"))
    boy = next(f for f in found if f["victim_group"] == "a teenage boy")
    assert woman["date"] == {"start": "2014-06-02", "end": "2014-06-02"}
    assert boy["victims"] == {"min": 1, "max": 1}
