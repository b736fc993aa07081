"""Evidence in context: the sentence around a span, for showing a value's source."""

from __future__ import annotations

import re

from repwatch.model import EvidenceSpan

# A sentence ends at . ! ? (optionally followed by a closing quote) before white
# space, or at a paragraph break; good enough to frame a span for a reader.
_SENTENCE_END = re.compile(r"[.!?。][\"'”’)]*(?=\s)|\n\s*\n")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The start and end of the sentence(s) holding ``text[start:end]``."""
    begin = 0
    for match in _SENTENCE_END.finditer(text, 0, start):
        begin = match.end()
    finish = len(text)
    following = _SENTENCE_END.search(text, end)
    if following:
        finish = following.end()
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
