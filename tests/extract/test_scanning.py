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


def test_key_starts_are_the_word_starts_with_a_key() -> None:
    starts = key_starts(("arrest", "guard"), TEXT)
    # "re-arrested": a word starts after the hyphen
    assert [TEXT[at : at + 5].lower() for at in starts] == ["arres"] * 3 + ["guard"] * 2
    assert any_within(starts, 0, 30)
    assert not any_within(starts, 30, 80)
