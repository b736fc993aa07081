"""Victim references: counts, groups named without a number, and who is no victim."""

from __future__ import annotations

import pytest

from repwatch.extract.quantities import find_quantities
from repwatch.extract.victims import Ref, find_refs


def refs(text: str) -> list[Ref]:
    return find_refs(text, 0, len(text), find_quantities(text))


def kinds(text: str) -> list[tuple[str, str]]:
    return [(r.text, r.kind) for r in refs(text)]


@pytest.mark.parametrize(
    ("text", "phrase", "kind"),
    [
        (
            "Police arrested twelve of the North Koreans.",
            "twelve of the North Koreans",
            "partitive",
        ),
        ("Eighteen others were caught in Changchun.", "Eighteen others", "additive"),
        ("and a further five were taken off a train", "five", "additive"),
        ("and the other nine in Kunming", "nine", "complement"),
        ("The 12 had been arrested in August.", "12", "definite"),
        ("They were held at the border post.", "They", "pronoun"),
        ("All 19 are now being held.", "19", "universal"),
        ("Most have already been handed back.", "Most", "partial"),
        ("A defector hid in a reed field.", "A defector", "new"),
    ],
)
def test_reference_kind(text: str, phrase: str, kind: str) -> None:
    assert (phrase, kind) in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "China returns defectors under a 1986 agreement.",
        "Those who cross illegally are fined.",
        "Anyone who flees will be punished.",
        "More than 8,000 North Koreans have been returned since 2000.",
        "If a family of four is caught, all will be sent back.",
    ],
    ids=["bare-plural", "those-who", "anyone", "tally", "hypothetical"],
)
def test_people_in_general_are_generic(text: str) -> None:
    named = [r for r in refs(text) if r.kind not in ("pronoun", "universal")]
    assert named and all(r.kind == "generic" for r in named)


def test_helpers_are_not_victims() -> None:
    found = refs("Five people helping them were also detained.")
    assert found[0].text == "Five people" and not found[0].victim


def test_guides_in_a_group_are_not_victims() -> None:
    found = refs("Two of the 13 were ethnic Korean Chinese citizens working as guides.")
    assert found[0].kind == "partitive" and not found[0].victim


def test_a_speaker_is_not_a_victim() -> None:
    found = refs("her sister in Seoul said.")
    assert found and not found[0].victim


def test_a_woman_and_her_two_children_are_three() -> None:
    found = refs("A North Korean woman and her two children were caught.")
    assert found[0].count is not None and found[0].count.min == found[0].count.max == 3


def test_two_laborers_and_a_woman_are_one_group_of_three() -> None:
    found = refs("Two laborers from Sinuiju and a woman from Uiju were arrested.")
    assert found[0].count is not None and (found[0].count.min, found[0].count.max) == (3, 3)


def test_ages_are_not_counts() -> None:
    text = "Officers caught the nine, aged between 15 and 23, in Oudomxay."
    assert [r.text for r in refs(text)] == ["nine"]


def test_breakdown_after_including_is_a_member() -> None:
    found = refs("Five people helping them, including a former defector, were detained.")
    assert [r.kind for r in found if r.text == "a former defector"] == ["member"]


def test_a_named_person_is_a_reference_but_a_leader_is_not() -> None:
    names = [r.text for r in refs("Lee Young-hwa fled after Kim Jong Un took power.")]
    assert names == ["Lee Young-hwa"]


def test_another_soldier_is_one_more() -> None:
    found = refs("Another soldier was captured alive.")
    assert found[0].kind == "additive" and found[0].count is not None
    assert found[0].count.max == 1
