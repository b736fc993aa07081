"""Fast scanning for patterns that start with known words.

Python's ``re`` scans a case-insensitive pattern slowly; most of the extractor's
patterns start with one of a few words, so the words (``stems``, read off the pattern
itself) are looked up in an index of where the words of the lowercased text start (built
once per text) and the pattern is tried only there (``scan``). The result is what
``finditer`` would give.
"""

from __future__ import annotations

import re
import threading
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


# A word: a run of letters not preceded by a letter or digit.
_WORD = re.compile(r"(?<![^\W_])[^\W\d_]{2,}")


class _Keys:
    """Every key the finders scan for, and, for each word seen, which keys it starts with
    (kept across texts: the genre repeats its words).

    Shared by every thread that extracts (the web app's ingest runs in worker
    threads): changes are made under a lock, and each registration starts a new
    generation, so that an index built before it is rebuilt rather than trusted."""

    def __init__(self) -> None:
        self.known: set[str] = set()
        self.lengths: tuple[int, ...] = ()
        self.registered: set[tuple[str, ...]] = set()
        self.of_word: dict[str, tuple[str, ...]] = {}
        self.generation = 0
        self.lock = threading.Lock()

    def register(self, keys: tuple[str, ...]) -> None:
        with self.lock:
            if keys in self.registered:
                return
            if not self.known.issuperset(keys):
                self.known.update(keys)
                self.lengths = tuple(sorted({len(k) for k in self.known}))
                self.of_word = {}
                self.generation += 1
            self.registered.add(keys)

    def starting(self, word: str) -> tuple[str, ...]:
        found = self.of_word.get(word)
        if found is None:
            with self.lock:
                found = tuple(
                    word[:n] for n in self.lengths if n <= len(word) and word[:n] in self.known
                )
                if len(self.of_word) > 200_000:
                    self.of_word = {}  # a bound on memory over very many texts
                self.of_word[word] = found
        return found


_KEYS = _Keys()


class _TextIndex:
    """Where each key starts a word of one lowercased text, and, as patterns ask for them,
    where any of a set of keys does: one pass over a text serves every pattern read in it,
    and sets of keys recur across patterns (every kind of authority starts alike)."""

    __slots__ = ("by_key", "by_keys", "generation", "lock", "lowered")

    def __init__(self, lowered: str) -> None:
        self.lowered = lowered
        # threads reading the same text share its index: one rebuilds it or adds to it at
        # a time, so that no list made from a stale index is kept in a fresh one
        self.lock = threading.Lock()
        self._build()

    def _build(self) -> None:
        self.generation = _KEYS.generation
        by_key: dict[str, list[int]] = {}
        of_word = _KEYS.of_word
        for match in _WORD.finditer(self.lowered):
            word = match.group()
            keys = of_word.get(word)
            if keys is None:
                keys = _KEYS.starting(word)
            for key in keys:  # most words start no key
                by_key.setdefault(key, []).append(match.start())
        self.by_key = by_key
        self.by_keys: dict[tuple[str, ...], list[int]] = {}

    def starts(self, keys: tuple[str, ...]) -> list[int]:
        """The word starts where any of ``keys`` begins, in order."""
        if keys not in _KEYS.registered:
            _KEYS.register(keys)
        with self.lock:
            if self.generation != _KEYS.generation:
                # keys registered since this index was made: its words were read without them
                self._build()
            found = self.by_keys.get(keys)
            if found is None:
                merged: list[int] = []
                for key in keys:
                    merged.extend(self.by_key.get(key, ()))
                found = sorted(set(merged)) if len(keys) > 1 else merged
                self.by_keys[keys] = found
            return found


@lru_cache(maxsize=4)
def _word_keys(lowered: str) -> _TextIndex:
    return _TextIndex(lowered)


def key_starts(keys: tuple[str, ...], text: str) -> list[int]:
    """Where words of ``text`` start with one of ``keys``, in order: a pattern whose matches
    start with them (``stems``) can match nowhere else."""
    lower = lowered(text)
    if len(lower) != len(text):
        return list(range(len(text)))  # offsets moved by lowering: anywhere may match
    return _word_keys(lower).starts(keys)


def any_within(starts: list[int], lo: int, hi: int) -> bool:
    """Whether one of the (sorted) ``starts`` is in ``[lo, hi)``."""
    at = bisect_left(starts, lo)
    return at < len(starts) and starts[at] < hi


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
    starts = _word_keys(lowered).starts(keys)
    if not starts:
        return []
    first = bisect_left(starts, lo) if lo else 0
    found: list[re.Match[str]] = []
    end = -1
    for i in range(first, len(starts)):
        at = starts[i]
        if at >= hi:
            break
        if at < end or (capital and not text[at].isupper()):
            continue  # as finditer: no match inside an earlier one
        match = pattern.match(text, at, hi)
        if match is not None:
            found.append(match)
            end = match.end()
    return found
