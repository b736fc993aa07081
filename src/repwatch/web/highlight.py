"""Evidence highlighted in a report's text: each value's spans as <mark> elements.

Spans of different fields may overlap; the text is cut at every span boundary
and each piece is marked with every field that covers it, so that nothing is
marked twice and nothing is lost. Everything is escaped: the report text is
untrusted input.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup, escape

from repwatch.model import EvidenceSpan, Mention


@dataclass(frozen=True)
class Mark:
    field: str  # acts, victims, victim_group, places, date, perpetrator, sources
    start: int
    end: int
    label: str  # what the span supports, e.g. "arrest (occurred)"


def _marks(field: str, label: str, spans: Iterable[EvidenceSpan]) -> list[Mark]:
    return [Mark(field, span.start, span.end, label) for span in spans]


def mention_marks(mention: Mention, *, sensitive: bool) -> list[Mark]:
    """The spans behind each value of a mention; victim descriptors and sources
    only when ``sensitive`` (the reader's role may see them)."""
    marks: list[Mark] = []
    for act in mention.acts:
        marks += _marks("acts", f"{act.act} ({act.modality})", act.spans)
    if mention.victims:
        count = mention.victims.value
        shown = count.min if count.min == count.max else f"{count.min}–{count.max}"
        marks += _marks("victims", f"people: {shown}", mention.victims.spans)
    for place in mention.places:
        marks += _marks("places", f"place ({place.role})", place.spans)
    if mention.date:
        marks += _marks("date", "date", mention.date.spans)
    if mention.perpetrator:
        marks += _marks(
            "perpetrator", f"perpetrator: {mention.perpetrator.value}", mention.perpetrator.spans
        )
    if sensitive:
        if mention.victim_group:
            marks += _marks("victim_group", "who", mention.victim_group.spans)
        for source in mention.sources:
            marks += _marks("sources", "source", source.spans)
    return marks


def highlight(text: str, marks: Iterable[Mark]) -> Markup:
    """``text`` escaped, with each marked piece wrapped in <mark class="FIELD …">."""
    usable = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in usable), *(m.end for m in usable)})
    pieces: list[str] = []
    for begin, finish in itertools.pairwise(cuts):
        covering = [m for m in usable if m.start <= begin and finish <= m.end]
        chunk = escape(text[begin:finish])
        if not covering:
            pieces.append(chunk)
            continue
        fields = sorted({m.field for m in covering})
        labels = "; ".join(dict.fromkeys(m.label for m in covering))
        pieces.append(
            Markup('<mark class="{}" data-fields="{}" title="{}">{}</mark>').format(
                " ".join(fields), " ".join(fields), labels, chunk
            )
        )
    return Markup("").join(pieces)
