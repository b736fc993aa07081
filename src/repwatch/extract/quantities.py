"""Victim counts: the numbers of people a text speaks of, and what they count.

``find_quantities`` returns every expression that counts people — digits and number
words, "a dozen", "about 30", "more than 20", "dozens", "a family of four", "a woman and
her two children", singular nouns ("a defector", "the man"), Korean "N명" — each with
its span, its :class:`~repwatch.model.VictimCount` (the conventions of FORMAT.md) and
the noun it counts. Numbers that count something else (ages, days, years, money,
distances, percentages, times, list labels) are left out. Which quantity counts the
victims of a case is the caller's decision; ``combine`` sums a coordination.

A quantity inside a breakdown of an earlier one ("twelve of them -- four men and eight
women --", "nine North Koreans, including a child") carries ``breakdown_of``: the
``start`` of the quantity it breaks down, so that the caller does not count it twice.

Decisions beyond FORMAT.md: "several", "a few", "a number of" are 2 or more; "N families"
are 2N or more people, "a couple" and "the pair" 2; "thousands" 2,000+, "tens of
thousands" 20,000+; "nearly/almost/as many as N" ⌈0.9N⌉..N-1; "up to N" 1..N; "fewer
than N" 1..N-1; "three or four", "10 to 15" a range. A number with no noun ("the other
11", "Three were caught") has head None; "one of the …" is never a count. Singulars are
taken only for nouns that may name a victim (SINGULAR_NOUNS: not "a source"); numbers
keep any person noun ("30 officers"), for the caller to judge by ``head``.
"""

from __future__ import annotations

from dataclasses import replace

from repwatch.extract.anchor_scan import Scan
from repwatch.extract.quantity_groups import (
    ANCHORS,
    classify_anchor,
    find_both,
    find_dozens,
    find_groups,
    find_korean,
    find_singulars,
    find_vague,
)
from repwatch.extract.quantity_patterns import CHAIN, CLOSERS, OPEN_BREAKDOWN, SENTENCE_END
from repwatch.extract.quantity_phrases import find_numbers
from repwatch.extract.quantity_words import (
    KINDS,
    NUMBER,
    PERSON_NOUNS,
    PRODUCER,
    RELATION_NOUNS,
    SINGULAR_NOUNS,
    UNIT_NOUNS,
    Quantity,
    combine,
    combine_counts,
    lemma,
    parse_number,
    word_alternation,
)

__all__ = [
    "KINDS",
    "NUMBER",
    "PERSON_NOUNS",
    "PRODUCER",
    "RELATION_NOUNS",
    "SINGULAR_NOUNS",
    "UNIT_NOUNS",
    "Quantity",
    "Scan",
    "combine",
    "combine_counts",
    "find_quantities",
    "lemma",
    "parse_number",
    "word_alternation",
]


# --- assembly --------------------------------------------------------------------


def _select(candidates: list[Quantity], lo: int, hi: int) -> list[Quantity]:
    """The longest non-overlapping candidates, in text order."""
    candidates.sort(key=lambda q: (q.start, q.start - q.end))
    chosen: list[Quantity] = []
    last_end = -1
    for quantity in candidates:
        if quantity.start >= max(last_end, lo) and lo <= quantity.start < quantity.end <= hi:
            chosen.append(quantity)
            last_end = quantity.end
    return chosen


def _mark_breakdowns(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """Tag the quantities that break down an earlier one: in a parenthesis or between dashes
    right after it ("12 -- four men and eight women --"), or listed after "including"."""
    marked: list[Quantity] = []
    parent: Quantity | None = None
    close = -1  # where a bracketed breakdown ends; -1 while following an "including" list
    for quantity in quantities:
        previous = marked[-1] if marked else None
        tagged = False
        if parent is not None and previous is not None:
            if close >= 0:
                tagged = quantity.start < close
            elif previous.breakdown_of is not None:
                tagged = bool(CHAIN.fullmatch(text, previous.end, quantity.start))
        if not tagged:
            parent = None
            opened = (
                OPEN_BREAKDOWN.fullmatch(text, previous.end, quantity.start) if previous else None
            )
            if previous is not None and opened is not None:
                parent = _root(previous, marked)
                close = _closing(text, opened.group("delim"), quantity.start)
                tagged = True
        if tagged and parent is not None:
            quantity = replace(quantity, breakdown_of=parent.start)
        marked.append(quantity)
    return marked


def _root(quantity: Quantity, marked: list[Quantity]) -> Quantity:
    for other in marked:
        if other.start == quantity.breakdown_of:
            return other
    return quantity


def _closing(text: str, delim: str | None, pos: int) -> int:
    if delim is None:
        return -1
    sentence = SENTENCE_END.search(text, pos)
    limit = sentence.start() if sentence else len(text)
    found = text.find(CLOSERS[delim], pos, limit) if delim in CLOSERS else -1
    return found if found >= 0 else limit


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Every count of people in ``text[start:end]``, in text order, with offsets into ``text``."""
    hi = len(text) if end is None else max(0, min(end, len(text)))
    lo = max(0, start)
    if lo >= hi:
        return []
    scan = Scan(text, lo, hi, ANCHORS, classify_anchor)
    candidates = (
        find_numbers(scan)
        + find_dozens(scan)
        + find_vague(scan)
        + find_both(scan)
        + find_groups(scan)
        + find_singulars(scan)
    )
    if "명" in text[lo:hi]:
        candidates += find_korean(text, lo, hi)
    return _mark_breakdowns(text, _select(candidates, lo, hi))
