"""Reference resolution for the discourse reader: whether a victim reference introduces
a group, picks out part of one or refers back to one ("they", "the 12", "the other
nine", "all of them"). ``Discourse`` adds the binding of acts on top.
"""

from __future__ import annotations

import re

from repwatch.extract.discourse_entities import Entity
from repwatch.extract.reading import ClauseFacts
from repwatch.extract.victims import Ref
from repwatch.model import VictimCount

# Nouns of a group as a whole, which a definite phrase names again ("the family").
_COLLECTIVE = frozenset(("family", "household", "group", "party"))
_POSSESSIVE = re.compile(r"(?:his|her|their|[A-Z]\w*['’]s)\s", re.IGNORECASE)
_WITH_BEFORE = re.compile(r"\b(?:with|and)\s+$", re.IGNORECASE)
_AGE_AFTER = re.compile(r"\s*(?:,\s*\d{1,2}\s*,|\(\d{1,2}\))")
_POSSESSIVES = frozenset(("their", "his", "her"))
# Opening the telling of a case announced before: "In the second case,", "In the other case,"
_CASE_OPENING = re.compile(
    r"\b(?:(?:in|of)\s+the\s+(?:first|second|third|other|latter|former|separate)\s+case\s*,?"
    r"|the\s+(?:first|second|third|other|latter|former|separate)\s+case\s+"
    r"(?:involves|involved|concerns|concerned|is\s+that\s+of|was\s+that\s+of))\s*$",
    re.IGNORECASE,
)
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
_GENDER_OF_HEAD = {
    **dict.fromkeys(
        "woman women girl girls mother wife daughter sister grandmother granddaughter aunt "
        "niece bride housewife waitress hostess fiancée girlfriend".split(),
        "f",
    ),
    **dict.fromkeys(
        "man men boy boys father husband son brother grandfather grandson uncle nephew "
        "fiancé boyfriend soldier".split(),
        "m",
    ),
}


def _agrees(entity: Entity, gender: str | None) -> bool:
    """Whether a pronoun of ``gender`` may name ``entity``: a group named only by nouns of
    the other gender may not."""
    if gender is None or entity.plural:
        return True
    known = {_GENDER_OF_HEAD.get((r.head or "").lower()) for r in entity.refs} - {None}
    return not known or gender in known


_OFFSPRING = r"(?:\w+\s+){0,2}(?:children|child|daughters?|sons?|kids|baby|babies)\b"
# A relative named again by the relation the group's first mention implied.
_IMPLIED_BY = {
    "mother": re.compile(rf"\b(?:woman|mother)\b.*\bher\s+{_OFFSPRING}", re.IGNORECASE),
    "father": re.compile(rf"\b(?:man|father)\b.*\bhis\s+{_OFFSPRING}", re.IGNORECASE),
    "daughters": re.compile(r"\b(?:her|his|their)\s+(?:\w+\s+){0,2}daughters\b", re.IGNORECASE),
    "sons": re.compile(r"\b(?:her|his|their)\s+(?:\w+\s+){0,2}sons\b", re.IGNORECASE),
    "children": re.compile(rf"\b(?:her|his|their)\s+{_OFFSPRING}", re.IGNORECASE),
    # "The boy drowned" after "an elderly man and his twelve-year-old grandson"
    "boy": re.compile(
        r"\b(?:her|his|their)\s+(?:[\w-]+\s+){0,2}(?:son|grandson|nephew|boy)\b", re.IGNORECASE
    ),
    "girl": re.compile(
        r"\b(?:her|his|their)\s+(?:[\w-]+\s+){0,2}(?:daughter|granddaughter|niece|girl)\b",
        re.IGNORECASE,
    ),
    "grandfather": re.compile(r"\b(?:man|grandfather)\b.*\bhis\s+.*\bgrand", re.IGNORECASE),
    "grandmother": re.compile(r"\b(?:woman|grandmother)\b.*\bher\s+.*\bgrand", re.IGNORECASE),
}
# Where someone comes from, told right after them: "a woman from Kimchaek".
_FROM_PLACE = re.compile(r",?\s+from\s+((?-i:[A-Z])[\w-]+)")
# A name given to someone: "whom his colleagues call Ri", "known only as Pak".
_NAMING = re.compile(
    r"\b(?:call|calls|called|named|surnamed|known\s+(?:only\s+)?as|identified\s+(?:only\s+)?as"
    r"|referred\s+to\s+as)\s+$",
    re.IGNORECASE,
)
# "Kim, a 34-year-old North Korean woman,": a surname followed by who the person is.
_PERSON_AFTER = re.compile(
    r"\s*,\s*(?:a|an)\s+(?:[\w-]+\s+){0,4}?(?:woman|man|defector|refugee|girl|boy|mother"
    r"|father|worker|laborer|labourer|soldier|teenager|student|wife|widow|farmer|miner"
    r"|escapee|national|citizen)\b",
    re.IGNORECASE,
)
_NONE = re.compile(r"(?:none|neither|no\s+one|nobody)\b", re.IGNORECASE)
_WITH_HIM = re.compile(
    r"\s*,?\s*(?:who|that)\s+(?:[\w-]+\s+){0,3}?(?:with|alongside)\s+(?:him|her|them)\b",
    re.IGNORECASE,
)


class Groups:
    """The groups of one report and the resolution of references to them."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.entities: list[Entity] = []
        self.recent: list[Entity] = []  # by last mention, most recent last
        self._before: Entity | None = None  # the salient group before the current clause
        self.prominent: list[Entity] = []  # subjects and groups acted upon, most recent last
        self.in_clause: list[Entity] = []  # the groups named so far in the current clause
        self.lead_end = text.find("\n\n")  # where the first paragraph ends, -1 if it never does

    # --- entities ---------------------------------------------------------------

    def _new(self, ref: Ref, clause: int, parent: Entity | None = None) -> Entity:
        entity = Entity(len(self.entities), ref.count, [ref], ref.head, ref.kind, parent)
        entity.clauses.append(clause)
        if parent is not None:
            parent.children.append(entity)
        self.entities.append(entity)
        self._touch(entity)
        return entity

    def _touch(self, entity: Entity) -> None:
        if entity in self.recent:
            self.recent.remove(entity)
        self.recent.append(entity)

    def _promote(self, entity: Entity) -> None:
        if entity in self.prominent:
            self.prominent.remove(entity)
        self.prominent.append(entity)

    def _live(self) -> list[Entity]:
        return [e for e in reversed(self.recent) if e.alive]

    def _salient(self, *, plural: bool | None = None, acting: bool = True) -> Entity | None:
        """The most recently mentioned group (that has acts, first) of the right number."""
        passes = (True, False) if acting else (False,)
        for needs_acts in passes:
            for entity in self._live():
                if needs_acts and not entity.acts:
                    continue
                if plural is None or entity.plural == plural:
                    return entity
        return None

    def _with_count(self, count: VictimCount) -> Entity | None:
        """The latest group of that count, one acted upon first ("the teenager" is the girl
        arrested, not her mother named since)."""
        fitting = [e for e in self._live() if e.count == count or e.refined == count]
        return next((e for e in fitting if e.acts), None) or next(iter(fitting), None)

    # --- references ------------------------------------------------------------------

    def resolve(self, ref: Ref, clause: int) -> tuple[list[Entity], str] | None:
        """The groups a reference names, and the scope of acts told of it; None when it
        names people in general or people who are not victims."""
        if ref.kind == "generic" or ref.aggregate:
            return None
        if not ref.victim:
            if ref.kind == "partitive" and ref.count is not None:
                parent = self._partitive_parent(ref)
                if parent is not None:
                    parent.not_victims.append(ref.count)
            return None
        handler = getattr(self, f"_resolve_{ref.kind}", None)
        if handler is None:
            return None
        result = handler(ref, clause)
        if result is None:
            return None
        entities, scope = result
        for entity in entities:
            if clause not in entity.clauses:
                entity.clauses.append(clause)
            if ref not in entity.refs:
                entity.refs.append(ref)
            self._touch(entity)
        return entities, scope

    def _named(self, ref: Ref) -> Entity | None:
        for entity in self._live():
            # "a defector surnamed Park" keeps the name as a member of the defector's refs
            if any(r.kind in ("name", "surname") and r.head == ref.head for r in entity.refs):
                return entity
        return None

    def _resolve_name(self, ref: Ref, clause: int) -> tuple[list[Entity], str]:
        """ "Lee Young-hwa": a person, the one named so before if any."""
        known = self._named(ref)
        if known is None:
            # a name given to the one person just told of ("A North Korean woman … Ms. Ri")
            last = next((e for e in reversed(self.prominent) if e.alive), None)
            if (
                last is not None
                and last.count is not None
                and last.count.max == 1
                and not any(r.kind in ("name", "surname") for r in last.refs)
            ):
                known = last
        return ([known], "own") if known is not None else self._resolve_new(ref, clause)

    def _resolve_surname(self, ref: Ref, clause: int) -> tuple[list[Entity], str] | None:
        """ "Lee" alone: the person named so before; "Ri, 29," a person; else no one."""
        known = self._named(ref) or self._called(ref) or self._given_earlier(ref)
        if known is not None:
            return [known], "own"
        if _PERSON_AFTER.match(self.text, ref.end):
            return self._resolve_new(ref, clause)  # "Kim, a 34-year-old mother": told here
        if _AGE_AFTER.match(self.text, ref.end):
            return self._resolve_name(ref, clause)
        return None

    def _called(self, ref: Ref) -> Entity | None:
        """ "a woman surnamed Kang … Kang was sent back": the one person the name was given
        to when first counted."""
        for entity in self._live():
            if entity.count != VictimCount.exactly(1):
                continue
            if any(r.kind == "member" and r.head == ref.head for r in entity.refs):
                return entity
        return None

    def _given_earlier(self, ref: Ref) -> Entity | None:
        """ "a man … whom his colleagues call Ri … Ri was handed over": the one person told
        of nearest before the name was given."""
        for named in re.compile(rf"\b{re.escape(ref.text)}\b").finditer(self.text, 0, ref.start):
            if not _NAMING.search(self.text, max(0, named.start() - 40), named.start()):
                continue
            told = [
                e
                for e in self._live()
                if e.count == VictimCount.exactly(1) and _first_told(e) < named.start()
            ]
            if told:
                return max(told, key=_first_told)
        return None

    def _resolve_new(self, ref: Ref, clause: int) -> tuple[list[Entity], str]:
        lead = self._told_in_lead(ref)
        if lead is not None:
            return [lead], "own"
        entity = self._new(ref, clause)
        entity.companion_of = self._companion(ref)
        return [entity], "own"

    def _told_in_lead(self, ref: Ref) -> Entity | None:
        """ "… and a teenage boy is being held in a separate case. ¶ In the second case, a
        17-year-old boy was picked up …": the case a lead paragraph summed up, told again."""
        lead_end = self.lead_end
        if lead_end < 0 or ref.start < lead_end or ref.head is None:
            return None
        if not _CASE_OPENING.search(self.text, max(0, ref.start - 40), ref.start):
            return None
        for entity in self._live():
            if (
                entity.count == ref.count
                and entity.head == ref.head
                and entity.refs[0].start < lead_end
                and not any(r.start >= lead_end and r.kind == "new" for r in entity.refs)
            ):
                return entity
        return None

    def _companion(self, ref: Ref) -> Entity | None:
        """ "another soldier who fled with him": the group they were with, if acted upon too."""
        if ref.count is None or not _WITH_HIM.match(self.text, ref.end):
            return None
        return next((e for e in reversed(self.prominent) if e.alive and e.count), None)

    def _resolve_additive(self, ref: Ref, clause: int) -> tuple[list[Entity], str]:
        companion = self._companion(ref)
        if companion is not None:
            entity = self._new(ref, clause)
            entity.companion_of = companion
            return [entity], "own"
        # "eighteen others" after "twelve of the 35": a sibling, if the whole still has room
        last = self._salient(acting=False)
        parent = last.parent if last is not None else None
        if parent is not None and parent.count is not None and ref.count is not None:
            used = sum((c.count.min or 0) for c in parent.children if c.count) + (
                ref.count.min or 0
            )
            if parent.count.max is not None and used > parent.count.max:
                parent = None
        return [self._new(ref, clause, parent)], "own"

    def _partitive_parent(self, ref: Ref) -> Entity | None:
        lowered = ref.text.lower()
        if " of the " in lowered or " of those " in lowered:
            tail = lowered.rsplit(" of ", 1)[1]
            number = [w for w in tail.split() if w.isdigit()]
            if number:
                found = self._with_count(VictimCount.exactly(int(number[0])))
                if found is not None:
                    return found
        return self._salient(plural=True, acting=False)

    def _resolve_partitive(self, ref: Ref, clause: int) -> tuple[list[Entity], str]:
        parent = self._partitive_parent(ref)
        return [self._new(ref, clause, parent)], "own"

    def _resolve_complement(self, ref: Ref, clause: int) -> tuple[list[Entity], str]:
        last = self._salient(acting=False)
        if ref.count is None or not ref.plural:
            # "the other", "the rest": the remaining members of the group just spoken of
            group = self._salient(plural=True)
            if group is not None:
                member = self._new(ref, clause, group.top())
                member.member = True
                return [member], "own"
        parent = None
        if last is not None and last.parent is not None:
            parent = last.parent
        elif last is not None and last.count is not None and ref.count is not None:
            parent = last if (last.count.min or 0) > (ref.count.min or 0) else None
        return [self._new(ref, clause, parent)], "own"

    def _resolve_member(self, ref: Ref, clause: int) -> tuple[list[Entity], str] | None:
        for entity in self._live():
            if any(r.start == ref.parent_start for r in entity.refs):
                if entity.count is None:
                    entity.count = ref.count  # "the largest group, 13 people"
                elif (
                    entity.count.max is None
                    and ref.count is not None
                    and (ref.count.min or 0) >= (entity.count.min or 0)
                ):
                    entity.refined = ref.count  # "the family …: a grandmother, her son …"
                elif ref.head in ("north korean", "defector") and entity.head in (
                    "people",
                    "person",
                    None,
                ):
                    entity.refined = ref.count
                return [entity], "own"
        return None

    def _resolve_bare(self, ref: Ref, clause: int) -> tuple[list[Entity], str]:
        last = self._salient(plural=True, acting=False)
        if (
            last is not None
            and last.count is not None
            and ref.count is not None
            and (ref.count.max or 0) < (last.count.min or 0)
        ):
            return [self._new(ref, clause, last)], "own"  # "Five were killed": part of them
        return self._resolve_new(ref, clause)

    def _resolve_definite(self, ref: Ref, clause: int) -> tuple[list[Entity], str]:
        scope = "whole" if ref.universal else "own"
        if ref.restrictive:
            return self._resolve_new(ref, clause)
        if _POSSESSIVE.match(ref.text) and ref.head and ref.count and ref.count.max:
            # "her nine-year-old son": someone new, unless named so before ("his mother")
            for entity in self._live():
                if any(r.head == ref.head and _POSSESSIVE.match(r.text) for r in entity.refs):
                    return [entity], scope
            entity = self._new(ref, clause)
            if ref.head == "companion" or _WITH_BEFORE.search(
                self.text, max(0, ref.start - 12), ref.start
            ):
                # "he and his wife", "soldiers took his companion away": one of a party
                entity.companion_of = next(
                    (e for e in reversed(self.prominent) if e.alive and e is not entity), None
                )
            return [entity], "own"
        if ref.head in _COLLECTIVE:
            # "the whole family": the family named before, not the group spoken of last
            for entity in self._live():
                if any(r.head == ref.head for r in entity.refs if r is not ref):
                    return [entity.top()], scope
        origin = self._same_origin(ref)
        if origin is not None:
            return [origin], scope
        named = self._same_head(ref, clause) if ref.count == VictimCount.exactly(1) else None
        if named is None:
            named = self._relative_in_group(ref, clause)
        if named is not None:
            return [named], "own"
        if ref.count is not None and ref.count.min is not None and ref.count == ref.count:
            if ref.count.max is not None:
                found = self._with_count(ref.count)
                if found is not None:
                    return [found], scope
                merged = self._merge_recent(ref, clause)
                if merged is not None:
                    return [merged], scope
                last = self._salient(plural=True)
                if last is not None and (
                    last.count is None or (last.count.min or 0) > ref.count.max
                ):
                    child = self._new(ref, clause, last)  # "the two wounded survivors"
                    child.member = True
                    return [child], "own"
                return self._resolve_new(ref, clause)
        last = self._salient(plural=ref.plural if ref.count is not None else True)
        if last is None:
            return self._resolve_new(ref, clause)
        return [last], scope

    def _same_origin(self, ref: Ref) -> Entity | None:
        """ "The bride from Kimchaek" after "a woman from Kimchaek": the one named before
        as coming from the same place."""
        origin = _FROM_PLACE.match(self.text, ref.end)
        if origin is None:
            return None
        name = origin.group(1)
        for entity in self._live():
            if ref.count and entity.count and ref.count != entity.count:
                continue  # "the woman from Sinuiju" is none of "two laborers from Sinuiju"
            for r in entity.refs:
                if r is ref:
                    continue
                told = _FROM_PLACE.match(self.text, r.end)
                if told is not None and told.group(1) == name:
                    return entity
        return None

    def _relative_in_group(self, ref: Ref, clause: int) -> Entity | None:
        """ "the mother", "the daughters" after "a woman and her two daughters": one of the
        family named before, not the last person spoken of."""
        implied = _IMPLIED_BY.get(ref.head or "")
        if implied is None:
            return None
        for entity in self._live():
            if entity.count is None or (entity.count.min or 0) < 2:
                continue
            if any(r is not ref and implied.search(r.text) for r in entity.refs):
                child = self._new(ref, clause, entity)
                child.member = True
                return child
        return None

    def _same_head(self, ref: Ref, clause: int) -> Entity | None:
        """ "The woman" after "a teenage boy" and "a woman and her two children": the one
        named with that noun before, not the last person spoken of; a member of her group
        when she was named with others."""
        if ref.head is None:
            return None
        for entity in self._live():
            if not any(r.head == ref.head and r is not ref for r in entity.refs):
                continue
            if entity.count is not None and (entity.count.min or 0) > 1:
                child = self._new(ref, clause, entity)
                child.member = True
                return child
            return entity
        return None

    def _merge_recent(self, ref: Ref, clause: int) -> Entity | None:
        """ "The two" after "a young man … and the man with him": one group of both. A
        person and the companions told with them ("a woman and her two children") come
        first, before the groups spoken of last."""
        assert ref.count is not None
        wanted = ref.count.min or 0
        tops = [e for e in self._live() if e.parent is None and e.count and e.count.max]
        for entity in tops:
            partner = entity.companion_of
            if partner is not None and partner in tops and _size([partner, entity]) == wanted:
                return self._merge([partner, entity], ref, clause)
        for k in (2, 3):
            group = tops[:k]
            if len(group) == k and _size(group) == wanted:
                return self._merge(group, ref, clause)
        return None

    def _merge(self, group: list[Entity], ref: Ref, clause: int) -> Entity:
        merged = self._new(ref, clause)
        for entity in group:
            entity.merged_into = merged
            merged.acts.extend(entity.acts)
            merged.refs.extend(entity.refs)
            merged.clauses.extend(entity.clauses)
            for child in entity.children:
                child.parent = merged
                merged.children.append(child)
        return merged

    def _resolve_universal(self, ref: Ref, clause: int) -> tuple[list[Entity], str] | None:
        if ref.count is not None and ref.count.max is not None:
            found = self._with_count(ref.count)
            if found is not None:
                return [found], "whole"
            tops = [e for e in self._live() if e.parent is None and e.count and e.acts]
            total = 0
            group: list[Entity] = []
            for entity in tops:
                total += entity.count.min or 0 if entity.count else 0
                group.append(entity)
                if total == ref.count.max:
                    return group, "own"
                if total > ref.count.max:
                    break
        last = self._salient()
        if last is None:
            return None  # "all of them" with no one named before: people in general
        top = last.top()
        if ref.count is not None and ref.count.max is not None and _open(top.count, ref.count):
            top.count = ref.count  # "the family … all four": the count the group lacked
        return [top], "whole"

    def _resolve_partial(self, ref: Ref, clause: int) -> tuple[list[Entity], str] | None:
        # "most have already been handed back": some of a group already acted upon
        if _NONE.match(ref.text):
            return None  # "none of the seven were released": nothing was done to anyone
        last = self._salient(plural=True)
        return ([last], "partial") if last is not None and last.acts else None

    def _resolve_pronoun(self, ref: Ref, clause: int) -> tuple[list[Entity], str] | None:
        resolved = self._pronoun(ref)
        if resolved is not None and ref.count is not None and len(resolved[0]) == 1:
            # "he and a companion": the one named before, and the people joined to him
            entity = resolved[0][0]
            own = entity.count.max if entity.count and entity.count.max else None
            alone = 2 if ref.plural else 1
            if own is not None and ref.count.max is not None:
                entity.count = VictimCount.exactly(own + ref.count.max - alone)
        return resolved

    def _pronoun(self, ref: Ref) -> tuple[list[Entity], str] | None:
        gender = _PRONOUN_GENDER.get(ref.text.lower())
        if ref.text.lower() in _POSSESSIVES:
            # "a couple whose deportation followed their arrest": the group just named
            near = next((e for e in reversed(self.in_clause) if e.alive), None)
            if near is not None and near.plural == ref.plural and _agrees(near, gender):
                return [near], "own"
        # a pronoun names the group last spoken of as a subject or acted upon, of its
        # gender ("his deportation" is not his mother's)
        last = next(
            (
                e
                for e in reversed(self.prominent)
                if e.alive and e.plural == ref.plural and _agrees(e, gender)
            ),
            None,
        )
        if last is None and gender is not None:
            last = next(
                (e for e in self._live() if e.plural == ref.plural and _agrees(e, gender)), None
            )
        last = last or self._salient(plural=ref.plural)
        if last is None:
            last = self._salient()
        if last is None:
            return None
        return [last], "whole" if ref.universal else "own"

    def _elaborated_group(
        self,
        ref: Ref,
        facts: ClauseFacts,
        resolved: dict[int, tuple[list[Entity], str] | None],
    ) -> Entity | None:
        """ "opened fire on a group of defectors, killing one woman": the one named after a
        participle is one of the group the clause named before it."""
        if ref.kind not in ("new", "additive") or not ref.victim:
            return None
        before = [h for h in facts.acts if h.end <= ref.start]
        if not before or not before[-1].text.lower().endswith("ing"):
            return None
        if ref.start - before[-1].end > 3:
            return None
        for earlier in facts.refs:
            if earlier.start >= ref.start:
                break
            found = resolved.get(earlier.start)
            if found and len(found[0]) == 1 and found[0][0].plural:
                group = found[0][0]
                if group.count is None or (
                    ref.count is not None and (ref.count.max or 0) < (group.count.min or 0)
                ):
                    return group
        return None

    # --- acts ---------------------------------------------------------------------


def _size(group: list[Entity]) -> int:
    return sum(e.count.max or 0 for e in group if e.count)


def _open(count: VictimCount | None, exact: VictimCount) -> bool:
    """Whether ``count`` leaves room for ``exact`` and is not exact itself ("a family":
    two or more)."""
    if count is None:
        return True
    return count.max is None and (count.min or 0) <= (exact.min or 0)


def _first_told(entity: Entity) -> int:
    return min(r.start for r in entity.refs)
