"""Reading a report: what each clause says, found by the pure finders, before any case
is built. Whole-text finders (counts, gazetteer, dates) run once per report and their
results are shared out to the clauses by offset."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from repwatch.extract import lexicon as lx
from repwatch.extract.acts import ActHit, find_acts_in
from repwatch.extract.dates import DateMention, find_dates
from repwatch.extract.korean import (
    find_actors_ko,
    find_acts_ko,
    find_refs_ko,
    is_korean,
    korean_role,
)
from repwatch.extract.perpetrator import ActorHit, find_actors_in
from repwatch.extract.places import PlaceHit, find_places
from repwatch.extract.quantities import find_quantities
from repwatch.extract.scanning import any_within, key_starts, lowered, scan, stems
from repwatch.extract.sources import SourceHit, find_sources
from repwatch.extract.text import Clause, clauses, dateline, headings, sentences
from repwatch.extract.victims import Ref, find_refs_in
from repwatch.gazetteer import default_gazetteer


@dataclass(frozen=True, slots=True)
class ClauseFacts:
    """Everything the finders saw in one clause."""

    index: int
    clause: Clause
    acts: tuple[ActHit, ...]
    refs: tuple[Ref, ...]
    places: tuple[PlaceHit, ...]
    actors: tuple[ActorHit, ...]
    dates: tuple[DateMention, ...]
    sources: tuple[SourceHit, ...]
    generic: bool  # a general statement or tally ("routinely", "since 2000")
    # where a general relative clause starts ("…, from where North Koreans are routinely
    # handed over"): the acts after it are general, those before it are not
    like_previous: bool  # "caught as well"
    generic_from: int | None = None

    @property
    def sentence(self) -> int:
        return self.clause.sentence


@dataclass(frozen=True, slots=True)
class Reading:
    text: str
    published: dt.date | None
    clauses: tuple[ClauseFacts, ...]
    sentence_spans: tuple[tuple[int, int], ...]

    def in_sentence(self, sentence: int) -> list[ClauseFacts]:
        return [c for c in self.clauses if c.sentence == sentence]


def _within(items: Sequence, start: int, end: int, keys: Sequence[int] | None = None) -> tuple:
    """The items (sorted by ``start``) that start in ``[start, end)``; ``keys`` are their
    starts, when already listed (one list for every clause of a report)."""
    keys = [i.start for i in items] if keys is None else keys
    return tuple(items[bisect_left(keys, start) : bisect_left(keys, end)])


def _add_korean(
    text: str,
    bounds: list[tuple[int, int]],
    acts: list[list[ActHit]],
    refs: list[list[Ref]],
    places: list[list[PlaceHit]],
    actors: list[list[ActorHit]],
) -> None:
    """Add what the Korean lexicon finds in each clause (in place), and give the places
    their roles from Korean postpositions."""
    for index, (start, end) in enumerate(bounds):
        acts[index] = sorted([*acts[index], *find_acts_ko(text, start, end)], key=_start)
        # a Korean noun inside a count already read ("탈북민 약 60명") is that count's
        korean = [
            r
            for r in find_refs_ko(text, start, end)
            if not any(r.start < o.end and o.start < r.end for o in refs[index])
        ]
        refs[index] = sorted([*refs[index], *korean], key=_start)
        actors[index] = sorted([*actors[index], *find_actors_ko(text, start, end)], key=_start)
        hits = acts[index]
        starts = [p.start for p in places[index]]
        places[index] = [
            p
            if (role := korean_role(text, p.end, end, hits, starts)) is None
            else replace(p, role=role)
            for p in places[index]
        ]


def _start(item: ActHit | Ref | ActorHit) -> int:
    return item.start


def read(text: str, doc: Doc, published: dt.date | None) -> Reading:
    """The facts of every clause of ``text`` (``doc`` is its parse)."""
    spans = sentences(text, doc)
    quantities = find_quantities(text)
    matches = default_gazetteer().find(text) if text else []
    dates = find_dates(text, published)
    sources = find_sources(text)
    excluded = [(s.start, s.end) for s in sources]
    opening = dateline(text)
    if opening is not None:
        excluded.append(opening)
    parts = clauses(text, spans)
    bounds = [(c.start, c.end) for c in parts]
    north = sorted(m.name_start for m in matches if m.place and m.place.country == "KP")
    acts = find_acts_in(text, bounds, north)
    refs = find_refs_in(text, bounds, quantities)
    match_keys = [m.start for m in matches]
    date_keys = [d.start for d in dates]
    source_keys = [s.start for s in sources]
    places = [
        find_places(
            text, c.start, c.end, _within(matches, c.start, c.end, match_keys), hits, excluded
        )
        for c, hits in zip(parts, acts, strict=True)
    ]
    actors = find_actors_in(text, bounds, places)
    if is_korean(text):
        _add_korean(text, bounds, acts, refs, places, actors)
    for head_start, head_end in headings(text):
        # a heading retells the story below it: what it says is read there, once
        for index, (start, end) in enumerate(bounds):
            if head_start <= start and end <= head_end:
                acts[index], refs[index] = [], []
    # the cues of the whole text, found in one pass (none spans a clause break)
    generic_cues = scan(lx.GENERIC_CUES, _GENERIC_KEYS, text, lowered(text), 0, len(text))
    cue_starts = [m.start() for m in generic_cues]
    like_cues = (
        key_starts(_LIKE_PREVIOUS_KEYS, text) if _LIKE_PREVIOUS_KEYS else list(range(len(text)))
    )
    facts: list[ClauseFacts] = []
    for index, clause in enumerate(parts):
        start, end = clause.start, clause.end
        generic_from = _generic_from(
            text, start, generic_cues[bisect_left(cue_starts, start) : bisect_left(cue_starts, end)]
        )
        clause_dates = _within(dates, start, end, date_keys)
        generic = generic_from == start or (
            # "Returnees are typically interrogated …, and many are then held …": the
            # general statement goes on in a coordinated clause that tells no date
            bool(facts)
            and not clause.first
            and facts[-1].generic
            and facts[-1].sentence == clause.sentence
            and not clause_dates
            and _CONTINUES.match(text, start) is not None
        )
        facts.append(
            ClauseFacts(
                index=index,
                clause=clause,
                acts=tuple(acts[index]),
                refs=tuple(refs[index]),
                places=tuple(places[index]),
                actors=tuple(actors[index]),
                dates=clause_dates,
                sources=_within(sources, start, end, source_keys),
                generic=generic,
                like_previous=_like_previous(text, start, end, like_cues),
                generic_from=None if generic or generic_from is None else generic_from,
            )
        )
    return Reading(text, published, tuple(facts), tuple(spans))


# A coordinated clause going on with the same statement: "and many are then held …".
_CONTINUES = re.compile(r"and\s+(?!(?:on|in|at|last|early|late|then\s+on)\b)", re.IGNORECASE)
# A non-restrictive relative clause: ", from where …", ", where …", ", which …".
_RELATIVE_OPEN = re.compile(
    r",\s+(?:(?:from|in|at|through|to)\s+)?(?:where|which|whom?)\b", re.IGNORECASE
)


# The words every cue of habit, tally or addition starts with (see scanning.stems).
_GENERIC_KEYS = stems(lx.GENERIC_CUES.pattern)
_LIKE_PREVIOUS_KEYS = stems(lx.LIKE_PREVIOUS.pattern)


def _like_previous(text: str, start: int, end: int, cues: list[int]) -> bool:
    """Whether the clause says its people were acted upon "as well", "too", "also";
    ``cues`` are where the words such a cue starts with are in the text."""
    if not any_within(cues, start, end):
        return False
    return lx.LIKE_PREVIOUS.search(text, start, end) is not None


def _generic_from(text: str, start: int, cues: list[re.Match[str]]) -> int | None:
    """Where the general part of the clause starting at ``start`` starts, given the cues of
    habit or tally in it: its start when a cue governs it, the start of a relative clause
    when the cue sits in one ("arrested in Yanji and held in Tumen, from where North Koreans
    are routinely handed over"), else None. A cue that only frames a comparison ("one of
    the largest returns in recent years", "the first since 2010") does not count."""
    for match in cues:
        if lx.COMPARISON_BEFORE.search(text, max(start, match.start() - 80), match.start()):
            continue
        opens = [m.start() for m in _RELATIVE_OPEN.finditer(text, start, match.start())]
        return opens[-1] if opens else start
    return None
