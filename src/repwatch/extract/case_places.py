"""The places of a case, most telling first: where caught, returned, crossed, held.

A place phrase belongs to the act it follows; one that belongs to an act told of other
people in the same clause ("five in Yanji … and three others caught in Tumen") comes last.

When no clause says where people were caught, the place is inferred only from the text
("on the Chinese bank", an arrest by Chinese police and a Chinese town named with the
case), or taken from the summary the case is part of, or from the case told before it
("caught as well"); every place keeps the span that names it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise
from typing import TypeGuard

from repwatch.extract import lexicon as lx
from repwatch.extract import places as places_component
from repwatch.extract.discourse import Bound
from repwatch.extract.entry_heads import entry_head
from repwatch.extract.place_refine import refined
from repwatch.extract.places import PlaceHit
from repwatch.extract.reading import Reading
from repwatch.extract.segment import Case
from repwatch.model import (
    MAIN_PLACE_ROLES,
    Act,
    EvidenceSpan,
    Modality,
    Perpetrator,
    Place,
    PlaceMention,
    PlaceRole,
    Sourced,
)

_COARSE_KINDS = ("country", "province", "river", "sea", "prefecture")
# Kinds of place that cover too much to say where people were: a whole country, a river.
_WIDE_KINDS = ("country", "river", "sea")


def _local(place: Place | None) -> TypeGuard[Place]:
    """Whether ``place`` is narrower than a country, a river or a sea."""
    return place is not None and place.kind not in _WIDE_KINDS


COUNTRY_OF_SIDE = {
    "chinese": "CN",
    "russian": "RU",
    "north korean": "KP",
    "lao": "LA",
    "thai": "TH",
    "vietnamese": "VN",
    "mongolian": "MN",
}


def specificity(hit: PlaceHit) -> tuple[int, float]:
    kind = hit.place.kind if hit.place else "country"
    return (kind in _COARSE_KINDS, hit.radius_km or 0.0)


# Between a place and the larger one that situates it: "Nanping in Helong", "Yanji, Jilin".
_SITUATED_IN = re.compile(r"\s*(?:,|\bin\b|\bof\b)\s*(?:the\s+)?$", re.IGNORECASE)


def situating(hits: Iterable[PlaceHit], text: str) -> set[int]:
    """The starts of places named only to situate the place just before them."""
    ordered = sorted(hits, key=lambda h: h.start)
    found = set()
    for before, after in pairwise(ordered):
        gap = text[before.end : after.start]
        if len(gap) <= 6 and _SITUATED_IN.fullmatch(gap) and before.place is not None:
            if before.place.kind not in _COARSE_KINDS and before.place.id != (
                after.place.id if after.place else None
            ):
                found.add(after.start)
    return found


def clause_places(clauses: Iterable[int], reading: Reading) -> list[PlaceHit]:
    seen: set[int] = set()
    found = []
    for index in clauses:
        for hit in reading.clauses[index].places:
            if hit.start not in seen:
                seen.add(hit.start)
                found.append(hit)
    return found


def found_places(case: Case, main: list[Bound], reading: Reading) -> list[PlaceHit]:
    """The case's places: those of its acts' clauses, then of clauses that only name its
    people ("The man was shot in Nanping"), most telling role and most specific first."""
    told = [i for i in case.told if i not in case.clauses]
    acting = {h.start for h in clause_places(case.clauses, reading)}
    hits = [h for h in clause_places([*case.clauses, *told], reading) if not h.of_actor]

    larger = situating(hits, reading.text)
    own = {b.hit.start for b in (*case.acts, *case.inherited)}
    others = {
        h.start
        for facts in (reading.clauses[i] for i in case.clauses)
        for h in facts.acts
        if h.counts and h.start not in own
    }

    def rank(hit: PlaceHit) -> tuple[bool, int, int, bool, bool, float]:
        coarse, radius = specificity(hit)
        role = MAIN_PLACE_ROLES.index(hit.role) if hit.role in MAIN_PLACE_ROLES else 9
        # "five arrested in Yanji and three others caught in Tumen": a place that belongs to
        # an act told of other people is theirs
        theirs = hit.act_start in others and hit.act_start < hit.start and role != 9
        return theirs, role, coarse, hit.start in larger, hit.start not in acting, radius

    return sorted(hits, key=rank)


def completed_places(
    hits: list[PlaceHit],
    case: Case,
    main: list[Bound],
    reading: Reading,
    perpetrator: Sourced | None,
) -> list[PlaceMention]:
    """Add where people were caught when no clause says it, else borrow a place."""
    roles = {h.role for h in hits}
    caught_act = _catching(main)
    if PlaceRole.CAUGHT not in roles and caught_act:
        inferred = _inferred_caught(case, reading, perpetrator)
        if inferred is None and case.summary is not None:
            inferred = next(iter(_borrowed_place(case, reading, roles=(PlaceRole.CAUGHT,))), None)
        if inferred is not None:
            hits.insert(0, inferred)
            roles.add(PlaceRole.CAUGHT)
    if not roles & set(MAIN_PLACE_ROLES):
        hits = _borrowed_place(case, reading) + hits
    if not {h.role for h in hits} & set(MAIN_PLACE_ROLES) and caught_act and perpetrator:
        country = _perpetrator_country(perpetrator)
        named = (
            _country_named(_case_sentences(case, reading), reading, country) if country else None
        )
        if named is not None:
            hits.insert(0, with_role(named, PlaceRole.CAUGHT))  # "caught in Laos", no town
    awaited = all(b.hit.modality is Modality.EXPECTED for b in main)
    if not {h.role for h in hits} & set(MAIN_PLACE_ROLES) and (caught_act or awaited):
        # "five North Koreans hiding in Kunming could be caught", "a logger in Khabarovsk
        # faces expulsion": where they are
        where = [
            h
            for h in hits
            if h.role is PlaceRole.OTHER and _local(h.place) and h.place.country not in ("KP", "KR")
        ]
        if where and all(b.hit.modality is Modality.EXPECTED for b in main):
            best = min(where, key=specificity)
            hits.insert(0, with_role(best, PlaceRole.CAUGHT))
    acting = {h.start for h in clause_places(case.clauses, reading)}
    country = _perpetrator_country(perpetrator) if perpetrator is not None else None
    hits = refined(hits, acting, country)
    # "North Korea" as a whole is where people are sent, never where a case happened
    hits = [
        h if not _the_north(h) or h.role not in MAIN_PLACE_ROLES else with_role(h, PlaceRole.OTHER)
        for h in hits
    ]
    return [_place_mention(h, reading.text) for h in hits]


def _the_north(hit: PlaceHit) -> bool:
    return hit.place is not None and hit.place.kind == "country" and hit.place.country == "KP"


def _catching(main: list[Bound]) -> bool:
    """Whether the main act caught or held the people (or killed them) somewhere."""
    return any(a in (Act.ARREST, Act.DETENTION, Act.DEATH) for b in main for a in b.hit.acts)


def with_role(hit: PlaceHit, role: PlaceRole) -> PlaceHit:
    return PlaceHit(hit.start, hit.end, hit.text, hit.name, hit.place, hit.radius_km, role)


def _place_mention(hit: PlaceHit, text: str) -> PlaceMention:
    place = hit.place
    return PlaceMention(
        name=hit.name,
        role=hit.role,
        place_id=place.id if place else None,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        radius_km=hit.radius_km,
        country=place.country if place else None,
        admin1=place.admin1 if place else None,
        spans=(EvidenceSpan.of(text, hit.start, hit.end),),
        producer=places_component.PRODUCER,
    )


def _seat_of_agent(main: list[Bound], reading: Reading) -> PlaceHit | None:
    """ "Police in Chiang Khong district arrested 14 …", "arrested by officers of the
    Qingdao Public Security Bureau": police act where they sit."""
    for bound in main:
        facts = reading.clauses[bound.clause]
        seats = [h for h in facts.places if h.of_actor and _local(h.place)]
        if bound.hit.voice == "active":
            before = [h for h in seats if h.start < bound.hit.start]
            if before:
                return with_role(before[-1], PlaceRole.CAUGHT)
        elif bound.hit.voice == "passive":
            by = _BY_AGENT.match(reading.text, bound.hit.end)
            after = [h for h in seats if by is not None and by.end() <= h.start < by.end() + 60]
            if after:
                return with_role(after[0], PlaceRole.CAUGHT)
    return None


# "arrested by officers of the": the agent of a passive, whose seat may follow
_BY_AGENT = re.compile(r"\s+by\s+", re.IGNORECASE)


def with_told_caught(hits: list[PlaceHit], main: list[Bound], reading: Reading) -> list[PlaceHit]:
    """``hits`` with where the people were caught, when the text tells it outside the
    arrest's clause: the entry's head, "there", or the seat of the police who acted."""
    caught_act = _catching(main)
    if not caught_act or any(h.role is PlaceRole.CAUGHT for h in hits):
        return hits
    told = _entry_place(main, reading) or _there(main, reading) or _seat_of_agent(main, reading)
    return [told, *hits] if told is not None else hits


def _entry_place(main: list[Bound], reading: Reading) -> PlaceHit | None:
    """ "- 12 February 2016, Vladivostok. A logger … is arrested": the entry's place."""
    for bound in main:
        head = entry_head(reading, reading.clauses[bound.clause].sentence)
        if head is None:
            continue
        named = [h for c in reading.in_sentence(head) for h in c.places if _local(h.place)]
        if named:
            return with_role(named[-1], PlaceRole.CAUGHT)
    return None


def _there(main: list[Bound], reading: Reading) -> PlaceHit | None:
    """ "They reached Kunming. It was at the bus station there that police took them
    away": "there" is the town the sentence before named last; "at the scene", the town
    of the one or two sentences before that tell of the scene."""
    for bound in main:
        facts = reading.clauses[bound.clause]
        start, end = reading.sentence_spans[facts.sentence]
        if facts.sentence == 0:
            continue
        if _THERE.search(reading.text, start, end):
            back = 1
        elif lx.AT_THE_SCENE.search(reading.text, start, end):
            back = 2
        else:
            continue
        for sentence in range(facts.sentence - 1, max(-1, facts.sentence - 1 - back), -1):
            named = [
                h
                for c in reading.in_sentence(sentence)
                for h in c.places
                if not h.of_actor
                and h.place is not None
                and h.place.kind not in _COARSE_KINDS
                and h.role not in (PlaceRole.ORIGIN, PlaceRole.DESTINATION)
            ]
            if named:
                return with_role(named[-1], PlaceRole.CAUGHT)
    return None


# "there" as a place, not the "there" of "there were", "there is"
_THERE = re.compile(
    r"\b(?:at|in|near|from)\s+(?:[\w-]+\s+){0,4}?there\b|\bthere\s*(?=[,.;]|that\b|as\b)",
    re.IGNORECASE,
)


def _inferred_caught(case: Case, reading: Reading, perpetrator: Sourced | None) -> PlaceHit | None:
    """Where people were caught, when no clause says so: a place of the case's sentences in
    the country the text puts them in ("on the Chinese bank"), or the arresting state's."""
    sentences = _case_sentences(case, reading)
    country = _side_country(sentences, reading)
    if country is None and perpetrator is not None:
        country = _perpetrator_country(perpetrator)
    if country is None:
        return None
    candidates = [
        h
        for s in sentences
        for c in reading.in_sentence(s)
        for h in c.places
        if h.country == country
        and not h.of_actor
        and h.role in (PlaceRole.OTHER, PlaceRole.DESTINATION, PlaceRole.CROSSED)
        and _local(h.place)
    ]
    if not candidates:
        seat = _seat(reading, country)
        return with_role(seat, PlaceRole.CAUGHT) if seat is not None else None
    # the sentences that tell the acts first, then those that only name the people
    acting = {reading.clauses[b.clause].sentence for b in case.acts}
    larger = situating(candidates, reading.text)
    best = min(
        candidates,
        key=lambda h: (
            reading.clauses[_clause_at(h.start, reading)].sentence not in acting,
            h.start in larger,
            *specificity(h),
        ),
    )
    if best.place is not None and best.place.kind in ("province", "prefecture"):
        # "held by the authorities in Shenyang, Liaoning province": the town of the
        # authority, inside the province, says more
        seat = _seat(reading, country)
        if (
            seat is not None
            and seat.place is not None
            and seat.place.admin1
            and best.place.name.startswith(seat.place.admin1)
        ):
            best = seat
    return with_role(best, PlaceRole.CAUGHT)


def _clause_at(position: int, reading: Reading) -> int:
    for facts in reading.clauses:
        if facts.clause.start <= position < facts.clause.end:
            return facts.index
    return 0


def _side_country(sentences: list[int], reading: Reading) -> str | None:
    for sentence in sentences:
        start, end = reading.sentence_spans[sentence]
        match = lx.SIDE_OF_BORDER.search(reading.text, start, end)
        if match:
            return COUNTRY_OF_SIDE.get(match.group(1).lower())
    return None


def side_match(case: Case, reading: Reading) -> re.Match[str] | None:
    """ "caught on the Chinese bank": the side of the border the case happened on."""
    clauses = set(case.told) | set(case.clauses)
    for sentence in sorted({reading.clauses[i].sentence for i in clauses}):
        start, end = reading.sentence_spans[sentence]
        match = lx.SIDE_OF_BORDER.search(reading.text, start, end)
        if match:
            return match
    return None


def _nationality_country(text: str) -> str | None:
    lowered = text.lower()
    for word, country in COUNTRY_OF_SIDE.items():
        if word in lowered:
            return country
    return None


def _borrowed_place(
    case: Case,
    reading: Reading,
    roles: tuple[PlaceRole, ...] = (PlaceRole.CAUGHT, PlaceRole.CROSSED),
) -> list[PlaceHit]:
    """A part of a summary takes the summary's place; a case told "as well" the place of
    the case before it."""
    donors = []
    if case.summary is not None:
        donors.append(sorted({b.clause for b in case.summary.acts}))
    if case.entity.like_previous and case.previous is not None:
        donors.append(case.previous.clauses)
    for clauses in donors:
        hits = [h for h in clause_places(clauses, reading) if h.role in roles and not h.of_actor]
        if hits:
            return [min(hits, key=lambda h: (MAIN_PLACE_ROLES.index(h.role), specificity(h)))]
    return []


def abroad(case: Case, reading: Reading) -> PlaceHit | None:
    """The most specific place of the case outside North Korea and the South, where an
    authority named only as "police" must be."""
    candidates = [
        h
        for h in clause_places(case.clauses, reading)
        if h.country not in (None, "KP", "KR")
        and not h.of_actor
        and h.role not in (PlaceRole.ORIGIN, PlaceRole.DESTINATION)
        and _local(h.place)
    ]
    if candidates:
        return min(candidates, key=specificity)
    return _seat(reading, None)


def _case_sentences(case: Case, reading: Reading) -> list[int]:
    return sorted({reading.clauses[i].sentence for i in set(case.told) | set(case.clauses)})


def _perpetrator_country(perpetrator: Sourced) -> str | None:
    """The country of the state a perpetrator's evidence names."""
    state = perpetrator.value
    if state is Perpetrator.OTHER:
        return _nationality_country(" ".join(s.text for s in perpetrator.spans))
    return {Perpetrator.CHINA: "CN", Perpetrator.RUSSIA: "RU", Perpetrator.NORTH_KOREA: "KP"}.get(
        state
    )


def _country_named(sentences: list[int], reading: Reading, country: str) -> PlaceHit | None:
    """The country itself, named in the case's sentences, when no town of it is."""
    for sentence in sentences:
        for facts in reading.in_sentence(sentence):
            for hit in facts.places:
                if hit.place is not None and hit.place.kind == "country":
                    if hit.country == country and hit.role is not PlaceRole.DESTINATION:
                        return hit
    return None


def _seat(reading: Reading, country: str | None) -> PlaceHit | None:
    """The place an authority of the report is named with ("police in Yanji … officers
    rescued eleven women from a flat in the city"), abroad or in ``country``."""
    for facts in reading.clauses:
        for hit in facts.places:
            if not hit.of_actor or hit.place is None:
                continue
            if hit.country in (None, "KP", "KR") or (country and hit.country != country):
                continue
            if hit.place.kind not in _WIDE_KINDS:
                return hit
    return None
