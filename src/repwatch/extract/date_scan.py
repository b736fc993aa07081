"""Where the date patterns are tried (anchor words, via ``Scan``), and the choice of the
longest non-overlapping candidates.
"""

from __future__ import annotations

import re

from repwatch.extract.anchor_scan import Scan
from repwatch.extract.date_finders import FINDERS, HANGUL, KOREAN_FINDERS, RANK, Candidate
from repwatch.extract.date_patterns import MONTH_NUMBERS, WEEKDAYS
from repwatch.extract.quantity_words import word_alternation

# The words each pattern is tried around, and how many words before them it may start.
_ANCHOR_WORDS: dict[str, frozenset[str]] = {
    "month": frozenset(name.lower() for name in MONTH_NUMBERS),
    "weekday": frozenset(day.lower() for day in WEEKDAYS),
    "season": frozenset(["spring", "summer", "autumn", "fall", "winter"]),
    "daypart": frozenset(
        ["day", "night", "morning", "afternoon", "evening", "yesterday", "today", "tonight"]
    ),
    "period": frozenset(["week", "month", "year", "weeks", "months", "years", "days"]),
    "ago": frozenset(["ago"]),
    "later": frozenset(
        ["later", "afterward", "afterwards", "after", "earlier", "before", "previously"]
    ),
}
_PLAN: dict[str, tuple[tuple[str, int], ...]] = {
    "month": (("mdy", 1), ("dmy", 3), ("my", 4)),
    "weekday": (("mdy", 0), ("weekday", 4)),
    "year": (("iso", 0), ("year", 4)),
    "decade": (("decade", 0),),
    "season": (("season", 3),),
    "daypart": (("day", 3), ("next", 3), ("day_after", 1), ("that_day", 3)),
    "period": (("period", 4), ("past", 3), ("next", 3)),
    "ago": (("ago", 5),),
    "later": (("later", 5), ("after", 0)),
    "ordinal": (("dom", 5),),
}
_ANCHOR_KINDS: dict[str, tuple[str, ...]] = {}
for _kind, _words in _ANCHOR_WORDS.items():
    for _word in _words:
        _ANCHOR_KINDS[_word] = (*_ANCHOR_KINDS.get(_word, ()), _kind)
_ANCHORS = re.compile(
    r"(?<![^\W_])(?:\d+(?:st|nd|rd|th|s)?|" + word_alternation(_ANCHOR_KINDS) + r")(?![^\W_])"
)


def _classify(word: str) -> tuple[str, ...]:
    if not word[0].isdigit():
        return _ANCHOR_KINDS.get(word, ())
    if word.isdigit():
        return ("year",) if len(word) == 4 and word[:2] in ("19", "20") else ()
    if word[-1] == "s":
        return ("decade",) if len(word) == 5 and word[:4].isdigit() else ()
    return ("ordinal",) if word[:-2].isdigit() else ()


def find_candidates(text: str, lo: int, hi: int) -> list[Candidate]:
    scan = Scan(text, lo, hi, _ANCHORS, _classify)
    found: dict[tuple[int, int, int], Candidate] = {}

    def add(name: str, match: re.Match[str]) -> None:
        _, finder, span_groups = FINDERS[name]
        start = match.start()
        if span_groups:  # the span leaves out a leading preposition ("in 2011")
            start = min(match.start(g) for g in span_groups.split("|") if match.start(g) >= 0)
        key = (start, match.end(), RANK[name])
        if key not in found:
            expr = finder(text, match)
            if expr is not None:
                found[key] = Candidate(start, match.end(), RANK[name], expr)

    for kind, plan in _PLAN.items():
        for pos, _ in scan.get(kind):
            for name, back in plan:
                match = scan.match_back(FINDERS[name][0], pos, back)
                if match is not None:
                    add(name, match)
    if HANGUL.search(text, lo, hi):
        for name in KOREAN_FINDERS:
            for match in FINDERS[name][0].finditer(text, lo, hi):
                add(name, match)
    return list(found.values())


def select_longest(candidates: list[Candidate]) -> list[Candidate]:
    """The longest non-overlapping candidates, in text order."""
    candidates.sort(key=lambda c: (c.start, c.start - c.end, c.rank))
    chosen: list[Candidate] = []
    last_end = -1
    for candidate in candidates:
        if candidate.start >= last_end and candidate.end > candidate.start:
            chosen.append(candidate)
            last_end = candidate.end
    return chosen
