"""An incident's fields from the mentions that back it, and how well it is corroborated.

Independence. Reports are grouped into *original sources*: two reports are one
source when their texts are near-duplicates (a republished wire story) or when
one publisher issued both (its follow-ups draw on the same informants). A value's
support is the number of original sources that state it, not of reports.

For each field the value with the most support wins; ties go to the more
specific value (a resolved place over an unresolved one, a day over a month, an
exact count over a range), then to the value stated first. A field is in
conflict when values from different original sources cannot both be true
(``values.compatible``): 12 vs 13 people is a conflict, "about 12" (11-13) vs 13
is not. Fields an analyst set (``fixed``) win always, with "analyst" first among
their supporters; their conflict flag still tells whether the reports disagree.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from repwatch.link.duplicates import near_duplicate_shingles, shingles
from repwatch.link.values import FIELDS, compatible, fixed_value, key_of, specificity, values_of
from repwatch.model import Mention

ANALYST = "analyst"
_NOTHING_FIXED: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True)
class Backing:
    """One mention behind an incident, with what the reconciler needs of its report."""

    mention: Mention
    report_id: str
    publisher: str | None
    text: str


@dataclass(frozen=True)
class FieldValue:
    """One value of a field and the reports (or "analyst") that state it."""

    value: Any
    supporters: tuple[str, ...]


@dataclass(frozen=True)
class ReconciledField:
    """A field's chosen value; ``support`` counts original sources (the analyst counting
    as one); ``alternatives`` lists every value stated, the chosen one first."""

    name: str
    value: Any
    support: int
    alternatives: tuple[FieldValue, ...]
    conflict: bool
    fixed: bool = False  # set by an analyst


@dataclass(frozen=True)
class Corroboration:
    """Distinct reports, publishers (a report without one counts as its own) and
    original sources behind an incident."""

    reports: int
    publishers: int
    original_sources: int


@dataclass(frozen=True)
class Reconciled:
    fields: Mapping[str, ReconciledField]
    corroboration: Corroboration
    report_ids: tuple[str, ...] = ()
    mention_ids: tuple[int, ...] = field(default=())


@dataclass
class _Group:
    value: Any
    first: int
    supporters: list[str]
    sources: set[int]


def reconcile(
    backing: Sequence[Backing], *, fixed: Mapping[str, Any] = _NOTHING_FIXED
) -> Reconciled:
    """Reconcile the mentions behind one incident (see the module docstring)."""
    analyst = {name: fixed_value(name, value) for name, value in fixed.items()}
    sources = original_sources(backing)
    fields = {}
    for name in FIELDS:
        groups = _groups(name, backing, sources)
        if name in analyst:
            fields[name] = _fixed_field(name, analyst[name], groups)
        else:
            fields[name] = _chosen_field(name, groups)
    report_ids = tuple(dict.fromkeys(b.report_id for b in backing))
    mention_ids = tuple(dict.fromkeys(b.mention.id for b in backing if b.mention.id is not None))
    return Reconciled(
        fields=MappingProxyType(fields),
        corroboration=_corroboration(backing, sources),
        report_ids=report_ids,
        mention_ids=mention_ids,
    )


def original_sources(backing: Sequence[Backing]) -> list[int]:
    """For each backing, the index of its original source (0, 1, …)."""
    parent = list(range(len(backing)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    fingerprints = [shingles(b.text) for b in backing]
    publishers = [_publisher(b) for b in backing]
    for j in range(len(backing)):
        for i in range(j):
            if root(i) == root(j):
                continue
            one = backing[i].report_id == backing[j].report_id or (
                publishers[i] is not None and publishers[i] == publishers[j]
            )
            if one or near_duplicate_shingles(fingerprints[i], fingerprints[j]):
                parent[root(j)] = root(i)
    roots = [root(i) for i in range(len(backing))]
    numbering = {r: n for n, r in enumerate(dict.fromkeys(roots))}
    return [numbering[r] for r in roots]


def _publisher(backing: Backing) -> str | None:
    name = " ".join((backing.publisher or "").casefold().split())
    return name or None


def _corroboration(backing: Sequence[Backing], sources: list[int]) -> Corroboration:
    reports = {b.report_id for b in backing}
    named = {p for b in backing if (p := _publisher(b)) is not None}
    unnamed = {b.report_id for b in backing if _publisher(b) is None}
    publishers = len(named) + len(unnamed)
    return Corroboration(len(reports), publishers, original_sources=len(set(sources)))


def _groups(name: str, backing: Sequence[Backing], sources: list[int]) -> list[_Group]:
    """The distinct values of one field, best supported first."""
    groups: dict[Any, _Group] = {}
    for i, item in enumerate(backing):
        value = values_of(item.mention)[name]
        if value is None:
            continue
        group = groups.setdefault(key_of(name, value), _Group(value, i, [], set()))
        if item.report_id not in group.supporters:
            group.supporters.append(item.report_id)
        group.sources.add(sources[i])
    return sorted(
        groups.values(),
        key=lambda g: (-len(g.sources), tuple(-s for s in specificity(name, g.value)), g.first),
    )


def _conflict(name: str, groups: list[_Group]) -> bool:
    return any(
        len(a.sources | b.sources) >= 2 and not compatible(name, a.value, b.value)
        for i, a in enumerate(groups)
        for b in groups[i + 1 :]
    )


def _chosen_field(name: str, groups: list[_Group]) -> ReconciledField:
    if not groups:
        return ReconciledField(name, None, 0, (), False)
    return ReconciledField(
        name=name,
        value=groups[0].value,
        support=len(groups[0].sources),
        alternatives=tuple(FieldValue(g.value, tuple(g.supporters)) for g in groups),
        conflict=_conflict(name, groups),
    )


def _fixed_field(name: str, value: Any, groups: list[_Group]) -> ReconciledField:
    key = key_of(name, value) if value is not None else None
    agreeing = [g for g in groups if key is not None and key_of(name, g.value) == key]
    others = [g for g in groups if g not in agreeing]
    supporters = (ANALYST, *(r for g in agreeing for r in g.supporters))
    sources = {s for g in agreeing for s in g.sources}
    return ReconciledField(
        name=name,
        value=value,
        support=1 + len(sources),
        alternatives=(
            FieldValue(value, supporters),
            *(FieldValue(g.value, tuple(g.supporters)) for g in others),
        ),
        conflict=_conflict(name, groups),
        fixed=True,
    )
