"""Fast scanning for patterns that start with known words.

Python's ``re`` scans a case-insensitive pattern slowly; most of the extractor's
patterns start with one of a few words, so the words (``stems``, read off the pattern
itself) are looked up in an index of where the words of the lowercased text start (built
once per text) and the pattern is tried only there (``scan``). The result is what
``finditer`` would give.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

_LITERAL = re.compile(r"[a-z]+", re.IGNORECASE)


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regular expression."""
    parts, depth, last = [], 0, 0
    for i, ch in enumerate(pattern):
        if ch == "\\":
            continue
        if ch == "(" and (i == 0 or pattern[i - 1] != "\\"):
            depth += 1
        elif ch == ")" and pattern[i - 1] != "\\":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[last:i])
            last = i + 1
    parts.append(pattern[last:])
    return parts


def stems(pattern: str) -> tuple[str, ...] | None:
    """Lowercase literal prefixes of which any text the pattern matches holds one, so that a
    text lacking them all is not scanned; None when the pattern has no such prefix."""
    found: list[str] = []
    for alternative in _alternatives(pattern):
        alternative = re.sub(r"^\(\?<[!=][^)]*\)", "", alternative)  # a lookbehind first
        alternative = alternative.removeprefix("\\b")
        alternative = re.sub(r"^\(\?P<\w+>", "(?:", alternative)  # a named group
        if alternative.startswith("(?:"):
            depth, end = 0, 0
            for i, ch in enumerate(alternative):
                depth += ch == "("
                depth -= ch == ")"
                if depth == 0:
                    end = i
                    break
            inner = stems(alternative[3:end])
            if inner is None or alternative[end + 1 : end + 2] in ("?", "*", "{"):
                return None  # an optional group: the text need not hold any of its words
            found.extend(inner)
            continue
        literal = _LITERAL.match(alternative)
        word = literal.group() if literal else ""
        if alternative[len(word) : len(word) + 1] in ("?", "*", "{"):
            word = word[:-1]  # "guards?": the last letter is optional
        if len(word) < 2:
            return None
        found.append(word.lower())
    return tuple(dict.fromkeys(found))


@lru_cache(maxsize=4)
def lowered(text: str) -> str:
    """``text.lower()``, kept for the few texts being read (every finder needs it)."""
    return text.lower()


# The start of a word and its first two letters: the key of the index of a text.
_WORD_START = re.compile(r"(?<![^\W_])[^\W\d_]{2}")


@lru_cache(maxsize=4)
def _word_starts(lowered: str) -> dict[str, list[int]]:
    """Where the words of ``lowered`` start, by their first two letters: one pass over a text
    serves every pattern read in it."""
    index: dict[str, list[int]] = {}
    for match in _WORD_START.finditer(lowered):
        index.setdefault(match.group(), []).append(match.start())
    return index


def scan(
    pattern: re.Pattern[str],
    keys: tuple[str, ...] | None,
    text: str,
    lowered: str,
    lo: int,
    hi: int,
    *,
    capital: bool = False,
) -> list[re.Match[str]]:
    """The matches of ``pattern`` in ``text[lo:hi]``, found fast: a case-insensitive scan
    is slow in Python's ``re``, so the words a match must start with (``keys``, from
    ``stems``) are looked up in an index of the words of ``lowered`` (``text.lower()``) and
    the pattern is tried only there. Without keys, or when lowering changed the length, it
    is a plain scan. ``capital``: every match starts with a capital letter (names), so only
    those are tried."""
    if keys is None or len(lowered) != len(text):
        return list(pattern.finditer(text, lo, hi))
    index = _word_starts(lowered)
    starts: set[int] = set()
    for key in keys:
        positions = index.get(key[:2])
        if not positions:
            continue
        for at in positions[bisect_left(positions, lo) :]:
            if at >= hi:
                break
            if lowered.startswith(key, at) and (not capital or text[at].isupper()):
                starts.add(at)
    found: list[re.Match[str]] = []
    for at in sorted(starts):
        if found and at < found[-1].end():
            continue  # as finditer: no match inside an earlier one
        match = pattern.match(text, at, hi)
        if match is not None:
            found.append(match)
    return found
