"""The fast scan finds what ``finditer`` finds."""

from __future__ import annotations

import re

import pytest

from repwatch.extract.scanning import any_within, key_starts, lowered, scan, stems

TEXT = (
    "Police in Yanji arrested three women; the policemen said officers had detained "
    "them. ARRESTED again, the women were re-arrested by Border Guards near the guard post."
)
PATTERNS = {
    "alternation": r"\b(?:arrest(?:ed|s)?|detain(?:ed|s)?)\b",
    "short key": r"\b(?:in|on)\s+\w+",
    "optional letter": r"\bguards?\b",
    "prefix of longer words": r"\bpolice\w*",
}


@pytest.mark.parametrize("source", PATTERNS.values(), ids=PATTERNS.keys())
def test_scan_finds_what_finditer_finds(source: str) -> None:
    pattern = re.compile(source, re.IGNORECASE)
    keys = stems(source)
    assert keys is not None
    for lo, hi in ((0, len(TEXT)), (10, 90), (40, len(TEXT) - 5)):
        expected = [m.span() for m in pattern.finditer(TEXT, lo, hi)]
        found = [m.span() for m in scan(pattern, keys, TEXT, lowered(TEXT), lo, hi)]
        assert found == expected


def test_every_trigger_and_actor_pattern_is_scanned_by_its_keys() -> None:
    """A pattern with no key words (a leading lookbehind, an optional first word) would be
    tried at every character of every report; each one must name the words it starts with."""
    from repwatch.extract import lexicon, perpetrator

    unkeyed = [t.pattern.pattern for t in lexicon.TRIGGERS if not t.stems]
    actors = zip(perpetrator.ACTORS, perpetrator.ACTOR_STEMS, strict=True)
    unkeyed += [pattern.pattern for (pattern, _), keys in actors if not keys]
    assert unkeyed == []


def test_the_people_phrases_read_in_every_clause_are_scanned_by_their_keys() -> None:
    """The pronouns, partitives and quantifiers are read in every clause of every report:
    each one that can name the words it starts with must."""
    from repwatch.extract import phrases

    # two patterns start with words too common to be worth keys ("a", "the") and are
    # scanned plainly
    scanned_plainly = 2
    assert sum(keys is None for keys in phrases._KEYS.values()) == scanned_plainly
    assert phrases._KEYS[phrases._PRONOUN] is not None


def test_key_starts_are_the_word_starts_with_a_key() -> None:
    starts = key_starts(("arrest", "guard"), TEXT)
    # "re-arrested": a word starts after the hyphen
    assert [TEXT[at : at + 5].lower() for at in starts] == ["arres"] * 3 + ["guard"] * 2
    assert any_within(starts, 0, 30)
    assert not any_within(starts, 30, 80)


def test_extraction_in_many_threads_at_once_finds_what_it_finds_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Worker threads (the web app's ingest) share the scanner's word index; started
    cold, they must still each read their text as a lone extraction does."""
    import datetime as dt
    import sys
    from concurrent.futures import ThreadPoolExecutor

    from repwatch.extract import extract, scanning
    from repwatch.model import Report

    texts = [
        f"On {day} March 2019 Chinese police arrested {count} North Korean defectors in "
        f"{place} and repatriated them to North Korea a week later, a source said."
        for day, count, place in [
            (3, "four", "Dandong"),
            (5, "two", "Yanji"),
            (7, "six", "Tumen"),
            (9, "three", "Hunchun"),
            (11, "five", "Longjing"),
            (13, "seven", "Helong"),
        ]
    ]
    reports = [Report.from_text(t, published=dt.date(2019, 4, 1), language="en") for t in texts]

    def read(report: Report) -> list[dict[str, object]]:
        return [m.to_eval() for m in extract(report)]

    alone = [read(report) for report in reports]
    monkeypatch.setattr(scanning, "_KEYS", scanning._Keys())  # cold, as in a new process
    scanning._word_keys.cache_clear()
    scanning.lowered.cache_clear()
    # Threads switch as often as the interpreter allows, so that a race shows.
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        with ThreadPoolExecutor(len(reports)) as pool:
            together = list(pool.map(read, reports * 4))
    finally:
        sys.setswitchinterval(interval)
    assert together == alone * 4
