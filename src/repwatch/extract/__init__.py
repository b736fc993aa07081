"""The extractor: finds the incidents a report tells, each a Mention with its evidence.

    >>> from repwatch.extract import extract
    >>> mentions = extract(report)  # doctest: +SKIP

A pipeline of small named components, each pure and versioned, whose name is the
provenance of every value it finds: ``segment.v1`` (sentences, clauses, cases),
``acts.v1``, ``quantities.v1``, ``places.v1``, ``dates.v1``, ``perpetrator.v1`` and
``sources.v1``. ``reading`` runs the finders over a report, ``discourse`` and
``segment`` group what they found into cases, ``assemble`` writes each case as a
Mention.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from repwatch import __version__
from repwatch.extract.assemble import assemble
from repwatch.extract.reading import read
from repwatch.extract.segment import segment
from repwatch.extract.text import language_of, parse
from repwatch.model import Mention, Report

EXTRACTOR = "repwatch-rules"
VERSION = __version__

__all__ = ["EXTRACTOR", "VERSION", "extract", "extract_many", "extractor_id"]


def extractor_id() -> str:
    """The extractor's name and version, stored with every mention ("repwatch-rules 0.1.0")."""
    return f"{EXTRACTOR} {VERSION}"


def extract(report: Report) -> list[Mention]:
    """The incidents ``report`` tells, in the order it first tells them."""
    return next(extract_many([report]))[1]


def extract_many(reports: Iterable[Report]) -> Iterator[tuple[Report, list[Mention]]]:
    """Each report with its mentions; texts are tokenised in batches."""
    pending = list(reports) if not isinstance(reports, list) else reports
    docs = parse((r.text, language_of(r.text, r.language)) for r in pending)
    extractor = extractor_id()
    for report, doc in zip(pending, docs, strict=True):
        reading = read(report.text, doc, report.published)
        mentions = []
        for case in segment(reading):
            mention = assemble(case, reading, extractor, report.id)
            if mention is not None:
                mentions.append(mention)
        yield report, mentions
