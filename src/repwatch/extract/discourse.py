"""Who is who: the groups of people a report speaks of, and the acts told of each.

Reading clause by clause, each victim reference either introduces a group ("two
laborers", "another group of 19"), picks out part of one ("twelve of the North
Koreans", "the other nine"), or refers back to one ("they", "the 12", "all of
them"); each act trigger is then bound to the group its reference names. A
general statement ("China returns those it catches"), a tally ("over 8,000") or
a negated act binds nothing. ``segment`` then turns groups into cases.
"""

from __future__ import annotations

import re

from repwatch.extract import lexicon as lx
from repwatch.extract.acts import ActHit
from repwatch.extract.binding import choose_ref, has_object, reduced_relative, subject_of
from repwatch.extract.discourse_entities import Bound, Entity
from repwatch.extract.discourse_resolve import Groups
from repwatch.extract.korean import is_korean
from repwatch.extract.reading import ClauseFacts
from repwatch.extract.victims import Ref
from repwatch.model import Modality

__all__ = ["Bound", "Discourse", "Entity"]


class Discourse(Groups):
    """The groups of one report, built clause by clause."""

    def read_clause(self, facts: ClauseFacts, previous: list[Entity] | None) -> list[Entity]:
        """Resolve the clause's references and bind its acts; returns the groups bound."""
        self._before = self._salient()  # for triggers with no people named in the clause
        self.in_clause = []
        resolved: dict[int, tuple[list[Entity], str] | None] = {}
        subject = subject_of(self.text, facts)
        for ref in facts.refs:
            group = self._elaborated_group(ref, facts, resolved)
            if group is not None:
                member = self._new(ref, facts.index, group)
                member.member = True
                resolved[ref.start] = [member], "own"
                continue
            if _of_a_generic(ref, facts, self.text):
                resolved[ref.start] = None  # "more than 1,000 …, most of them in Chiang Rai"
                continue
            named = self.resolve(ref, facts.index)
            resolved[ref.start] = named
            if named and ref.victim and ref.kind != "pronoun":
                self.in_clause.extend(named[0])
            if ref is subject and named:
                for entity in named[0]:
                    self._promote(entity)
        bound: list[Entity] = []
        fronted: list[ActHit] = []  # "After investigation, they were …": bound below
        for hit in facts.acts:
            general = facts.generic or (
                facts.generic_from is not None and hit.start >= facts.generic_from
            )
            if not hit.counts or (general and hit.modality.value == "occurred"):
                continue
            hit = reduced_relative(self.text, hit, facts)
            target = self._target(hit, facts, resolved, bound, previous)
            if target is None:
                if not bound and self._fronted_adjunct(hit, facts):
                    fronted.append(hit)
                continue
            entities, scope = target
            self._bind(entities, hit, facts, scope)
            if fronted and hit.voice in ("passive", "left"):
                # an act noun fronted as the circumstance of what is done to the subject
                # is the subject's ("through the investigation, police found …" is not)
                for earlier in fronted:
                    self._bind(entities, earlier, facts, "own")
            fronted = []
            bound = entities
        return bound

    def _bind(self, entities: list[Entity], hit: ActHit, facts: ClauseFacts, scope: str) -> None:
        for entity in entities:
            entity.acts.append(Bound(hit, facts.index, scope))
            if facts.index not in entity.clauses:
                entity.clauses.append(facts.index)
            entity.like_previous = entity.like_previous or facts.like_previous
            self._touch(entity)
            self._promote(entity)

    def _fronted_adjunct(self, hit: ActHit, facts: ClauseFacts) -> bool:
        """ "After investigation, they were sent back": an act noun opening its clause
        after "after", "during", "following"."""
        if hit.voice != "nominal":
            return False
        adjunct = lx.ADJUNCT_BEFORE.search(self.text, facts.clause.start, hit.start)
        return adjunct is not None and not self.text[facts.clause.start : adjunct.start()].strip(
            ' "“‘'
        )

    def _target(
        self,
        hit: ActHit,
        facts: ClauseFacts,
        resolved: dict[int, tuple[list[Entity], str] | None],
        bound: list[Entity],
        previous: list[Entity] | None,
    ) -> tuple[list[Entity], str] | None:
        ref = choose_ref(self.text, hit, facts)
        if ref is not None:
            return resolved.get(ref.start)
        if hit.voice == "nominal":
            owner = self._owner(hit, facts, bound)
            if owner is not None:
                return [owner], "own"
            if hit.modality is Modality.EXPECTED and _opens(self.text, hit, facts):
                # "Repatriation could come within days": the awaited act of those just told
                last = self._before
                return ([last], "own") if last is not None else None
            purpose = lx.PURPOSE_BEFORE.search(
                self.text, max(facts.clause.start, hit.start - 40), hit.start
            )
            if purpose is not None and (bound or previous):
                # "… and were sent to Tumen for repatriation": what the people of the
                # sentence are held or sent for
                return (bound or previous or []), "own"
            # "they were beaten during interrogation": an act named as the circumstance of
            # what the clause tells of its subject is the subject's too
            if not lx.ADJUNCT_BEFORE.search(self.text, max(0, hit.start - 40), hit.start):
                return None
            if bound:
                return bound, "own"
            before = [r for r in facts.refs if r.end <= hit.start]
            if before and lx.PASSIVE_AFTER_SUBJECT.match(self.text, before[-1].end, hit.start):
                return resolved.get(before[-1].start)  # "the workers were beaten during …"
            return None
        fallback = bound or previous
        if hit.voice == "active" and has_object(self.text, hit):
            return None
        if fallback:
            return fallback, "own"
        if facts.clause.first and not is_korean(hit.text):
            # the subject is someone we do not track ("Kim Jong Il died"); Korean drops
            # the subject of a sentence about the people already spoken of
            return None
        last = self._before
        return ([last], "own") if last is not None else None

    def _owner(self, hit: ActHit, facts: ClauseFacts, bound: list[Entity]) -> Entity | None:
        """ "Their repatriation is imminent", "her eventual return": an awaited act noun
        owned by a possessive is told of the group the possessive names, the one just spoken
        of. (A done one, "their deportation has drawn criticism", names an act told before,
        whose own clause says what it was.)"""
        if hit.modality is not Modality.EXPECTED:
            return None
        match = lx.POSSESSIVE_BEFORE.search(
            self.text, max(facts.clause.start, hit.start - 40), hit.start
        )
        if match is None:
            return None
        plural = match.group(1).lower() == "their"
        for entity in bound:
            if entity.plural == plural:
                return entity
        return self._salient(plural=plural)


def _opens(text: str, hit: ActHit, facts: ClauseFacts) -> bool:
    """Whether an act noun is the first word of its sentence, its subject."""
    return facts.clause.first and not text[facts.clause.start : hit.start].strip(" \"“‘'")


def _of_a_generic(ref: Ref, facts: ClauseFacts, text: str) -> bool:
    """ "more than 1,000 …, most of them in Chiang Rai": a part of a tally or general
    statement told in its own clause."""
    if ref.kind != "pronoun" or not _PART_OF.search(text, max(0, ref.start - 12), ref.start):
        return False
    before = [r for r in facts.refs if r.end <= ref.start and r.plural and r.kind != "pronoun"]
    return bool(before) and before[-1].kind == "generic"


_PART_OF = re.compile(r"\b(?:most|many|some|all|half|several|few|none|one|each)\s+of\s+$", re.I)
