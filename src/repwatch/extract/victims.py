"""Victim references: every phrase of a clause that names people an act may apply to.

``find_refs`` turns the counts of ``quantities.find_quantities`` and the phrases a count
does not cover (pronouns, "the group", "all of them", bare plurals like "defectors")
into references, each with a *kind* that says how it relates to people already named:

- ``new``: a new group ("two laborers", "a defector", "several North Koreans");
- ``additive``: a new group beside earlier ones ("eighteen others", "a further five",
  "another group of 19", "three more");
- ``partitive``: part of an earlier group ("twelve of the North Koreans", "five of them");
- ``complement``: the rest of it ("the other nine");
- ``definite``: a group named before ("the 12", "the man", "the group", "his family");
- ``universal``: all of a group named before ("all of them", "All 19", "the whole group");
- ``partial``: some of a group, never all ("most", "some of them");
- ``pronoun``: "they", "he", "she";
- ``member``: a breakdown of a group ("four men and eight women", "including a child");
- ``generic``: people in general ("defectors", "those who", "anyone") or a tally
  ("over 8,000"): acts told of them are not a case.

``victim`` is False for helpers, officials, brokers, traffickers and foreigners: the
people counted are not North Koreans acted upon.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from repwatch.extract.phrases import (
    AGGREGATE_MIN,
    FINDERS,
    FOREIGN,
    NORTH_KOREAN,
    NOT_VICTIMS,
    RESTRICTIVE,
    SPEAKS,
    Ref,
    fields_of,
    word_before,
)
from repwatch.extract.quantities import Quantity, combine_counts
from repwatch.model import VictimCount

PRODUCER = "quantities.v1"


# After a count: who these people are, when they are not victims.
# (Not past a subject of its own: "five North Koreans he was helping" are the helped.)
_NOT_VICTIM_AFTER = re.compile(
    r"^[\s,]*(?:(?!(?:he|she|they|we|i|police|activists?)\b)\S+\s+){0,5}?"
    r"(?:who\s+(?:are|were|was|is|had\s+been)\s+)?(?:suspected|accused"
    r"|helping|assisting|(?<!about\s)(?<!asked\s)who\s+helped|working\s+as|posing\s+as)",
    re.IGNORECASE,
)

# Later in the clause: what these people turned out to be.
_NOT_VICTIM_PREDICATE = re.compile(
    r"\b(?:turned\s+out\s+to\s+be|(?:are|were|was|is)(?:\s+(?:[A-Z][\w-]*|ethnic|local|also"
    r"|all|both|actually|professional|former|paid))*)\s+(?:guides?|brokers?|informants?|citizens"
    r"|nationals|helpers|activists|smugglers|traffickers|agents|spies)\b"
)

# Before a count: it names what someone is, not who someone is ("confirmed to be a
# North Korean", "posing as a brother and sister").
# "they were seven", "as a defector": a count that says what someone is; not after "there"
# or a place fronted before the verb ("Inside were seven DPRK nationals")
_PREDICATIVE = re.compile(
    r"(?<!there\s)(?<!inside\s)(?<!aboard\s)(?<!board\s)(?<!them\s)(?<!these\s)"
    r"\b(?:to\s+be|being|as|be|was|were|is|are|became|become|becomes)\s*$",
    re.IGNORECASE,
)

_ADDITIVE_BEFORE = frozenset("another further second third fourth separate additional".split())

_ADDITIVE_AFTER = re.compile(r"^\s+(?:more|others?|additional)\b", re.IGNORECASE)

_DEFINITE_BEFORE = frozenset("the these those all".split())

_UNIVERSAL = re.compile(r"\b(?:all|whole|entire|every\s+one|each\s+of)\b", re.IGNORECASE)

# "twelve of the North Koreans", "five of them", "two of the 13" (not "a group of seven").
_PARTITIVE = re.compile(
    r"^(?!(?:an?|the|one|another)\s+(?:\w+\s+)?(?:group|family|party|household)\b)"
    r".*?\bof\s+(?:them|the|those|these|us|whom|their)\b",
    re.IGNORECASE,
)

_AGE_BEFORE = re.compile(
    r"(?:\b(?:aged?|ages)\s+(?:between\s+|from\s+|of\s+|about\s+|around\s+)?(?:\d+\s+and\s+)?"
    r"|\b(?:girl|boy|child|son|daughter|man|woman)\s+of\s+(?:about\s+|around\s+)?)$",
    re.IGNORECASE,
)

_NONE_OF = re.compile(r"\b(?:none|neither|nobody|no\s+one)\s+of\s+(?:the\s+)?$", re.IGNORECASE)

_CONDITIONAL = re.compile(r"\b(?:if|unless|whenever|when)\s*$", re.IGNORECASE)

# Between two counts of one group: "and", after an optional "from Sinuiju" or the like.
_COORDINATION = re.compile(
    r"(?:\s+(?:from|of|in)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s*){1,3})?\s*,?\s+and\s+"
    r"(?:(?:his|her|their)\s+)?"
)

_NAMED = re.compile(
    r"\b(?:named|surnamed|called|identified\s+(?:only\s+)?as|family\s+name|known\s+as)\s+$",
    re.IGNORECASE,
)

_OWNED = re.compile(r"(?:his|her|their)\s", re.IGNORECASE)


def _part_of(part: VictimCount | None, whole: VictimCount) -> bool:
    """Whether a count can be (all or part of) another: "seven …, two families and …"."""
    if part is None:
        return False
    return whole.max is None or (part.min or 0) <= whole.max


def _pronoun_count(ref: Ref) -> VictimCount:
    """The count a pronoun stands for: one ("he") or two or more ("they")."""
    return VictimCount(min=2, max=None) if ref.plural else VictimCount.exactly(1)


_OTHER_PART = re.compile(r",\s*(?:\S+\s+){1,2}of\s+(?:whom|them|which)\b", re.IGNORECASE)
_COMPLEMENT_BEFORE = frozenset(["other", "remaining"])
_APPOSITION = re.compile(
    r"\s*(?:on\s+board|aboard|in\s+all|in\s+total|altogether)?\s*(?:,|--|—|–|\(|:)\s*"
)

# "the family we asked you to pray for: a grandmother, her son …": the group, then who
# its people are after a colon or a dash that ends its clause
_ELABORATION = re.compile(r"[^.;:!?\n]{0,80}(?::|\s--|\s—|\s–)\s*")

_INCLUDING = re.compile(
    r"(?:[,(–—-]\s*(?:(?:which|who|that)\s+)?(?:included|includes|include|including|among\s+them"
    r"|among\s+whom|such\s+as|of\s+whom)|\b(?:which|who|that)\s+(?:included|includes))"
    r"\s+(?:at\s+least\s+|some\s+|about\s+)?$",
    re.IGNORECASE,
)


def find_refs(text: str, start: int, end: int, quantities: list[Quantity]) -> list[Ref]:
    """The victim references of the clause ``text[start:end]``, left to right.

    ``quantities`` are the counts found in the whole text; those inside the clause are used.
    """
    return find_refs_in(text, [(start, end)], quantities)[0]


def find_refs_in(
    text: str, spans: Sequence[tuple[int, int]], quantities: Sequence[Quantity]
) -> list[list[Ref]]:
    """The references of each clause of ``spans`` (in text order); the text is scanned once."""
    if not spans:
        return []
    starts = [start for start, _ in spans]

    def clause_of(start: int, end: int) -> int | None:
        index = bisect_right(starts, start) - 1
        return index if index >= 0 and end <= spans[index][1] else None

    counted: list[list[Ref]] = [[] for _ in spans]
    for q in quantities:
        index = clause_of(q.start, q.start)
        if _AGE_BEFORE.search(text, max(0, q.start - 30), q.start):
            continue  # "aged between 15 and 23", "a girl of about ten": ages
        if index is not None:
            counted[index].append(_from_quantity(text, q, spans[index][1]))
    others: list[list[Ref]] = [[] for _ in spans]
    lo, hi = spans[0][0], spans[-1][1]
    for finder in FINDERS:
        for ref in finder(text, lo, hi):
            index = clause_of(ref.start, ref.end)
            if index is not None:
                others[index].append(ref)
    universal = [False] * len(spans)
    for match in _UNIVERSAL.finditer(text, lo, hi):
        index = clause_of(match.start(), match.start())
        if index is not None:
            universal[index] = True
    return [
        _clause_refs(text, refs, extra, flag)
        for refs, extra, flag in zip(counted, others, universal, strict=True)
    ]


def _clause_refs(text: str, refs: list[Ref], extra: list[Ref], universal: bool) -> list[Ref]:
    covered = [(r.start, r.end) for r in refs]
    for ref in extra:  # in the order of FINDERS: the first to claim a phrase keeps it
        if not any(a < ref.end and ref.start < b for a, b in covered):
            refs.append(ref)
            covered.append((ref.start, ref.end))
    refs = sorted(refs, key=lambda r: r.start)
    # "the other nine": the count names them, not "the other" alone
    refs = [
        r
        for i, r in enumerate(refs)
        if not (
            r.kind == "complement"
            and r.head == "other"
            and i + 1 < len(refs)
            and refs[i + 1].start - r.end <= 2
        )
    ]
    # "three of them teenagers": a bare plural right after a count describes it
    refs = [
        r
        for i, r in enumerate(refs)
        if not (r.kind == "generic" and i and 0 <= r.start - refs[i - 1].end <= 2)
    ]
    refs = [_mark_universal(r, universal) for r in refs]
    return _mark_included(text, _join_coordinated(text, refs))


def _from_quantity(text: str, q: Quantity, clause_end: int) -> Ref:
    before = word_before(text, q.start)
    after = text[q.end : clause_end]
    lowered = q.text.lower()
    if lowered.startswith("another"):
        before = "another"  # "another soldier": one more, beside those named before
    plural = not (q.kind == "singular" or (q.count.max == 1 and q.count.min == 1))
    victim = _is_victim(text, q, after)
    if _NONE_OF.search(text, max(0, q.start - 16), q.start):
        kind = "generic"  # "none of the seven were released": no one it was done to
    elif q.breakdown_of is not None:
        kind = "member"
    elif (q.count.min or 0) >= AGGREGATE_MIN or _PREDICATIVE.search(
        text, max(0, q.start - 20), q.start
    ):
        kind = "generic"
    elif before in _ADDITIVE_BEFORE or _ADDITIVE_AFTER.match(after) or q.head == "others":
        kind = "complement" if before in _COMPLEMENT_BEFORE else "additive"
    elif before in _COMPLEMENT_BEFORE:
        kind = "complement"  # "the other nine", "the remaining three"
    elif _PARTITIVE.search(q.text):
        kind = "partial" if q.kind == "vague" else "partitive"
    elif _CONDITIONAL.search(text, max(0, q.start - 12), q.start):
        kind = "generic"  # "if a family of four is caught": no one in particular
    elif re.match(r"(?:the|this|that|both)\s", lowered) or before in _DEFINITE_BEFORE:
        kind = "universal" if before == "all" or lowered.startswith("all ") else "definite"
    elif re.match(r"(?:his|her|their)\s", lowered) or re.match(r"[A-Z]\w*['’]s\s", q.text):
        kind = "definite"
    elif q.head is None and q.kind in ("number", "approx", "lower_bound"):
        kind = "bare"
    else:
        kind = "new"
    return Ref(
        start=q.start,
        end=q.end,
        text=q.text,
        kind=kind,
        count=q.count,
        head=q.head,
        plural=plural,
        victim=victim,
        restrictive=bool(RESTRICTIVE.match(after)) and kind == "definite" and not plural,
        parent_start=q.breakdown_of,
    )


def _is_victim(text: str, q: Quantity, after: str) -> bool:
    if q.head in NOT_VICTIMS or SPEAKS.match(after):
        return False  # a helper or official, or a speaker ("her sister in Seoul said")
    if FOREIGN.search(q.text) and not NORTH_KOREAN.search(q.text):
        return False
    own = _OTHER_PART.split(after, maxsplit=1)[0]  # "…, two of whom were guides": theirs
    return not (_NOT_VICTIM_AFTER.match(own) or _NOT_VICTIM_PREDICATE.search(own))


def _join_coordinated(text: str, refs: list[Ref]) -> list[Ref]:
    """ "two laborers … and a woman": counts joined by "and" name one group."""
    joined: list[Ref] = []
    for ref in _join_listed(text, refs):
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.kind == "definite"
            and last.count is None
            and ref.kind == "definite"
            and _COORDINATION.fullmatch(text, last.end, ref.start)
        ):
            # "the parents and their six-year-old daughter": the family named before
            joined[-1] = Ref(
                **{**fields_of(last), "end": ref.end, "text": text[last.start : ref.end]}
            )
            continue
        if (
            last is not None
            and last.kind in ("new", "definite", "pronoun")
            and (ref.kind in ("new", "bare") or _OWNED.match(ref.text))
            and last.victim
            and ref.victim
            and (last.count is not None or last.kind == "pronoun")
            and ref.count is not None
            and _COORDINATION.fullmatch(text, last.end, ref.start)
        ):
            # "a woman of Hoeryong and her two children", "he and a companion"
            first = last.count if last.count is not None else _pronoun_count(last)
            count = combine_counts([first, ref.count])
            joined[-1] = Ref(
                start=last.start,
                end=ref.end,
                text=text[last.start : ref.end],
                kind=last.kind,
                count=count,
                head=last.head,
                plural=last.plural if last.kind == "pronoun" else True,  # "he" names one
                victim=True,
            )
            continue
        joined.append(ref)
    return joined


def _join_listed(text: str, refs: list[Ref]) -> list[Ref]:
    """ "nine women, three men and two children": counted people listed with commas before
    a last "and" are one group (the last pair is joined by ``_join_coordinated``)."""
    joined: list[Ref] = []
    for ref in refs:
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.kind in ("new", "bare")
            and ref.kind in ("new", "bare")
            and last.victim
            and ref.victim
            and last.count is not None
            and ref.count is not None
            and last.head is not None
            and ref.head is not None
            and _LISTED.fullmatch(text, last.end, ref.start)
            and any(
                _COORDINATION.fullmatch(text, ref.end, r.start) for r in refs if r.start > ref.end
            )
        ):
            count = combine_counts([last.count, ref.count])
            joined[-1] = Ref(
                **{
                    **fields_of(last),
                    "end": ref.end,
                    "text": text[last.start : ref.end],
                    "count": count,
                }
            )
            continue
        joined.append(ref)
    return joined


_LISTED = re.compile(r"\s*,\s*")


def _mark_included(text: str, refs: list[Ref]) -> list[Ref]:
    """ "five people helping them, including a former defector": the second is one of the
    first, not a group of its own."""
    marked: list[Ref] = []
    for ref in refs:
        if (
            marked
            and ref.kind in ("new", "bare", "definite", "partitive")
            and marked[-1].kind in ("new", "definite", "name", "surname", "partitive")
            and (marked[-1].count is None or _part_of(ref.count, marked[-1].count))
            and _APPOSITION.fullmatch(text, marked[-1].end, ref.start)
        ):
            # "the largest group, 13 people, …": the count of the group just named
            ref = Ref(**{**fields_of(ref), "kind": "member", "parent_start": marked[-1].start})
        elif (
            marked
            and ref.kind in ("new", "bare")
            and marked[-1].kind == "definite"
            and marked[-1].head in ("family", "group", "household")
            and _part_of(ref.count, marked[-1].count or VictimCount(min=1))
            and _ELABORATION.fullmatch(text, marked[-1].end, ref.start)
        ):
            ref = Ref(**{**fields_of(ref), "kind": "member", "parent_start": marked[-1].start})
        elif (
            marked
            and ref.kind in ("name", "surname")
            and _NAMED.search(text, marked[-1].end, ref.start)
        ):
            # "a woman named Pak": the name of the one just counted
            ref = Ref(**{**fields_of(ref), "kind": "member", "parent_start": marked[-1].start})
        elif marked and ref.kind != "member" and _INCLUDING.search(text, marked[-1].end, ref.start):
            parent = marked[-1]
            while parent.kind == "member" and parent.parent_start is not None:
                parent = next((r for r in marked if r.start == parent.parent_start), parent)
                if parent.kind == "member":
                    break
            ref = Ref(**{**fields_of(ref), "kind": "member", "parent_start": parent.start})
        marked.append(ref)
    return marked


def _mark_universal(ref: Ref, universal: bool) -> Ref:
    if universal and ref.kind in ("definite", "pronoun") and ref.plural:
        return Ref(**{**fields_of(ref), "universal": True})
    return ref
