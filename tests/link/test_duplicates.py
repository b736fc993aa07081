"""near_duplicate: a republished wire story is one source; two stories of one place are two."""

from __future__ import annotations

import zlib

import pytest

from repwatch.link import near_duplicate, shingles

from .conftest import read_jsonl

WIRE = """SEOUL (AP) — Chinese police detained nine North Koreans at a farmhouse outside the
border city of Hunchun on Tuesday and are preparing to send them back, a South Korean
missionary who has helped the group said Thursday.

The nine, including a grandmother and two boys aged 10 and 12, had been hiding at the farm for
three weeks while they waited for a guide to take them to the Mongolian border, the missionary
said. He asked not to be identified because he still works in the area.

Police arrived in two trucks before dawn and also detained the farmer, an ethnic Korean who had
given the group food and a room in exchange for work in his fields, he said.

North Koreans caught in China are usually held at a detention centre near the border for a few
weeks before being handed over. Activists say many are sent to labour camps after they return.

China's Foreign Ministry did not respond to a request for comment on Thursday."""


def test_near_duplicate_true_for_a_republished_story_with_a_new_headline_and_byline() -> None:
    republished = (
        "Nine North Koreans face return after farm raid\n\nBy Lee Min-ho, Herald staff\n\n"
        + WIRE.replace("SEOUL (AP) — ", "").replace("in two trucks", "in two police trucks")
    )

    assert near_duplicate(WIRE, republished)
    assert near_duplicate(republished, WIRE)


def test_near_duplicate_true_for_a_story_republished_cut_short() -> None:
    cut = WIRE.rsplit("\n\n", 2)[0]

    assert near_duplicate(WIRE, cut)


def test_near_duplicate_false_for_two_stories_about_the_same_place() -> None:
    other = """Police in Hunchun have arrested nine North Koreans who were hiding on a farm near
the border, according to a source in the city. The group included an elderly woman and two
children, and had been waiting for a broker to guide them towards Mongolia. The farmer who
sheltered them was also taken away. The source said the detainees would probably be returned
within weeks, and that the farmer faces a fine."""

    assert not near_duplicate(WIRE, other)


def test_near_duplicate_false_across_the_linking_corpus_but_for_its_republished_story() -> None:
    texts = {row["id"]: row["text"] for row in read_jsonl("reports.jsonl")}
    ids = sorted(texts)

    found = {(a, b) for a in ids for b in ids if a < b and near_duplicate(texts[a], texts[b])}

    assert found == {("link-006", "link-007")}


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        pytest.param("", "", False, id="empty"),
        pytest.param("Nine held", "Nine held", True, id="short-identical"),
        pytest.param("Nine held", "Five held", False, id="short-different"),
    ],
)
def test_near_duplicate_on_short_texts(a: str, b: str, expected: bool) -> None:
    assert near_duplicate(a, b) is expected


def test_shingles_are_stable_hashes_of_folded_five_word_runs() -> None:
    assert shingles("One TWO three Four fivé six") == {
        zlib.crc32(b"one two three four five"),
        zlib.crc32(b"two three four five six"),
    }
