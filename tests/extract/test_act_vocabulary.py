"""The vocabulary of acts beyond the plainest verbs: phrasal and passive verbs, handovers
and movements, nouns of acts and what makes them awaited, and the returns that are not
returns. Every text here is written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from repwatch.extract import extract
from repwatch.model import Act, Report

from .reading import readers

PUBLISHED = dt.date(2015, 6, 20)


incidents, one = readers(PUBLISHED)


# --- vocabulary --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Three North Korean women were taken in by police in Yanji on June 3.",
        "Three North Korean women were hauled in by police in Yanji on June 3.",
        "Police in Yanji netted three North Korean women on June 3.",
        "Three North Korean women were taken away by police in Yanji on June 3.",
        "Three North Korean women were taken by Chinese police from a flat in Yanji on June 3.",
        "Eight North Koreans were stopped on a forest trail near Yanji on June 3.",
    ],
)
def test_phrasal_and_passive_verbs_of_arrest(text: str) -> None:
    assert "arrest" in one(text)["acts"]


def test_taken_away_without_police_is_no_arrest() -> None:
    text = (
        "A woman was sentenced to three years in a camp after being sent back on June 2. "
        "Her mother saw her once before she was taken away."
    )
    (mention,) = extract(Report.from_text(text, published=PUBLISHED))
    # the arrest is the one her return implies, not the taking away
    (arrest,) = [a for a in mention.acts if a.act is Act.ARREST]
    assert [span.text for span in arrest.spans] == ["sent back"]


@pytest.mark.parametrize(
    "text",
    [
        "Three North Korean women were surrendered to North Korean authorities on June 3 "
        "after being caught in Yanji.",
        "Three North Korean women were delivered to the North Korean consulate on June 3 "
        "after being caught in Yanji.",
        "Three North Korean women were escorted back across the bridge on June 3 after "
        "being caught in Yanji.",
        "Three North Korean women were made to walk across the bridge into Sinuiju on June 3 "
        "after being caught in Yanji.",
        "Three North Korean women were detained in Yanji on June 3, and have since been refouled.",
    ],
)
def test_handovers_and_movements_to_the_north_are_returns(text: str) -> None:
    assert "repatriation" in one(text)["acts"]


def test_a_north_korean_institution_is_no_return_from_abroad() -> None:
    found = one(
        "North Korean guards caught two women on the ice of the Tumen River near Hoeryong "
        "on June 3. They were taken to the Hoeryong State Security Department."
    )
    assert "repatriation" not in found["acts"]


def test_a_handover_to_the_south_korean_embassy_is_a_release() -> None:
    found = one(
        "Mongolian border guards caught six North Koreans near Zamyn-Uud on Friday. The six "
        "will be handed over to the South Korean embassy."
    )
    assert found.get("expected_acts") == ["release"]


def test_dragged_back_to_the_bank_is_no_return() -> None:
    found = one(
        "North Korean guards shot two people crossing the Yalu near Hyesan on June 7, and "
        "dragged the three others back to the bank."
    )
    assert "repatriation" not in found["acts"]


def test_a_body_dragged_back_is_no_arrest() -> None:
    found = one(
        "North Korean guards shot and killed a man crossing the Tumen near Musan on June 2. "
        "Soldiers dragged his body back to the bank."
    )
    assert "arrest" not in found["acts"]


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("They were sent to a holding facility in Tumen.", "detention"),
        ("Authorities in Tumen are preparing to repatriate them.", "repatriation"),
    ],
)
def test_custody_and_plans(text: str, act: str) -> None:
    found = one(f"Three North Korean women were detained in Yanji on June 3. {text}")
    assert act in [*found["acts"], *found.get("expected_acts", [])]


def test_what_follows_once_they_are_handed_over_is_awaited() -> None:
    found = one(
        "Police arrested four North Korean women in Dandong on Thursday. Once they are "
        "handed over, they will be questioned."
    )
    assert found["acts"] == ["arrest"]


# --- more verbs and nouns, and whose act it is ------------------------------------
def test_people_only_sent_on_to_the_south_are_no_incident() -> None:
    assert (
        incidents(
            "Six North Korean defectors who reached Thailand were sent to South Korea last month."
        )
        == []
    )


def test_a_return_from_china_was_made_by_china() -> None:
    found = one(
        "Three persons who were forcibly sent from China early this month are receiving "
        "severe investigation at the Onsong county security agency."
    )
    assert found["perpetrator"] == "china"
    assert set(found["acts"]) == {"arrest", "repatriation", "interrogation"}


@pytest.mark.parametrize(
    ("text", "act"),
    [
        (
            "Agents abducted a North Korean defector from his flat in Yanji on June 3.",
            "arrest",
        ),
        (
            "The bodies of two North Korean women were found in the Tumen near Onsong on "
            "June 3; they had drowned while trying to cross.",
            "crossing",
        ),
        (
            "Nine North Koreans were detained by Lao police on May 10. After two weeks in "
            "custody they were handed to Chinese police.",
            "detention",
        ),
        (
            "Nine North Koreans were detained by Lao police on May 10. On May 27 they were "
            "flown from Beijing to Pyongyang.",
            "repatriation",
        ),
    ],
)
def test_more_verbs_and_nouns_of_acts(text: str, act: str) -> None:
    assert act in one(text)["acts"]


def test_a_handover_to_china_by_laos_is_no_return() -> None:
    found = one(
        "Nine North Koreans were detained by Lao police on May 10. After two weeks in custody "
        "they were handed over to Chinese police."
    )
    assert "repatriation" not in found["acts"]


def test_what_people_are_sent_for_is_awaited() -> None:
    found = one(
        "Three North Koreans who had crossed from Musan were arrested on June 5, and were sent "
        "to Tumen for repatriation."
    )
    assert found["acts"] == ["arrest"]
    assert found["expected_acts"] == ["repatriation"]


def test_an_act_noun_opening_a_sentence_with_a_modal_is_awaited() -> None:
    found = one(
        "Chinese police arrested four North Koreans in Yanji on June 3. Repatriation could "
        "come within days, an activist said."
    )
    assert found["expected_acts"] == ["repatriation"]


@pytest.mark.parametrize(
    "text",
    [
        "North Korean guards arrested three people on the riverbank near Hyesan on June 5 as "
        "they prepared to cross into China.",
        "Two North Korean soldiers who tried to defect across the Yalu on June 6 were caught "
        "near Manpo.",
    ],
)
def test_getting_ready_to_cross_and_defecting_across_are_crossings(text: str) -> None:
    assert "crossing" in one(text)["acts"]


def test_police_searching_for_people_are_not_a_passive_act() -> None:
    found = incidents(
        "Chinese police are searching for four North Koreans who escaped from a police "
        "station in Tumen on Saturday. Six others who were held with them were transferred "
        "to the border on Sunday."
    )
    assert sorted((f["modality"], f["victims"]["min"]) for f in found) == [
        ("expected", 4),
        ("occurred", 6),
    ]
