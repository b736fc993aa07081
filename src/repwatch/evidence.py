"""Evidence in context: the sentence around a span, for showing a value's source."""

from __future__ import annotations

import re
from collections.abc import Iterator

from repwatch.model import EvidenceSpan

# A sentence ends at . ! ? (optionally followed by a closing quote) before white
# space, or at a paragraph break; good enough to frame a span for a reader.
_SENTENCE_END = re.compile(r"[.!?。][\"'”’)]*(?=\s)|\n\s*\n")
# Abbreviations that end in a full stop without ending the sentence (news style).
_ABBREVIATIONS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr st no gen col lt "
    "sgt u.s u.n a.m p.m e.g i.e".split()
)
_LAST_WORD = re.compile(r"([\w.]+)\.$")


def _ends(text: str, start: int, end: int) -> Iterator[int]:
    for match in _SENTENCE_END.finditer(text, start, end):
        word = _LAST_WORD.search(text, max(0, match.start() - 12), match.start() + 1)
        if word and word.group(1).lower() in _ABBREVIATIONS:
            continue
        yield match.end()


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The start and end of the sentence(s) holding ``text[start:end]``."""
    begin = 0
    for begin in _ends(text, 0, start):  # noqa: B007 - the last one is wanted
        pass
    finish = next(_ends(text, end, len(text)), len(text))
    while begin < finish and text[begin].isspace():
        begin += 1
    return begin, finish


def in_context(text: str, spans: tuple[EvidenceSpan, ...]) -> list[tuple[str, str, str]]:
    """Each span as (before, quoted, after) within its sentence."""
    pieces = []
    for span in spans:
        begin, finish = sentence_bounds(text, span.start, span.end)
        pieces.append(
            (
                text[begin : span.start],
                text[span.start : span.end],
                text[span.end : finish].rstrip(),
            )
        )
    return pieces
