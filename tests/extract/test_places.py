"""Places and their roles in a clause, and the authorities named with them."""

from __future__ import annotations

import pytest

from repwatch.extract.acts import find_acts
from repwatch.extract.perpetrator import find_actors
from repwatch.extract.places import PlaceHit, find_places
from repwatch.extract.sources import find_sources
from repwatch.gazetteer import default_gazetteer
from repwatch.model import Perpetrator, PlaceRole


def places(text: str) -> list[PlaceHit]:
    excluded = [(s.start, s.end) for s in find_sources(text)]
    matches = default_gazetteer().find(text)
    return find_places(text, 0, len(text), matches, find_acts(text), excluded)


def roles(text: str) -> dict[str, PlaceRole]:
    return {p.name: p.role for p in places(text)}


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Eighteen others were caught in Changchun last week.", "Changchun", PlaceRole.CAUGHT),
        ("They were handed over to the North at Namyang.", "Namyang", PlaceRole.RETURNED),
        ("The eight are being held in Erenhot.", "Erenhot", PlaceRole.HELD),
        ("He tried to swim across the Yalu near Dandong.", "Dandong", PlaceRole.CROSSED),
        ("They were arrested shortly after arriving from Yanji.", "Yanji", PlaceRole.ORIGIN),
        ("They were caught on their way to Kunming.", "Kunming", PlaceRole.DESTINATION),
        (
            "Police raided a flat on the eastern edge of Beijing and detained 65 people.",
            "Beijing",
            PlaceRole.CAUGHT,
        ),
        ("A family of four was nabbed at a bus terminal in Yanji.", "Yanji", PlaceRole.CAUGHT),
    ],
    ids=["caught", "returned", "held", "crossed", "origin", "destination", "fronted", "modifier"],
)
def test_place_takes_role_of_its_act(text: str, name: str, role: PlaceRole) -> None:
    assert roles(text)[name] is role


def test_place_in_relative_clause_of_the_subject_is_not_where_they_were_caught() -> None:
    text = "Two laborers who were working at a factory in Sinuiju were arrested."
    assert roles(text)["Sinuiju"] is PlaceRole.OTHER


def test_place_describing_a_source_is_left_out() -> None:
    text = "They were caught, a source in North Hamgyong Province told Daily NK."
    assert "North Hamgyong Province" not in roles(text)


def test_place_after_a_later_verb_is_not_the_acts() -> None:
    text = "The arrest of two defectors last week has alarmed activists in Seoul."
    assert roles(text)["Seoul"] is not PlaceRole.CAUGHT


def test_authority_seat_is_not_a_place_of_the_case_but_gives_its_state() -> None:
    text = "Police in Dongxing held them for three weeks."
    found = places(text)
    assert found[0].of_actor
    actors = find_actors(text, 0, len(text), found)
    assert actors[0].state is Perpetrator.CHINA


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Chinese public security officers detained them.", Perpetrator.CHINA),
        ("North Korean border guards shot him.", Perpetrator.NORTH_KOREA),
        ("He was questioned by the State Security Department.", Perpetrator.NORTH_KOREA),
        ("Russian police officers drove him away.", Perpetrator.RUSSIA),
        ("Vietnamese police took them into custody.", Perpetrator.OTHER),
    ],
    ids=["china", "north-korea", "ssd", "russia", "vietnam"],
)
def test_actor_state(text: str, state: Perpetrator) -> None:
    actors = find_actors(text, 0, len(text))
    assert actors[0].state is state


def test_sources_are_found_before_and_after_the_verb() -> None:
    text = (
        "They were caught, a source in North Pyongan Province told Daily NK. "
        "It was the second case, said a separate source in China."
    )
    assert [s.text for s in find_sources(text)] == [
        "a source in North Pyongan Province",
        "a separate source in China",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Police in Helong, a county-level city in China's Jilin province, arrested two women.",
        "Police in Hunchun, a city where China, Russia and North Korea meet, arrested five.",
    ],
    ids=["province", "relative-clause"],
)
def test_places_in_an_appositive_of_the_police_seat_are_not_where_people_were_caught(
    text: str,
) -> None:
    found = roles(text)
    assert found.get("China", PlaceRole.OTHER) is PlaceRole.OTHER
    assert found.get("Jilin", PlaceRole.OTHER) is PlaceRole.OTHER
