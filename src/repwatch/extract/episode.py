"""One incident per episode (FORMAT.md convention 1): groups the discourse kept apart
that are one group caught or killed together.

Two rules, both on groups told with no place or date of their own that differ from
the group they join:

- "killed two people and seized three others": a group added in the same sentence
  ("others", "more") to a group acted upon there is one group with it, its count the
  sum and its acts the union;
- "a man and his son died in the river" after "five residents … killing two": a later,
  smaller group of which only acts already told of a larger group are told is part of
  that group, not a new case.
"""

from __future__ import annotations

from repwatch.extract.discourse import Entity
from repwatch.extract.reading import Reading
from repwatch.model import PlaceRole, VictimCount

# Reference kinds that add people beside a group ("three others", "two more").
_ADDED = frozenset(("additive",))
# Reference kinds of a group told as new: candidates for being part of an earlier group.
_NEW = frozenset(("new", "bare", "definite"))


def signature(entity: Entity, reading: Reading) -> tuple[tuple, tuple]:
    """The places and dates told with a group's acts: where and when it was acted upon."""
    places = sorted(
        {
            p.place.id
            for b in entity.acts
            for p in reading.clauses[b.clause].places
            if p.place
            and p.role not in (PlaceRole.ORIGIN, PlaceRole.DESTINATION)
            and not p.of_actor
            and p.place.kind not in ("river", "country")
        }
    )
    dates = sorted(
        {
            (d.range.start, d.range.end)
            for b in entity.acts
            for d in reading.clauses[b.clause].dates
            if d.range is not None and d.kind not in ("spoke", "dateline", "since")
        }
    )
    return tuple(places), tuple(dates)


def join_episodes(entities: list[Entity], reading: Reading) -> None:
    """Merge the groups that are one episode's people (see the module docstring)."""
    tops = [e for e in entities if e.alive and e.parent is None and e.acts]
    for i, entity in enumerate(tops):
        if not entity.alive or entity.like_previous or not entity.refs:
            continue
        earlier = [t for t in tops[:i] if t.alive and t.acts and t.companion_of is None]
        if not earlier:
            continue
        kind = entity.refs[0].kind
        if kind in _ADDED:
            partner = _added_to(entity, earlier, reading)
            if partner is not None:
                _merge(entity, partner)
        elif kind in _NEW and not _introduced_as_added(entity, reading):
            whole = _whole_of(entity, earlier, reading)
            if whole is not None:
                entity.parent = whole
                entity.member = True
                whole.children.append(entity)


def _introduced_as_added(entity: Entity, reading: Reading) -> bool:
    """ "We also fear for a woman …": a group introduced with "also", "too" or "as well" is
    told beside the earlier ones, not as a part of them."""
    first = entity.refs[0].start
    for facts in reading.clauses:
        if facts.clause.start <= first < facts.clause.end:
            return facts.like_previous
    return False


def _sentences(entity: Entity, reading: Reading) -> set[int]:
    """The sentences where a verb tells an act of the group ("After the arrest" does not)."""
    return {reading.clauses[b.clause].sentence for b in entity.acts if b.hit.voice != "nominal"}


def _dated(entity: Entity, reading: Reading) -> set[int]:
    """The starts of every date told with the group's acts, relative ones too."""
    return {
        d.start
        for b in entity.acts
        for d in reading.clauses[b.clause].dates
        if d.kind not in ("spoke", "dateline", "since")
    }


def _same_setting(entity: Entity, other: Entity, reading: Reading) -> bool:
    """No place or date told of one group's acts that is not told of the other's."""
    places, dates = signature(entity, reading)
    other_places, other_dates = signature(other, reading)
    if not _dated(entity, reading) <= _dated(other, reading):
        return False  # "those six were picked up the following day": another time
    return set(places) <= set(other_places) and set(dates) <= set(other_dates)


def _added_to(entity: Entity, earlier: list[Entity], reading: Reading) -> Entity | None:
    partner = earlier[-1]
    first = reading.clauses[entity.clauses[0]].sentence if entity.clauses else None
    if first is None or first not in _sentences(partner, reading):
        return None
    if partner.count is None or entity.count is None:
        return None
    if not _dated(entity, reading) <= _dated(partner, reading):
        return None  # "those six were picked up the following day": another time
    mine, theirs = signature(entity, reading), signature(partner, reading)
    if (mine[0] and mine[0] != theirs[0]) or (mine[1] and mine[1] != theirs[1]):
        return None  # "12 in Shenyang and another 18 in Changchun": two episodes
    if _told_apart(entity, partner, first, reading):
        return None
    return partner


def _told_apart(entity: Entity, partner: Entity, sentence: int, reading: Reading) -> bool:
    """Within one sentence, a place or date told before the added group and another told
    after it ("twelve in Shenyang on May 2 and another eight in Changchun on May 9") part
    two episodes; one told only at the end ("… and three others, in early September") is
    the whole sentence's."""
    split = entity.refs[0].start
    start = min(
        (b.hit.start for b in partner.acts if reading.clauses[b.clause].sentence == sentence),
        default=split,
    )
    facts = reading.in_sentence(sentence)
    places = [
        (p.start, p.place.id)
        for c in facts
        for p in c.places
        if p.place
        and p.role not in (PlaceRole.ORIGIN, PlaceRole.DESTINATION)
        and not p.of_actor
        and p.place.kind not in ("river", "country")
    ]
    dates = [
        (d.start, d.text.lower())
        for c in facts
        for d in c.dates
        if d.kind not in ("spoke", "dateline", "since")
    ]
    for told in (places, dates):
        before = {v for at, v in told if start <= at < split}
        after = {v for at, v in told if at >= split}
        if before and after and after - before:
            return True
    return False


def _whole_of(entity: Entity, earlier: list[Entity], reading: Reading) -> Entity | None:
    if entity.count is None or entity.count.max is None:
        return None
    acts = {(a, b.hit.modality) for b in entity.acts if b.hit.counts for a in b.hit.acts}
    if not acts:
        return None
    for whole in reversed(earlier):
        if whole.count is None or (whole.count.min or 0) <= entity.count.max:
            continue
        told = {
            (a, b.hit.modality)
            for e in (whole, *whole.descendants())
            for b in e.acts
            if b.hit.counts
            for a in b.hit.acts
        }
        if acts <= told and _same_setting(entity, whole, reading):
            return whole
    return None


def _merge(entity: Entity, partner: Entity) -> None:
    assert entity.count is not None and partner.count is not None
    high = (
        None
        if entity.count.max is None or partner.count.max is None
        else entity.count.max + partner.count.max
    )
    partner.count = VictimCount(min=(partner.count.min or 0) + (entity.count.min or 0), max=high)
    partner.acts.extend(entity.acts)
    partner.refs.extend(entity.refs)
    partner.clauses.extend(entity.clauses)
    for child in entity.children:
        child.parent = partner
        partner.children.append(child)
    entity.merged_into = partner
