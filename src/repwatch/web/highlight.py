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

from repwatch.evidence import mention_values
from repwatch.model import Mention


@dataclass(frozen=True)
class Mark:
    field: str  # acts, victims, victim_group, places, date, perpetrator, sources
    start: int
    end: int
    label: str  # what the span supports, e.g. "arrest (occurred)"


def mention_marks(mention: Mention, *, sensitive: bool) -> list[Mark]:
    """The spans behind each value of a mention; victim descriptors and sources
    only when ``sensitive`` (the reader's role may see them)."""
    return [
        Mark(value.field, span.start, span.end, f"{value.label}: {value.text}")
        for value in mention_values(mention, sensitive=sensitive)
        for span in value.spans
    ]


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
