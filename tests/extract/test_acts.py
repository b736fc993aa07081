"""Act triggers: passive, active and nominal forms, modality, negation, general statements."""

from __future__ import annotations

import pytest

from repwatch.extract.acts import ActHit, find_acts
from repwatch.model import Act, Modality


def hits(text: str) -> list[ActHit]:
    return find_acts(text)


def done(text: str) -> set[Act]:
    """The acts the text says happened."""
    return {a for h in hits(text) if h.counts and h.modality is Modality.OCCURRED for a in h.acts}


def awaited(text: str) -> set[Act]:
    return {a for h in hits(text) if h.counts and h.modality is Modality.EXPECTED for a in h.acts}


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("Three defectors were nabbed by police in Yanji.", Act.ARREST),
        ("The arrest of two defectors alarmed activists.", Act.ARREST),
        ("The man was sent back across the Friendship Bridge.", Act.REPATRIATION),
        ("She was handed over to the North Korean authorities.", Act.REPATRIATION),
        ("They were forcibly repatriated on Monday.", Act.REPATRIATION),
        ("Police took them into custody.", Act.ARREST),
        ("They were held at a border post for two days.", Act.DETENTION),
        ("The family is now being questioned by the SSD.", Act.INTERROGATION),
        ("She was sentenced to three years in a labor camp.", Act.PUNISHMENT),
        ("Guards shot and killed a young man.", Act.DEATH),
        ("Two women drowned in the river.", Act.DEATH),
        ("The group was released on Friday.", Act.RELEASE),
        ("They waded across the Tumen River at night.", Act.CROSSING),
        ("Five were taken off a train at a Shenyang station.", Act.ARREST),
        ("The two were frog-marched back across the bridge.", Act.REPATRIATION),
        ("They were driven back over the border that night.", Act.REPATRIATION),
        ("He was put on the weekly Air Koryo flight to Pyongyang.", Act.REPATRIATION),
        ("Police broke into the house and dragged out a North Korean woman.", Act.ARREST),
    ],
    ids=[
        "passive-nabbed",
        "nominal-arrest-of",
        "sent-back-across",
        "handed-over-to-north",
        "repatriated",
        "taken-into-custody",
        "held",
        "questioned",
        "sentenced-camp",
        "shot-and-killed",
        "drowned",
        "released",
        "waded-across",
        "taken-off-train",
        "frog-marched-back-across",
        "driven-back-over",
        "put-on-a-flight-to-pyongyang",
        "police-dragged-out",
    ],
)
def test_trigger_names_act_that_happened(text: str, act: Act) -> None:
    assert act in done(text)


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("The eight are facing repatriation.", Act.REPATRIATION),
        ("They are awaiting repatriation in Tumen.", Act.REPATRIATION),
        ("The group is likely to be returned to the North.", Act.REPATRIATION),
        ("All of them will be sent back before the end of the month.", Act.REPATRIATION),
        ("The nine are at risk of torture if they are returned.", Act.PUNISHMENT),
        ("Aid workers fear they were caught as well.", Act.ARREST),
        ("Some may already have been handed over.", Act.REPATRIATION),
    ],
    ids=["facing", "awaiting", "likely-to", "will-be", "at-risk-of", "feared", "may-have-been"],
)
def test_awaited_or_feared_act_is_expected(text: str, act: Act) -> None:
    assert act in awaited(text)
    assert act not in done(text)


@pytest.mark.parametrize(
    "text",
    [
        "The three were not repatriated and remain in Yanji.",
        "Two others avoided capture by hiding in a relative's house.",
        "Many defectors could avoid being caught.",
    ],
    ids=["not-repatriated", "avoided-capture", "avoid-being-caught"],
)
def test_negated_act_does_not_count(text: str) -> None:
    assert not done(text) and not awaited(text)


def test_present_tense_act_is_a_general_statement() -> None:
    found = hits("China returns those it catches under a 1986 agreement.")
    assert found and all(h.habitual for h in found)


def test_handover_to_a_third_country_is_no_repatriation() -> None:
    assert Act.REPATRIATION not in done("Vietnam handed them to China on October 24.")


def test_deportation_to_south_korea_is_a_release() -> None:
    assert done("The eleven were deported to South Korea.") == {Act.RELEASE}


def test_death_in_a_camp_is_punishment() -> None:
    assert done("He died in a labor camp in Hamhung.") == {Act.PUNISHMENT}


def test_death_of_illness_is_not_a_death_of_the_case() -> None:
    assert not done("Her husband had died of illness last year.")


def test_attempted_arrest_did_not_happen() -> None:
    found = [h for h in hits("guards who were trying to take him into custody")]
    assert found and not any(h.counts for h in found)


def test_purpose_of_a_completed_trip_happened() -> None:
    text = "The SSD had sent officials to Dandong to question the group."
    assert Act.INTERROGATION in done(text)


def test_coordinated_participle_shares_the_passive_voice() -> None:
    found = hits("They were caught on the bank and handed back three days later.")
    assert [h.voice for h in found] == ["passive", "passive"]


def test_hits_quote_the_text() -> None:
    text = "Police in Hunchun detained three defectors and deported them."
    for hit in hits(text):
        assert text[hit.start : hit.end] == hit.text


@pytest.mark.parametrize(
    "text",
    [
        "Both are now in a detention center in Tumen.",
        "They were transferred to an immigration detention facility in Vientiane.",
        "The family was taken to a border police station.",
    ],
    ids=["in-a-detention-center", "transferred-to-a-facility", "taken-to-a-station"],
)
def test_people_told_as_in_custody_are_detained(text: str) -> None:
    assert Act.DETENTION in done(text)


def test_pulled_out_of_the_river_by_no_authority_is_no_arrest() -> None:
    assert done("Villagers pulled the boy out of the river near Musan.") == set()
    assert Act.ARREST in done("The man was pulled out of the water by border guards.")


def test_the_chance_of_being_returned_is_no_return_done() -> None:
    text = "Once they are in Chinese hands, the chance of them being returned is very high."
    assert awaited(text) == {Act.REPATRIATION}
    assert done(text) == set()
    assert done("They were caught by chance at a checkpoint.") == {Act.ARREST}
