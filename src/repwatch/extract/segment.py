"""Segmentation: from the groups of a report to its cases (one per incident).

A group with acts done to it by a state is a case, with the acts of its parts
("killing five of them and dragging two back": one case of seven). A group whose
parts were caught at different places or times ("20 of them in Qingdao and the
other nine in Kunming") is a summary: each part is a case, and inherits from the
summary what was said of the whole ("all of them have been transferred to Tumen").
A first mention that sums later cases ("at least 35 in a string of arrests", then
12, 18 and 5) is a summary too. Gapped clauses ("and the other nine in Kunming")
take the acts of the clause before.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from repwatch.extract import lexicon as lx
from repwatch.extract.discourse import Bound, Discourse, Entity
from repwatch.extract.episode import join_episodes, signature
from repwatch.extract.reading import ClauseFacts, Reading
from repwatch.extract.victims import Ref
from repwatch.model import Act, Modality, VictimCount

PRODUCER = "segment.v1"

# A clause with no verb of its own ("and the other nine in Kunming, between July 15
# and 17") shares the verb of the clause before it.
_VERB_LIKE = lx.VERB_LIKE


@dataclass(eq=False)
class Case:
    """One incident as the report tells it: a group, its parts and the acts done to them."""

    entity: Entity
    entities: list[Entity]  # the group and the parts whose acts are the case's
    acts: list[Bound]
    summary: Entity | None = None  # the summary it is a part of, to inherit from
    inherited: list[Bound] = field(default_factory=list)
    count: VictimCount | None = None
    count_refs: list[Ref] = field(default_factory=list)
    previous: Case | None = None  # the case told before it ("caught as well")

    skip: set[int] = field(default_factory=set)  # clauses of another episode of its people

    @property
    def clauses(self) -> list[int]:
        return sorted({b.clause for b in self.acts})

    @property
    def told(self) -> list[int]:
        """Every clause that names the case's people, acts or not, in text order."""
        return sorted({i for e in self.entities for i in e.clauses} - self.skip)


def segment(reading: Reading) -> list[Case]:
    """The cases of a report, in the order they are first told."""
    discourse = Discourse(reading.text)
    previous: list[Entity] | None = None
    sentence = -1
    for facts in reading.clauses:
        carried = previous if facts.sentence == sentence else None
        bound = discourse.read_clause(facts, carried)
        if not bound and carried and not facts.acts and _gapped(reading.text, facts):
            bound = _share_acts(discourse, reading, facts, carried)
        if bound:
            previous, sentence = bound, facts.sentence
    return _cases(discourse, reading)


def _gapped(text: str, facts: ClauseFacts) -> bool:
    if facts.clause.first:
        return False
    if not any(r.kind in ("complement", "additive", "partitive", "new") for r in facts.refs):
        return False
    spans = [(r.start, r.end) for r in facts.refs]
    rest = "".join(
        ch
        for i, ch in enumerate(text[facts.clause.start : facts.clause.end], facts.clause.start)
        if not any(a <= i < b for a, b in spans)
    )
    return not _VERB_LIKE.search(rest)


def _share_acts(
    discourse: Discourse, reading: Reading, facts: ClauseFacts, carried: list[Entity]
) -> list[Entity]:
    """Bind the acts of the previous clause of the sentence to the gapped clause's group."""
    ref = next(r for r in facts.refs if r.kind in ("complement", "additive", "partitive", "new"))
    resolved = discourse.resolve(ref, facts.index)
    if not resolved:
        return []
    source = carried[0]
    shared = [b for b in source.acts if reading.clauses[b.clause].sentence == facts.sentence]
    entities, _ = resolved
    for entity in entities:
        entity.acts.extend(Bound(b.hit, facts.index, b.scope) for b in shared)
    return entities


# --- cases ---------------------------------------------------------------------------


def _join_companions(entities: list[Entity]) -> None:
    """Those who fled with a group and were caught too are one case with it."""
    for entity in entities:
        partner = entity.companion_of
        if partner is None or not entity.alive or not partner.alive or not entity.has_state_acts():
            continue
        if _done(partner) != _done(entity) and partner.acts and entity.acts:
            # "two women travelling with them may also have been arrested": only feared;
            # "six others held with them were transferred": done to them, not to those sought
            continue
        if entity.count and partner.count and entity.count.max and partner.count.max:
            partner.count = VictimCount(
                min=(partner.count.min or 0) + (entity.count.min or 0),
                max=partner.count.max + entity.count.max,
            )
        partner.acts.extend(entity.acts)
        partner.refs.extend(entity.refs)
        partner.clauses.extend(entity.clauses)
        entity.merged_into = partner


def _cases(discourse: Discourse, reading: Reading) -> list[Case]:
    _join_companions(discourse.entities)
    join_episodes(discourse.entities, reading)
    tops = [e for e in discourse.entities if e.alive and e.parent is None]
    _adopt(tops, reading)
    cases: list[Case] = []
    for top in tops:
        if top.parent is not None:
            continue  # adopted by a summary: made a case below, as its part
        cases.extend(_cases_of(top, reading))
    cases = sorted((c for c in cases if _is_case(c)), key=lambda c: min(c.clauses))
    for before, case in pairwise(cases):
        case.previous = before
    return cases


# Heads of a group that is never the sum of several cases.
_ONE_GROUP = frozenset(("family", "household", "couple", "pair"))


def _summary_like(entity: Entity, reading: Reading) -> bool:
    """A first mention that may sum several cases: a vague count, or summing words."""
    if entity.refs and entity.refs[0].head in _ONE_GROUP:
        return False  # "the family", however many: one group caught together
    count = entity.count
    if count is None or count.max is None or count.min != count.max:
        return True
    intro = reading.clauses[entity.clauses[0]] if entity.clauses else None
    if intro is None:
        return False
    start, end = reading.sentence_spans[intro.sentence]
    if lx.AGGREGATE_CUES.search(reading.text, start, end):
        return True
    places = {p.place.id for c in reading.in_sentence(intro.sentence) for p in c.places if p.place}
    return len(places) >= 2


def _adopt(tops: list[Entity], reading: Reading) -> None:
    """Make the cases a summary's count covers its parts ("35 … twelve … eighteen … five")."""
    for i, summary in enumerate(tops):
        if summary.parent is not None or not _summary_like(summary, reading):
            continue
        limit = summary.count.max if summary.count and summary.count.max else None
        exact = summary.count is not None and summary.count.min == summary.count.max
        total = sum((c.count.min or 0) for c in summary.children if c.count and c.has_state_acts())
        parts: list[Entity] = []
        for later in tops[i + 1 :]:
            if later.parent is not None or not later.has_state_acts() or not _done(later):
                continue
            size = later.count.min if later.count and later.count.min is not None else None
            if size is None or (limit is not None and total + size > limit):
                break
            parts.append(later)
            total += size
        if len(parts) + _split_parts_count(summary) < 2:
            continue
        if exact and not lx.AGGREGATE_CUES.search(reading.text) and limit != total:
            continue
        for part in parts:
            part.parent = summary
            part.adopted = True
            summary.children.append(part)


def _done(entity: Entity) -> bool:
    """Whether any act told of the group (or its parts) happened."""
    return any(
        b.hit.modality is Modality.OCCURRED for e in (entity, *entity.descendants()) for b in e.acts
    )


def _split_parts_count(entity: Entity) -> int:
    return len(_parts(entity))


def _parts(entity: Entity) -> list[Entity]:
    """The parts of a group that are cases of their own when the group is a summary."""
    return [c for c in entity.children if not c.member and c.has_state_acts()]


def _cases_of(top: Entity, reading: Reading) -> list[Case]:
    parts = _parts(top)
    adopted = any(p.adopted for p in parts)
    # parts told with places or dates of their own, all different, are cases of their own
    signatures = [signature(p, reading) for p in parts]
    distinct = all(any(s) for s in signatures) and len(set(signatures)) == len(parts)
    if len(parts) >= 2 and (adopted or distinct):
        whole = [b for b in top.acts if b.scope != "partial"]
        return [
            Case(
                entity=part,
                entities=[part, *part.descendants()],
                acts=[b for e in (part, *part.descendants()) for b in e.acts],
                summary=top,
                inherited=whole,
                count=_count(part),
                count_refs=part.refs,
            )
            for part in parts
        ]
    members = [top, *top.descendants()]
    case = Case(
        entity=top,
        entities=members,
        acts=[b for e in members for b in e.acts],
        count=_count(top),
        count_refs=top.refs,
    )
    return _episodes(case, reading)


def _episodes(case: Case, reading: Reading) -> list[Case]:
    """One incident per episode: acts told of the same people at a time well apart ("she
    had been caught once before, in 2009, and sent back") are a case of their own."""
    dated = [(b, _bound_range(b, reading)) for b in case.acts]
    first = next((r for b, r in dated if r and _stately(b) and b.hit.counts), None)
    if first is None:
        return [case]
    earlier: list[Bound] = []
    for bound, value in dated:
        if value is None or _overlaps(value, first):
            continue
        if bound.hit.modality is not Modality.OCCURRED:
            continue  # "will be sent back next month": what awaits this episode's people
        clause = reading.clauses[bound.clause].clause
        # the cue told with the act ("caught once before, in 2009"), not of someone else
        # in the clause ("one of the brothers, who escaped a second time, said …")
        near = (
            max(clause.start, bound.hit.start - _CUE_REACH),
            min(clause.end, bound.hit.end + _CUE_REACH),
        )
        cue = lx.ANOTHER_TIME.search(reading.text, *near)
        if cue or _months_apart(value, first) > 3:
            earlier.append(bound)
    if not any(_stately(b) and b.hit.counts for b in earlier):
        return [case]
    # the rest of the sentence goes with it ("…, and sent back to the North")
    sentences = {reading.clauses[b.clause].sentence for b in earlier}
    moved = [b for b in case.acts if reading.clauses[b.clause].sentence in sentences]
    moved_clauses = {b.clause for b in moved}
    kept = [b for b in case.acts if b.clause not in moved_clauses]
    if not any(_stately(b) and b.hit.counts for b in kept):
        return [case]
    other_clauses = {i for i in case.told if reading.clauses[i].sentence in sentences}
    case.acts = kept
    case.skip = other_clauses
    other = Case(
        entity=case.entity,
        entities=case.entities,
        acts=moved,
        count=case.count,
        count_refs=case.count_refs,
        skip={i for i in case.told if i not in other_clauses},
    )
    return [case, other]


# How far (characters) from an act a cue of another time ("once before") is read.
_CUE_REACH = 40


def _bound_range(bound: Bound, reading: Reading) -> tuple[str, str] | None:
    """The date told right after a trigger ("arrested in Yanji on April 10"), before the
    clause's next trigger, as (start, end) months "YYYY-MM"."""
    facts = reading.clauses[bound.clause]
    later = [h.start for h in facts.acts if h.start >= bound.hit.end]
    limit = min(later) if later else facts.clause.end
    for mention in facts.dates:
        value = mention.range
        if not (bound.hit.end <= mention.start < limit) or value is None:
            continue
        if mention.kind in ("spoke", "dateline", "since"):
            continue
        start, end = (value.start or value.end or ""), (value.end or value.start or "")
        if start and end:
            return _month(start, first=True), _month(end, first=False)
    return None


def _month(value: str, *, first: bool) -> str:
    return value[:7] if len(value) >= 7 else value[:4] + ("-01" if first else "-12")


def _overlaps(a: tuple[str, str], b: tuple[str, str]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _months_apart(a: tuple[str, str], b: tuple[str, str]) -> int:
    def index(month: str) -> int:
        return int(month[:4]) * 12 + int(month[5:7])

    if a[1] < b[0]:
        return index(b[0]) - index(a[1])
    return index(a[0]) - index(b[1])


def _count(entity: Entity) -> VictimCount | None:
    """How many people: the group's own count if acts are told of it as a whole, else the
    parts acted upon; less the parts that are not victims ("two of the 13 were guides")."""
    parts = [c for c in entity.children if c.acts and c.count is not None and not c.adopted]
    own = entity.refined or entity.count
    if own is not None and (entity.acts or not parts):
        count = own
    elif not parts:
        count = None
    else:
        low = sum(c.count.min or 0 for c in parts if c.count)
        highs = [c.count.max for c in parts if c.count]
        high = None if any(h is None for h in highs) else sum(h or 0 for h in highs)
        count = VictimCount(min=low, max=high)
    if count is None or not entity.not_victims:
        return count
    less = sum(c.min or 0 for c in entity.not_victims)
    low = max(0, (count.min or 0) - less)
    high = None if count.max is None else max(low, count.max - less)
    return VictimCount(min=low, max=high)


def _is_case(case: Case) -> bool:
    """A case needs an act done by a state, to specific people, and an arrest, custody,
    return or death among its acts, done or awaited: questioning or a sentence told alone
    is of people whose arrest or return is told elsewhere, or not at all."""
    acts = [b for b in (*case.acts, *case.inherited) if b.hit.counts]
    if not any(a in CORE_ACTS for b in acts for a in b.hit.acts):
        return False
    return any(b.hit.modality is Modality.OCCURRED and _held(b) for b in acts) or any(
        a in CORE_ACTS for b in acts if b.hit.modality is Modality.EXPECTED for a in b.hit.acts
    )


def _held(bound: Bound) -> bool:
    """An act against the people: not only a crossing, nor only being let go onward
    ("six defectors who reached Thailand were sent to South Korea")."""
    return any(a not in (Act.CROSSING, Act.RELEASE) for a in bound.hit.acts)


def _stately(bound: Bound) -> bool:
    return any(a is not Act.CROSSING for a in bound.hit.acts)


# The acts one of which makes a case: an arrest, custody, a return or a death.
CORE_ACTS = frozenset({Act.ARREST, Act.DETENTION, Act.REPATRIATION, Act.DEATH})
