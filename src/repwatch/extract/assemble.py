"""Assembling a Mention from a case: each field from the findings of the case's clauses,
with the spans it rests on and the component that found it.

The fields come from ``case_acts``, ``case_places``, ``case_dates`` and
``case_perpetrator``, which apply FORMAT.md's rules; this module adds the count, the
sources and the test that the case is an incident of this record at all.
"""

from __future__ import annotations

import re

from repwatch.extract import lexicon as lx
from repwatch.extract import sources as sources_component
from repwatch.extract import victims as victims_component
from repwatch.extract.case_acts import (
    acts_of,
    by_a_third_country,
    counted,
    main_bounds,
    with_implied_arrest,
    within_the_north,
)
from repwatch.extract.case_dates import date_of
from repwatch.extract.case_perpetrator import perpetrator_of
from repwatch.extract.case_places import completed_places, found_places, with_told_caught
from repwatch.extract.reading import Reading
from repwatch.extract.segment import CORE_ACTS, Case
from repwatch.extract.segment import PRODUCER as SEGMENT
from repwatch.model import (
    Act,
    ActMention,
    EvidenceSpan,
    Mention,
    Perpetrator,
    Sourced,
    date_bounds,
)

_NORTH_KOREAN = re.compile(r"\bNorth\s+Korean", re.IGNORECASE)
# Heads of victims who fled, for the relevance test.
_FLIGHT_HEADS = frozenset(
    ("defector", "refugee", "escapee", "crosser", "migrant", "north korean", "logger")
)


def assemble(case: Case, reading: Reading, extractor: str, report_id: str) -> Mention | None:
    """The Mention of a case, or None when it is no incident of this record."""
    text = reading.text
    bounds = counted(case)
    act_mentions = acts_of(bounds, reading)
    if not any(a.act in CORE_ACTS for a in act_mentions):
        return None
    main = main_bounds(bounds, reading)
    found = with_told_caught(found_places(case, main, reading), main, reading)
    perpetrator = perpetrator_of(main, case, reading, found)
    if perpetrator is None and case.entity.like_previous and case.previous is not None:
        # "aid workers fear they were caught as well": by the same hands
        earlier = main_bounds(counted(case.previous), reading)
        perpetrator = perpetrator_of(
            earlier, case.previous, reading, found_places(case.previous, earlier, reading)
        )
    places = completed_places(found, case, main, reading, perpetrator)
    if perpetrator is not None and perpetrator.value is Perpetrator.NORTH_KOREA:
        act_mentions = within_the_north(act_mentions, reading.text)
    elif perpetrator is not None and perpetrator.value is Perpetrator.OTHER:
        act_mentions = by_a_third_country(act_mentions)
    if not any(a.act in CORE_ACTS for a in act_mentions):
        return None  # all it told was done by someone else's hands
    act_mentions = with_implied_arrest(act_mentions)
    if _only_a_death_told(act_mentions, case, reading):
        return None
    mention = Mention(
        report_id=report_id,
        acts=tuple(act_mentions),
        victims=_victims(case, text),
        victim_group=_victim_group(case, text),
        places=tuple(places),
        date=date_of(case, main, reading),
        perpetrator=perpetrator,
        sources=tuple(_sources(case, reading)),
        extractor=extractor,
    )
    if _a_tally(mention) or not _grounded(mention):
        return None
    return mention if _relevant(mention, case, reading) else None


# --- victims ---


def _victims(case: Case, text: str) -> Sourced | None:
    if case.count is None:
        return None
    refs = [r for r in case.count_refs if r.count is not None] or case.count_refs
    spans = tuple(EvidenceSpan.of(text, r.start, r.end) for r in refs[:3])
    return Sourced(value=case.count, spans=spans, producer=victims_component.PRODUCER)


def _victim_group(case: Case, text: str) -> Sourced | None:
    described = [r for r in case.count_refs if r.head or r.count] or case.count_refs
    if not described:
        return None
    ref = described[0]
    return Sourced(
        value=ref.text, spans=(EvidenceSpan.of(text, ref.start, ref.end),), producer=SEGMENT
    )


# --- sources ---


def _sources(case: Case, reading: Reading) -> list[Sourced]:
    sentences = sorted({reading.clauses[i].sentence for i in case.clauses})
    if case.summary is not None:
        sentences += sorted({reading.clauses[b.clause].sentence for b in case.summary.acts})
    found: list[Sourced] = []
    seen: set[str] = set()
    for sentence in dict.fromkeys(sentences):
        for facts in reading.in_sentence(sentence):
            for hit in facts.sources:
                if hit.text.lower() in seen:
                    continue
                seen.add(hit.text.lower())
                span = EvidenceSpan(start=hit.start, end=hit.end, text=hit.text)
                found.append(
                    Sourced(value=hit.text, spans=(span,), producer=sources_component.PRODUCER)
                )
    return found


# --- relevance ---


# People in the hundreds, told of no day or week: a tally of many cases ("more than 500
# were returned in the autumn of 2023 alone"), not one group caught together.
_TALLY_SIZE = 100
_EPISODE_DAYS = 7


def _a_tally(mention: Mention) -> bool:
    if mention.victims is None or (mention.victims.value.min or 0) < _TALLY_SIZE:
        return False
    start, end = date_bounds(mention.date.value if mention.date else None)
    return start is None or end is None or (end - start).days > _EPISODE_DAYS


def _only_a_death_told(acts: list[ActMention], case: Case, reading: Reading) -> bool:
    """ "Her father died that winter": a death told with no crossing, no shot and no hand
    of a state is a life's end in the story, not a death in the attempt ("the wounded man
    was left lying there before he died" is one)."""
    if {a.act for a in acts} != {Act.DEATH}:
        return False
    if not all(span.text.lower() in _BARE_DEATH for a in acts for span in a.spans):
        return False
    sentences = {reading.clauses[i].sentence for i in case.told}
    return not any(_VIOLENCE.search(reading.text, *reading.sentence_spans[s]) for s in sentences)


_BARE_DEATH = frozenset(("died", "dies", "die"))
_VIOLENCE = re.compile(
    r"\b(?:shot|shoot\w*|wound\w*|beat(?:en|ing)?|fired|gun\w*|injur\w*|tortur\w*|kill\w*"
    r"|guards?|soldiers?|police|custody|camp|prison|drown\w*|froze|frozen|river|ice)\b",
    re.IGNORECASE,
)


def _grounded(mention: Mention) -> bool:
    """A concrete case is told with at least two of how many, where and when; acts told of
    no count, place or date ("those sent back face questioning") are a general claim."""
    told = (mention.victims, mention.places or mention.perpetrator, mention.date)
    return sum(value is not None for value in told) >= 2


def _relevant(mention: Mention, case: Case, reading: Reading) -> bool:
    """An incident of this record: people fleeing North Korea, caught abroad or at the
    border, or returned. An arrest inside North Korea with none of that is not one."""
    acts = {a.act for a in mention.acts}
    if acts & {Act.CROSSING, Act.REPATRIATION, Act.DEATH}:
        return True
    if mention.perpetrator and mention.perpetrator.value is not Perpetrator.NORTH_KOREA:
        return True
    main = mention.main_place
    if main is not None and main.country not in (None, "KP"):
        return True
    heads = {r.head for e in case.entities for r in e.refs if r.head}
    if heads & _FLIGHT_HEADS:
        return True
    named_north = any(_NORTH_KOREAN.search(r.text) for e in case.entities for r in e.refs)
    if named_north and any(p.country not in (None, "KP", "KR") for p in mention.places):
        return True  # "two North Korean women … on the road from Yanji to Tumen": abroad
    # caught at the border or while fleeing ("as they prepared to cross the river")
    sentences = {reading.clauses[i].sentence for i in case.told}
    for sentence in sentences:
        start, end = reading.sentence_spans[sentence]
        if lx.FLIGHT.search(reading.text, start, end):
            return True
    if main is not None and main.country == "KP":
        return False
    # a report that names a foreign authority or an arrest abroad is about people caught
    # abroad; one that names neither (house searches in Musan) is not
    return any(
        a.state not in (None, Perpetrator.NORTH_KOREA) for c in reading.clauses for a in c.actors
    )
