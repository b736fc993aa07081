"""Victim counts: what ``find_quantities`` takes, what it leaves, and how it counts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from repwatch.extract.quantities import (
    KINDS,
    Quantity,
    combine,
    combine_counts,
    find_quantities,
    lemma,
    parse_number,
)
from repwatch.model import VictimCount


def only(text: str) -> Quantity:
    found = find_quantities(text)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


# (text, quoted span, min, max, head, kind)
COUNTS = [
    ("Police detained 12 defectors on the bus.", "12 defectors", 12, 12, "defector", "number"),
    (
        "Twenty-five North Koreans were caught.",
        "Twenty-five North Koreans",
        25,
        25,
        "north korean",
        "number",
    ),
    ("They found 1,250 refugees in the camp.", "1,250 refugees", 1250, 1250, "refugee", "number"),
    (
        "A hundred and ten people were returned.",
        "A hundred and ten people",
        110,
        110,
        "people",
        "number",
    ),
    ("Guards seized ninety-nine migrants.", "ninety-nine migrants", 99, 99, "migrant", "number"),
    ("Police held a dozen women overnight.", "a dozen women", 12, 12, "woman", "number"),
    ("About 30 migrants were sent back.", "About 30 migrants", 27, 33, "migrant", "approx"),
    ("Some 40 people were held.", "Some 40 people", 36, 44, "people", "approx"),
    ("Roughly 25 escapees hid there.", "Roughly 25 escapees", 23, 27, "escapee", "approx"),
    ("Nearly 50 detainees were moved.", "Nearly 50 detainees", 45, 49, "detainee", "approx"),
    ("More than 20 workers fled.", "More than 20 workers", 21, None, "worker", "lower_bound"),
    (
        "At least 35 North Koreans were held.",
        "At least 35 North Koreans",
        35,
        None,
        "north korean",
        "lower_bound",
    ),
    (
        "No fewer than 20 women were sold.",
        "No fewer than 20 women",
        20,
        None,
        "woman",
        "lower_bound",
    ),
    (
        "Police caught 40 or more defectors.",
        "40 or more defectors",
        40,
        None,
        "defector",
        "lower_bound",
    ),
    (
        "More than a dozen refugees were held.",
        "More than a dozen refugees",
        13,
        None,
        "refugee",
        "lower_bound",
    ),
    ("About two dozen soldiers came.", "About two dozen soldiers", 22, 26, "soldier", "approx"),
    (
        "Dozens of North Koreans were caught.",
        "Dozens of North Koreans",
        24,
        None,
        "north korean",
        "vague",
    ),
    (
        "Several dozen defectors were held.",
        "Several dozen defectors",
        24,
        None,
        "defector",
        "vague",
    ),
    ("Hundreds of refugees waited.", "Hundreds of refugees", 200, None, "refugee", "vague"),
    ("Three or four people were seen.", "Three or four people", 3, 4, "people", "approx"),
    ("Police held 10 to 15 loggers.", "10 to 15 loggers", 10, 15, "logger", "approx"),
    ("A family of four was caught.", "A family of four", 4, 4, "family", "group"),
    ("A five-member family was caught.", "A five-member family", 5, 5, "family", "group"),
    ("They arrested two families at dawn.", "two families", 4, None, "family", "group"),
    (
        "A woman and her two children were caught.",
        "A woman and her two children",
        3,
        3,
        "woman",
        "group",
    ),
    ("A young man and his wife were stopped.", "A young man and his wife", 2, 2, "man", "group"),
    (
        "His mother and younger sister were taken.",
        "His mother and younger sister",
        2,
        2,
        "mother",
        "group",
    ),
    ("A couple in their sixties was held.", "A couple", 2, 2, "couple", "group"),
    ("Police caught a defector in Yanji.", "a defector", 1, 1, "defector", "singular"),
    ("Guards beat the man badly.", "the man", 1, 1, "man", "singular"),
    ("Police held a 23-year-old woman.", "a 23-year-old woman", 1, 1, "woman", "singular"),
    (
        "Officers caught a North Korean who had fled.",
        "a North Korean",
        1,
        1,
        "north korean",
        "singular",
    ),
    ("Police arrested Kim's father last month.", "Kim's father", 1, 1, "father", "singular"),
    ("Police caught five of them at the station.", "five of them", 5, 5, None, "number"),
    ("Eight of the refugees were returned.", "Eight of the refugees", 8, 8, "refugee", "number"),
    ("Three were caught at the river.", "Three", 3, 3, None, "number"),
    ("Seven more defectors were held.", "Seven more defectors", 7, 7, "defector", "number"),
    ("They detained two border guards.", "two border guards", 2, 2, "guard", "number"),
    ("Police handed over 12 people.", "12 people", 12, 12, "people", "number"),
    ("Police rounded up both of them.", "both of them", 2, 2, None, "number"),
    ("Another group of 19 was caught.", "Another group of 19", 19, 19, "group", "number"),
    ("탈북자 3명이 체포됐다.", "탈북자 3명", 3, 3, "defector", "number"),
    ("약 30명이 북송됐다.", "약 30명", 27, 33, None, "approx"),
]


@pytest.mark.parametrize(
    ("text", "quote", "low", "high", "head", "kind"),
    COUNTS,
    ids=[case[1] for case in COUNTS],
)
def test_find_quantities_counts_people(
    text: str, quote: str, low: int, high: int | None, head: str | None, kind: str
) -> None:
    quantity = only(text)
    assert quantity.text == quote
    assert text[quantity.start : quantity.end] == quote
    assert quantity.count == VictimCount(min=low, max=high)
    assert quantity.head == head
    assert quantity.kind == kind


NOT_COUNTS = {
    "age decade": "She is in her thirties.",
    "age range": "The workers, aged 15-23, left.",
    "age apposition": "Ms. Lee, 29, said she left.",
    "age phrase": "He left at the age of 19.",
    "age alone": "Police held a 23-year-old.",
    "time": "They crossed at 6 p.m. that day.",
    "clock time": "The shot came at 3:55 a.m.",
    "money": "She was sold for 3,000 yuan.",
    "money in won": "It costs 8 to 10 million North Korean won.",
    "dollars": "The bribe was $500.",
    "distance": "The boat drifted ten kilometers.",
    "percentage": "Arrests rose 30 percent and 12% more.",
    "year": "She crossed in 2011.",
    "since year": "They have returned them since 2000.",
    "year compound": "It follows a 1986 agreement.",
    "duration": "They hid for three days.",
    "generations": "Three generations were punished.",
    "one of": "One of the organizers spoke.",
    "no one": "No one was there.",
    "date": "The raid came on Feb. 14.",
    "date range": "They left between July 15 and 17.",
    "ordinal date": "Police came on the 27th.",
    "hyphen compound": "It was a 100-day mourning period.",
    "list label": "1. The first point.",
    "rooms": "They were kept in three rooms.",
    "groups": "They were caught in three separate groups.",
    "modifier noun": "China signed the Refugee Convention.",
    "refugee agency": "They asked the UN refugee agency.",
    "possessor": "The man's identity was not given.",
    "seasons": "Robberies over two winters alarmed residents.",
    "source": "A source in Hyesan said so.",
    "decimal": "The fence is 2.5 meters high.",
}


@pytest.mark.parametrize("text", NOT_COUNTS.values(), ids=NOT_COUNTS.keys())
def test_find_quantities_leaves_out_numbers_that_count_no_one(text: str) -> None:
    assert find_quantities(text) == []


def test_find_quantities_counts_a_person_after_an_age() -> None:
    quantity = only("A 51-year-old man was seized.")
    assert (quantity.count, quantity.head) == (VictimCount.exactly(1), "man")


BREAKDOWNS = {
    "dashes": "Police caught twelve of the North Koreans -- four men and eight women -- there.",
    "parenthesis": "Police caught twelve people (four men and eight women) there.",
    "including": "Police caught twelve people, including four men and eight women, there.",
}


@pytest.mark.parametrize("text", BREAKDOWNS.values(), ids=BREAKDOWNS.keys())
def test_find_quantities_marks_a_breakdown_with_its_whole(text: str) -> None:
    whole, men, women = find_quantities(text)
    assert whole.count == VictimCount.exactly(12)
    assert whole.breakdown_of is None
    assert men.breakdown_of == whole.start
    assert women.breakdown_of == whole.start
    assert combine([men, women]) == whole.count


def test_find_quantities_does_not_mark_a_plain_coordination() -> None:
    found = find_quantities("Police caught four men and eight women there.")
    assert [q.breakdown_of for q in found] == [None, None]
    assert combine(found) == VictimCount.exactly(12)


def test_find_quantities_ends_a_breakdown_at_its_closing_dash() -> None:
    text = "The seven -- two families and a man -- were caught, and five others fled."
    seven, families, man, others = find_quantities(text)
    assert families.breakdown_of == seven.start
    assert man.breakdown_of == seven.start
    assert others.breakdown_of is None


def test_combine_sums_a_coordination() -> None:
    found = find_quantities("Police seized two laborers from the plant and a woman.")
    assert combine(found) == VictimCount.exactly(3)


def test_combine_is_open_ended_when_a_part_is() -> None:
    found = find_quantities("Police caught more than 20 men and five women.")
    assert combine(found) == VictimCount(min=26, max=None)


def test_combine_of_nothing_is_none() -> None:
    assert combine([]) is None
    assert combine_counts([]) == VictimCount(min=0, max=0)


def test_find_quantities_searches_only_the_range_given_with_offsets_into_the_text() -> None:
    text = "Five men fled. Police caught 12 defectors. Three women hid."
    start = text.index("Police")
    end = text.index("Three")
    found = find_quantities(text, start, end)
    assert [(q.text, q.start) for q in found] == [("12 defectors", text.index("12"))]


@pytest.mark.parametrize(
    ("raw", "value", "length"),
    [
        ("twenty-five", 25, 11),
        ("a hundred and ten", 110, 17),
        ("two thousand three hundred", 2300, 26),
        ("four five", 4, 4),
        ("1,397", 1397, 5),
        ("3 million", 3_000_000, 9),
        ("nineteen", 19, 8),
    ],
    ids=lambda value: str(value),
)
def test_parse_number_reads_digits_and_number_words(raw: str, value: int, length: int) -> None:
    assert parse_number(raw) == (value, length)


@pytest.mark.parametrize(
    ("word", "base"),
    [
        ("women", "woman"),
        ("families", "family"),
        ("witnesses", "witness"),
        ("North Koreans", "north korean"),
        ("fishermen", "fisherman"),
        ("police", "police"),
    ],
    ids=lambda value: str(value),
)
def test_lemma_singularises_person_nouns(word: str, base: str) -> None:
    assert lemma(word) == base


@settings(max_examples=300, deadline=None)
@given(st.text(), st.integers(min_value=-5, max_value=400), st.integers(0, 400) | st.none())
def test_find_quantities_quotes_spans_inside_the_range_on_any_text(
    text: str, start: int, end: int | None
) -> None:
    found = find_quantities(text, start, end)
    low = max(0, start)
    high = len(text) if end is None else min(end, len(text))
    for quantity in found:
        assert low <= quantity.start < quantity.end <= high
        assert text[quantity.start : quantity.end] == quantity.text
        assert quantity.kind in KINDS
    assert [q.start for q in found] == sorted(q.start for q in found)


WORDS = [
    *("a", "the", "two", "twenty", "-", "five", "12", "1,200", "dozen", "of", "them", "and"),
    *("her", "children", "men", "women", "about", "more", "than", "family", "--", "(", ")"),
    *(",", "aged", "years", "North", "Koreans", "man", "명", "탈북자", "3", "İ", "\n"),
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=25))
def test_find_quantities_keeps_its_invariants_on_count_like_text(words: list[str]) -> None:
    text = " ".join(words)
    for quantity in find_quantities(text):
        assert text[quantity.start : quantity.end] == quantity.text
        count = quantity.count
        assert count.min is not None and (count.max is None or count.min <= count.max)
        if quantity.breakdown_of is not None:
            assert quantity.breakdown_of < quantity.start
