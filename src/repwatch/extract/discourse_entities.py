"""The entities of the discourse reader: a group of people a report speaks of
(``Entity``) and an act bound to one (``Bound``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from repwatch.extract.acts import ActHit
from repwatch.extract.victims import Ref
from repwatch.model import Act, VictimCount


@dataclass(eq=False)
class Bound:
    """An act trigger bound to a group."""

    hit: ActHit
    clause: int
    scope: str = "own"  # "own", "whole" (all of the group), "partial" (some of it)


@dataclass(eq=False)
class Entity:
    """A group of people the report speaks of."""

    index: int
    count: VictimCount | None
    refs: list[Ref]
    head: str | None = None
    kind: str = "new"
    parent: Entity | None = None
    children: list[Entity] = field(default_factory=list)
    acts: list[Bound] = field(default_factory=list)
    clauses: list[int] = field(default_factory=list)
    merged_into: Entity | None = None
    refined: VictimCount | None = None  # "65 people, among them 63 North Koreans"
    not_victims: list[VictimCount] = field(default_factory=list)  # "two of the 13 were guides"
    member: bool = False  # one of a group, never a case of its own ("the woman")
    like_previous: bool = False
    adopted: bool = False  # a case a summary's count covers
    companion_of: Entity | None = None  # "another soldier who fled with him"

    @property
    def alive(self) -> bool:
        return self.merged_into is None

    @property
    def plural(self) -> bool:
        return self.count is None or self.count.max != 1

    def top(self) -> Entity:
        entity = self
        while entity.parent is not None:
            entity = entity.parent
        return entity

    def descendants(self) -> list[Entity]:
        found = []
        for child in self.children:
            found.append(child)
            found.extend(child.descendants())
        return found

    def has_state_acts(self, *, deep: bool = True) -> bool:
        entities = [self, *self.descendants()] if deep else [self]
        return any(act is not Act.CROSSING for e in entities for b in e.acts for act in b.hit.acts)
