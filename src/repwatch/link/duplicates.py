"""Near-identical texts: a wire story republished by a second outlet is one source, not two.

Texts are compared by their word 5-gram shingles (words folded: casefolded,
without diacritics). Two texts are near-duplicates when

- the Jaccard similarity of their shingle sets is at least 0.8 — a republished
  story with a new headline, byline or dateline line and a few edited words
  (each changed word removes at most five of a 150-word story's ~150 shingles); or
- the shorter text has at least 40 shingles and 90 % of them are in the longer
  one — a wire story republished cut short, or with a paragraph added.

Two different stories about the same place and month share names and stock
phrases, but rarely a run of five words, so they stay far below either bound.
"""

from __future__ import annotations

import zlib
from functools import lru_cache

from repwatch.gazetteer.normalise import tokenise

SHINGLE_WORDS = 5
JACCARD_THRESHOLD = 0.8
CONTAINMENT_THRESHOLD = 0.9
MIN_CONTAINED_SHINGLES = 40


@lru_cache(maxsize=4096)
def shingles(text: str) -> frozenset[int]:
    """The text's word 5-grams as stable 32-bit hashes (CRC-32 of the folded words),
    so that they can be stored and compared across processes."""
    words = tokenise(text).keys
    if len(words) < SHINGLE_WORDS:
        return frozenset([zlib.crc32(" ".join(words).encode())]) if words else frozenset()
    return frozenset(
        zlib.crc32(" ".join(words[i : i + SHINGLE_WORDS]).encode())
        for i in range(len(words) - SHINGLE_WORDS + 1)
    )


def near_duplicate(text_a: str, text_b: str) -> bool:
    """True if the two texts are one story (see the module docstring for the bounds)."""
    return near_duplicate_shingles(shingles(text_a), shingles(text_b))


def near_duplicate_shingles(a: frozenset[int], b: frozenset[int]) -> bool:
    """``near_duplicate`` on precomputed shingle sets."""
    if not a or not b:
        return False
    shared = len(a & b)
    if shared >= JACCARD_THRESHOLD * (len(a) + len(b) - shared):
        return True
    shorter = min(len(a), len(b))
    return shorter >= MIN_CONTAINED_SHINGLES and shared >= CONTAINMENT_THRESHOLD * shorter
