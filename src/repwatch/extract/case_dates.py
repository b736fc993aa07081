"""The date of a case: when its main act happened, from the dates told with it.

A date phrase belongs to the act it follows in its clause (or, fronted, to the act after
it), so the acts of other people in the same clause, and later acts of the same people,
keep their own dates; the crossing told with an arrest dates it. An arrest only feared
is dated from the last day told of its people to publication.

Relative dates are anchored on the publication date (by ``dates``) or, for "three days
later", on the last day named before; a range ending after publication tells what is
still to come and is not the date of an act that happened; a date known only as when a
source spoke bounds the incident from above (FORMAT.md).
"""

from __future__ import annotations

import re

from repwatch.extract import dates as dates_component
from repwatch.extract import lexicon as lx
from repwatch.extract.acts import ActHit
from repwatch.extract.case_acts import counted, main_bounds
from repwatch.extract.dates import DateMention
from repwatch.extract.discourse import Bound
from repwatch.extract.entry_heads import entry_head
from repwatch.extract.reading import ClauseFacts, Reading
from repwatch.extract.segment import Case
from repwatch.model import Act, DateRange, EvidenceSpan, Modality, Sourced


def date_of(case: Case, main: list[Bound], reading: Reading) -> Sourced | None:
    """When the main act happened: the narrowest date told with it (in its clauses, else the
    case's other clauses, else where its people are named, else its summary's), never one
    after publication; else the day a source spoke, as an upper bound."""
    resolved = _resolved_dates(reading)
    main_clauses = list(dict.fromkeys(b.clause for b in main))
    tiers = [main_clauses, _introduction(main_clauses, reading), case.clauses]
    if main_clauses and entry_head(reading, reading.clauses[main_clauses[0]].sentence) is not None:
        tiers = [tiers[1], *tiers]  # a chronology entry's own date comes first
    if any(b.hit.modality is Modality.OCCURRED for b in main):
        # where the people are first named ("14 North Koreans tried … on Monday")
        tiers.append(case.told)
    if case.summary is not None:
        tiers.append(sorted({b.clause for b in case.summary.acts}))
    own = _own_dates(main, counted(case), reading, resolved)
    own = [f for f in own if not _after_publication(f[1], reading)]
    if own:
        mention, value = min(own, key=lambda f: (_width(f[1]), f[0].kind == "anchored"))
        return _sourced_date(value, [mention], reading)
    for tier in tiers:
        found = []
        for index in dict.fromkeys(tier):
            found.extend(
                _clause_dates(index, reading, resolved) or _gapped_dates(index, reading, resolved)
            )
        found = [f for f in found if not _after_publication(f[1], reading)]
        if found:
            mention, value = min(found, key=lambda f: (_width(f[1]), f[0].kind == "anchored"))
            return _sourced_date(value, [mention], reading)
    order = [i for tier in tiers for i in tier]
    later = _after_previous(case, main, reading)
    if later is not None:
        return later
    awaited = _awaited_since(case, main, reading, resolved)
    if awaited is not None:
        return awaited
    spoke = _spoke_date(order, reading)
    if spoke is not None:
        value = dates_component.bound_by_spoke(spoke)
        if value.start or value.end:
            return _sourced_date(value, [spoke], reading)
    return None


def _introduction(main_clauses: list[int], reading: Reading) -> list[int]:
    """ "The source described a second case, from last Tuesday. A woman and her two
    daughters … were caught": the sentence before the main act that announces the case
    and tells of no act itself."""
    if not main_clauses:
        return []
    sentence = reading.clauses[main_clauses[0]].sentence
    head = entry_head(reading, sentence)
    if head is not None:
        return [c.index for c in reading.in_sentence(head)]  # "- 12 February 2016, Vladivostok."
    if sentence == 0:
        return []
    start, end = reading.sentence_spans[sentence]
    if lx.AT_THE_SCENE.search(reading.text, start, end):
        # "were brought under control at the scene": the time of the scene told before
        return [
            c.index for s in (sentence - 1, sentence - 2) if s >= 0 for c in reading.in_sentence(s)
        ]
    before = reading.in_sentence(sentence - 1)
    if any(c.acts for c in before):
        return []
    start, end = reading.sentence_spans[sentence - 1]
    if not _CASE_NOUN.search(reading.text, start, end):
        return []
    return [c.index for c in before]


_CASE_NOUN = re.compile(r"\b(?:case|incident|episode)\b", re.IGNORECASE)


def _awaited_since(
    case: Case, main: list[Bound], reading: Reading, resolved: dict[int, DateRange]
) -> Sourced | None:
    """An arrest only feared ("contact was lost on June 10 … they fear the family has been
    arrested"): from the last day told of the people to publication."""
    if reading.published is None or any(b.hit.modality is Modality.OCCURRED for b in main):
        return None
    days = [
        (d, value)
        for index in case.told
        for d, value in _clause_dates(index, reading, resolved)
        if _is_day(value) and not _after_publication(value, reading)
    ]
    if not days:
        return None
    mention, value = max(days, key=lambda f: f[1].start or "")
    since = DateRange(start=value.start, end=reading.published.isoformat())
    return _sourced_date(since, [mention], reading)


# The acts told as one moment with the main act: "caught … while crossing the river on
# the night of the 14th" dates the arrest; "… and repatriated on June 10" does not.
_CATCHING = frozenset((Act.CROSSING, Act.ARREST, Act.DEATH, Act.DETENTION))


def _stage(main: list[Bound]) -> frozenset[Act]:
    acts = {a for b in main for a in b.hit.acts}
    return _CATCHING if acts & _CATCHING else frozenset(acts)


def _own_dates(
    main: list[Bound],
    case_bounds: list[Bound],
    reading: Reading,
    resolved: dict[int, DateRange],
) -> list[tuple[DateMention, DateRange]]:
    """The dates that belong to the main act: a date phrase belongs to the act told right
    before it in its clause, or, fronted before every act, to the first act after it unless
    a relative clause comes between ("the arrival in Seoul yesterday of six refugees who
    were detained … last month": the arrest was last month). Acts of other people in the
    clause keep their own dates ("five in Yanji on June 3 and three others in Tumen on
    June 5")."""
    stage = _stage(main)
    starts = {b.hit.start for b in case_bounds if set(b.hit.acts) & stage}
    found = []
    for index in dict.fromkeys(b.clause for b in main):
        facts = reading.clauses[index]
        for mention in facts.dates:
            if mention.start not in resolved:
                continue
            governor = _governing_act(mention, facts, reading.text)
            if governor is not None and governor.start in starts:
                found.append((mention, resolved[mention.start]))
    return found


def _governing_act(mention: DateMention, facts: ClauseFacts, text: str) -> ActHit | None:
    before = [h for h in facts.acts if h.end <= mention.start]
    if before:
        if lx.another_verb(text, before[-1].end, mention.start):
            return None  # the date after another verb is that verb's
        return before[-1]
    after = [h for h in facts.acts if h.start >= mention.end]
    if _EARLIER_RELATIVE.search(text, facts.clause.start, mention.start):
        return None  # "a logger who had walked away … two years earlier is arrested"
    if after and not lx.SUBORDINATE_OPENING.search(text, mention.end, after[0].start):
        return after[0]
    return None


# A relative clause of what came before, which a date inside it belongs to
_EARLIER_RELATIVE = re.compile(r"\b(?:who|which|that)\s+had\b", re.IGNORECASE)


def _after_previous(case: Case, main: list[Bound], reading: Reading) -> Sourced | None:
    """ "After that, police also found three more": from the case before it to publication."""
    if case.previous is None or reading.published is None:
        return None
    for bound in main:
        clause = reading.clauses[bound.clause].clause
        cue = lx.AFTER_THAT.search(reading.text, clause.start, clause.end)
        if cue is None:
            continue
        before = date_of(case.previous, main_bounds(counted(case.previous), reading), reading)
        if before is None or not before.value.start:
            return None
        start = before.value.start
        if start > reading.published.isoformat():
            return None
        value = DateRange(start=start, end=reading.published.isoformat())
        spans = (*before.spans, EvidenceSpan.of(reading.text, cue.start(), cue.end()))
        return Sourced(value=value, spans=spans, producer=dates_component.PRODUCER)
    return None


def _spoke_date(order: list[int], reading: Reading) -> DateMention | None:
    """When a source spoke of the case: in its sentences, the next one (a quote's
    attribution), else the report's first such date."""
    sentences = list(dict.fromkeys(reading.clauses[i].sentence for i in order))
    for sentence in [*sentences, *(s + 1 for s in sentences)]:
        for facts in reading.in_sentence(sentence):
            spoke = [d for d in facts.dates if d.kind == "spoke" and d.range is not None]
            if spoke:
                return spoke[0]
    every = [d for c in reading.clauses for d in c.dates if d.kind == "spoke" and d.range]
    return every[0] if every else None


def _sourced_date(value: DateRange, mentions: list[DateMention], reading: Reading) -> Sourced:
    spans = tuple(EvidenceSpan.of(reading.text, m.start, m.end) for m in mentions)
    return Sourced(value=value, spans=spans, producer=dates_component.PRODUCER)


_EVENT_KINDS = ("absolute", "inferred_year", "relative", "anchored")


def _resolved_dates(reading: Reading) -> dict[int, DateRange]:
    """Each date mention's range, anchored ones ("three days later") on the date before."""
    resolved: dict[int, DateRange] = {}
    anchor: DateRange | None = None
    for facts in reading.clauses:
        for mention in facts.dates:
            value = mention.range
            if mention.kind == "anchored":
                value = dates_component.resolve_anchored(mention, anchor) if anchor else None
            if value is not None and mention.kind in _EVENT_KINDS:
                resolved[mention.start] = value
                if _is_day(value):
                    anchor = value  # "two days later" counts from a day, not "last year"
    return resolved


def _after_publication(value: DateRange, reading: Reading) -> bool:
    """A range ending after publication ("later this month") tells what is still to come."""
    if reading.published is None or not value.end:
        return False
    return value.end[:10] > reading.published.isoformat()[: len(value.end[:10])]


def _is_day(value: DateRange) -> bool:
    return len(value.start or "") == 10 and len(value.end or "") == 10


def _clause_dates(
    index: int, reading: Reading, resolved: dict[int, DateRange]
) -> list[tuple[DateMention, DateRange]]:
    return [(d, resolved[d.start]) for d in reading.clauses[index].dates if d.start in resolved]


def _gapped_dates(
    index: int, reading: Reading, resolved: dict[int, DateRange]
) -> list[tuple[DateMention, DateRange]]:
    """Dates of a clause of the same sentence that has no act of its own ("…, and the
    other nine in Kunming, between July 15 and 17")."""
    sentence = reading.clauses[index].sentence
    found = []
    for facts in reading.in_sentence(sentence):
        if facts.index != index and not facts.acts:
            found.extend(_clause_dates(facts.index, reading, resolved))
    return found


def _width(value: DateRange) -> int:
    start, end = value.start or "", value.end or ""
    return (10 - len(start)) + (10 - len(end)) + (0 if start == end else 1)
