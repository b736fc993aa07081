"""Evidence for readers: each value of a mention with its spans, and the sentence
around a span."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from repwatch.model import DateRange, EvidenceSpan, Mention, VictimCount

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


@dataclass(frozen=True)
class ValueEvidence:
    """One value of a mention with what backs it, for showing it to a reader."""

    field: str  # acts, victims, victim_group, places, date, perpetrator, sources
    label: str  # what it is: "act (occurred)", "people", "place (caught)", …
    text: str  # the value as a reader wants to see it
    producer: str
    spans: tuple[EvidenceSpan, ...]


def value_text(value: Any) -> str:
    """A field's value as a reader wants to see it ("" for none)."""
    if value is None:
        return ""
    if isinstance(value, VictimCount):
        return str(value)
    if isinstance(value, DateRange):
        if value.start == value.end:
            return value.start or ""
        return f"{value.start or '?'} … {value.end or '?'}"
    if isinstance(value, tuple):
        return ", ".join(str(getattr(v, "value", v)) for v in value)
    name = getattr(value, "name", None)  # a place
    if isinstance(name, str) and not hasattr(value, "value"):
        return name
    return str(getattr(value, "value", value))


def mention_values(mention: Mention, *, sensitive: bool) -> list[ValueEvidence]:
    """Every value of a mention with its spans, in reading order of the fields.

    Victim descriptors and sources only when ``sensitive``: the reader's role may
    see them.
    """
    values = [
        ValueEvidence("acts", f"act ({a.modality.value})", a.act.value, a.producer, a.spans)
        for a in mention.acts
    ]
    if mention.victims:
        v = mention.victims
        values.append(ValueEvidence("victims", "people", value_text(v.value), v.producer, v.spans))
    if sensitive and mention.victim_group:
        g = mention.victim_group
        values.append(ValueEvidence("victim_group", "who", g.value, g.producer, g.spans))
    values += [
        ValueEvidence(
            "places",
            f"place ({p.role.value})",
            p.name + ("" if p.resolved else " (unresolved)"),
            p.producer,
            p.spans,
        )
        for p in mention.places
    ]
    if mention.date:
        d = mention.date
        values.append(ValueEvidence("date", "date", value_text(d.value), d.producer, d.spans))
    if mention.perpetrator:
        p = mention.perpetrator
        values.append(
            ValueEvidence("perpetrator", "perpetrator", p.value.value, p.producer, p.spans)
        )
    if sensitive:
        values += [
            ValueEvidence("sources", "source", s.value, s.producer, s.spans)
            for s in mention.sources
        ]
    return values
