"""The perpetrator of a case: the authority behind its main act (FORMAT.md).

Its agent ("by Chinese police") or the subject of its clause, else an authority named in
its sentence, else the state where people were caught, else an authority named elsewhere
in the case. A drowning or a death by exposure has no perpetrator.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from repwatch.extract import lexicon as lx
from repwatch.extract import perpetrator as perpetrator_component
from repwatch.extract.acts import ActHit
from repwatch.extract.case_places import COUNTRY_OF_SIDE, abroad, side_match
from repwatch.extract.discourse import Bound
from repwatch.extract.korean import is_korean
from repwatch.extract.perpetrator import ActorHit, state_of_country
from repwatch.extract.places import PlaceHit
from repwatch.extract.reading import ClauseFacts, Reading
from repwatch.extract.segment import Case
from repwatch.model import Act, EvidenceSpan, Modality, Perpetrator, PlaceRole, Sourced


def perpetrator_of(
    main: list[Bound], case: Case, reading: Reading, places: list[PlaceHit]
) -> Sourced | None:
    """The authority behind the main act: its agent ("by Chinese police") or the subject of
    its clause, else an authority named in its sentence, else the state where it happened,
    else an authority named elsewhere in the case."""
    if all(_NO_AGENT.match(b.hit.text) for b in main):
        shooter = _shooter(main, reading)
        if shooter is None:
            return None  # drowned, froze, swept away: no authority did it
        return _sourced_actor(shooter, shooter.state)  # "guards opened fire … he died"
    place = next((p for p in places if p.role is PlaceRole.CAUGHT), None)
    caught_in = state_of_country(place.country) if place is not None else None
    actor = None
    for bound in main:
        facts = reading.clauses[bound.clause]
        actor = actor or _agent_of(bound, _acting(facts, reading.text, caught_in), facts.acts)
    for bound in main:
        for facts in reading.in_sentence(reading.clauses[bound.clause].sentence):
            actor = actor or next(iter(_acting(facts, reading.text, caught_in)), None)
    for bound in main:
        actor = actor or _state_as_subject(bound, reading)
    bare = None
    for bound in main:
        facts = reading.clauses[bound.clause]
        unnamed = [a for a in facts.actors if a.state is None]
        bare = bare or _agent_of(bound, unnamed, facts.acts)
    held = any(a in (Act.ARREST, Act.DETENTION) for b in main for a in b.hit.acts)
    if not held:
        place = None  # a drowning has no perpetrator just for where it happened
    if actor is not None:
        return _sourced_actor(actor, actor.state)
    if bare is not None and place is None and held:
        place = abroad(case, reading)  # "caught by police", in Heilongjiang: Chinese police
    if place is not None and place.country is not None:
        state = state_of_country(place.country)
        span = EvidenceSpan.of(reading.text, place.start, place.end)
        return Sourced(value=state, spans=(span,), producer=perpetrator_component.PRODUCER)
    side = side_match(case, reading) if held else None
    if side is not None:
        state = state_of_country(COUNTRY_OF_SIDE.get(side.group(1).lower()))
        span = EvidenceSpan.of(reading.text, side.start(1), side.end(1))
        return Sourced(value=state, spans=(span,), producer=perpetrator_component.PRODUCER)
    origin = _still_at_origin(main, reading, places) if bare is not None else None
    if bare is not None and origin is not None:
        state = state_of_country(origin.country)
        spans = tuple(
            EvidenceSpan.of(reading.text, start, end)
            for start, end in sorted([(bare.start, bare.end), (origin.start, origin.end)])
        )
        return Sourced(value=state, spans=spans, producer=perpetrator_component.PRODUCER)
    clauses = case.clauses
    if case.summary is not None:
        clauses = clauses + sorted({b.clause for b in case.summary.acts})
    # an authority named elsewhere in the case, not one people were handed to ("handed to
    # North Korean guards")
    for index in clauses:
        named = [
            a
            for a in reading.clauses[index].actors
            if a.state is not None
            and not _RECEIVER.search(reading.text, max(0, a.start - 12), a.start)
        ]
        if named:
            return _sourced_actor(named[0], named[0].state)
    return (
        _returning_state(main, places, reading)
        or _only_country(main, places, reading)
        or _where_awaited(main, places, reading)
    )


_FROM = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_FIRED = re.compile(r"\b(?:opened\s+fire|fired\s+(?:on|at)|shot\s+at|shooting\s+at)\b", re.I)


def _shooter(main: list[Bound], reading: Reading) -> ActorHit | None:
    """Those who opened fire in the sentence of the death or the one before it."""
    for bound in main:
        sentence = reading.clauses[bound.clause].sentence
        for index in (sentence, sentence - 1):
            if index < 0:
                continue
            start, end = reading.sentence_spans[index]
            if not _FIRED.search(reading.text, start, end):
                continue
            actors = [a for c in reading.in_sentence(index) for a in c.actors if a.state]
            if actors:
                return actors[0]
    return None


def _returning_state(main: list[Bound], places: list[PlaceHit], reading: Reading) -> Sourced | None:
    """A return told with no one named doing it: the state it was made from ("forcibly
    sent from China", "handed over at Tumen")."""
    if not any(Act.REPATRIATION in b.hit.acts for b in main):
        return None
    for place in places:
        if place.role not in (PlaceRole.RETURNED, PlaceRole.HELD, PlaceRole.CAUGHT) and not (
            place.place is not None
            and place.place.kind == "country"
            and _FROM.search(reading.text, max(0, place.start - 8), place.start)
        ):
            continue  # a country returned from ("sent back from China") is no place, but whose
        if place.country in (None, "KP", "KR"):
            continue
        state = state_of_country(place.country)
        span = EvidenceSpan.of(reading.text, place.start, place.end)
        return Sourced(value=state, spans=(span,), producer=perpetrator_component.PRODUCER)
    return None


def _acting(facts: ClauseFacts, text: str, caught_in: Perpetrator | None) -> list[ActorHit]:
    """The authorities of known state in a clause, but not those people were handed to
    when they belong to another state than the one that caught them: "handed over to
    North Korean authorities" (the returnees' own state), "caught in Laos … handed over to
    Chinese authorities". Villagers handing people "to the Chinese police" in China keep it."""
    return [
        a
        for a in facts.actors
        if a.state is not None
        and not (
            (
                _RECEIVER.search(text, max(0, a.start - 12), a.start)
                or _KOREAN_RECEIVER.match(text, a.end)
            )
            and (a.state is Perpetrator.NORTH_KOREA or (caught_in not in (None, a.state)))
        )
    ]


# "보위부로 넘겨졌다", "보위부에 인계됐다": the authority people were handed to.
_KOREAN_RECEIVER = re.compile(r"(?:으로|로|에게|에)\s*(?:넘겨|인계|이송|압송|송환)")


def _still_at_origin(
    main: list[Bound], reading: Reading, places: list[PlaceHit]
) -> PlaceHit | None:
    """ "caught by border guards while trying to cross the Yalu from Hyesan": people caught
    before they had left were caught by the guards of the place they left (a North Korean
    one: other origins are too far from a border to tell)."""
    origin = next(
        (
            p
            for p in places
            if p.role in (PlaceRole.ORIGIN, PlaceRole.CROSSED) and p.country == "KP"
        ),
        None,
    )
    if origin is None:
        return None
    for bound in main:
        start, end = reading.sentence_spans[reading.clauses[bound.clause].sentence]
        if lx.NOT_YET_ACROSS.search(reading.text, start, end):
            return origin
    return None


_RECEIVER = re.compile(r"\b(?:to|over\s+to)\s+(?:the\s+)?$", re.IGNORECASE)
_NO_AGENT = re.compile(r"(?:drown|died|dies|die\b|froze|swept|washed|bod(?:y|ies))", re.IGNORECASE)


def _state_as_subject(bound: Bound, reading: Reading) -> ActorHit | None:
    """ "Thailand on Friday freed 11 North Koreans": a country named as the one acting."""
    facts = reading.clauses[bound.clause]
    for hit in facts.places:
        if hit.place is None or hit.place.kind != "country" or hit.end > bound.hit.start:
            continue
        before = reading.text[facts.clause.start : hit.start]
        if _SUBJECT_START.fullmatch(before):
            return ActorHit(hit.start, hit.end, hit.text, state_of_country(hit.country))
    return None


_SUBJECT_START = re.compile(r"\W*(?:the\s+)?(?:but\s+|and\s+)?", re.IGNORECASE)


def _sourced_actor(actor: ActorHit, state: Perpetrator | None) -> Sourced | None:
    if state is None:
        return None
    span = EvidenceSpan(start=actor.start, end=actor.end, text=actor.text)
    return Sourced(value=state, spans=(span,), producer=perpetrator_component.PRODUCER)


def _agent_of(bound: Bound, actors: list[ActorHit], acts: Sequence[ActHit]) -> ActorHit | None:
    """The authority of ``actors`` (those of the bound act's clause, whose triggers are
    ``acts``) that did the act: after a passive trigger ("by …"), else its subject."""
    if not actors:
        return None
    after = [a for a in actors if a.start >= bound.hit.end]
    before = [a for a in actors if a.end <= bound.hit.start]
    if is_korean(bound.hit.text):
        # Korean names the doer before the verb ("공안에 붙잡힌", "공안이 체포했다")
        return before[-1] if before else None
    if bound.hit.voice in ("passive", "left") and after:
        return after[0]
    if before:
        return before[0]
    if after and not any(bound.hit.end <= h.start < after[0].start for h in acts):
        return after[0]
    return None  # "a woman sent back … is being questioned by the police": another's agent


def _only_country(main: list[Bound], places: list[PlaceHit], reading: Reading) -> Sourced | None:
    """People held with no authority named, where every place told with the act lies in one
    foreign country ("arrested at a checkpoint on the road from Yanji to Tumen"): its state."""
    held = [b for b in main if b.hit.modality is Modality.OCCURRED]
    if not any(a in (Act.ARREST, Act.DETENTION) for b in held for a in b.hit.acts):
        return None  # an arrest only feared has no one behind it yet
    clauses = {b.clause for b in main}
    told = [
        p
        for p in places
        if any(
            reading.clauses[i].clause.start <= p.start < reading.clauses[i].clause.end
            for i in clauses
        )
    ]
    countries = {p.country for p in told}
    if len(countries) != 1 or None in countries or countries & {"KP", "KR"}:
        return None
    place = told[0]
    state = state_of_country(place.country)
    span = EvidenceSpan.of(reading.text, place.start, place.end)
    return Sourced(value=state, spans=(span,), producer=perpetrator_component.PRODUCER)


def _where_awaited(main: list[Bound], places: list[PlaceHit], reading: Reading) -> Sourced | None:
    """An arrest or return only awaited, with no authority named: the state of the country
    where the people are ("a woman working in a restaurant in Kunming is at risk of
    arrest"), which is the state that would act."""
    if any(b.hit.modality is Modality.OCCURRED for b in main):
        return None
    for place in places:
        if place.role in (PlaceRole.ORIGIN, PlaceRole.DESTINATION) or place.country in (
            None,
            "KP",
            "KR",
        ):
            continue
        span = EvidenceSpan.of(reading.text, place.start, place.end)
        return Sourced(
            value=state_of_country(place.country),
            spans=(span,),
            producer=perpetrator_component.PRODUCER,
        )
    return None
