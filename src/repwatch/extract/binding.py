"""Binding a trigger to the people it applies to, by its voice.

A passive trigger ("were caught") applies to the subject before it; an active one
("caught twelve") to the object after it, or to the subject when it has none ("handed
back to the North"); a noun ("the arrest of two") to the people after "of". These are
rough rules without a parser: object pronouns and nouns after a preposition are never
subjects, and a participle right after a count describes it ("five detained in Tumen").
"""

from __future__ import annotations

import re
from dataclasses import replace

from repwatch.extract.acts import ActHit
from repwatch.extract.lexicon import VERB_LIKE
from repwatch.extract.reading import ClauseFacts
from repwatch.extract.victims import Ref
from repwatch.model import Modality

# How far (characters) an active trigger's object may be from it.
OBJECT_REACH = 60
# Words right after an active trigger that start an object which names no one we track.
_OBJECT_START = frozenset("a an the his her their its some this that these those".split())
# Words right after an active trigger that show it has no object ("handed back to").
_NO_OBJECT = frozenset(
    """to in at on for from across over back into by with after before until later soon
    then and but near off up down as when while within overnight again home early late
    last this on""".split()
)


def reduced_relative(text: str, hit: ActHit, facts: ClauseFacts) -> ActHit:
    """ "a family of five detained in Tumen": a participle right after the people it
    describes is passive and tells what happened, whatever the clause around it urges."""
    if hit.voice != "active" or not hit.text.lower().endswith(("ed", "en", "ught")):
        return hit
    if not any(0 <= hit.start - r.end <= 1 and r.kind in ("new", "additive") for r in facts.refs):
        return hit
    if has_object(text, hit):
        return hit
    return replace(hit, voice="passive", modality=Modality.OCCURRED, habitual=False)


def subject_of(text: str, facts: ClauseFacts) -> Ref | None:
    """The reference before the clause's first verb: its subject, most likely."""
    for ref in facts.refs:
        if ref.kind == "member" or _ACCORDING.search(text, max(0, ref.start - 16), ref.start):
            continue  # "According to the mother, the teenager was held …": a source
        if VERB_LIKE.search(text, facts.clause.start, ref.start):
            return None
        return ref
    return None


_ACCORDING = re.compile(r"\baccording\s+to\s+$", re.IGNORECASE)


_PREPOSITION_MODIFIED = re.compile(
    r"\b(?:with|to|for|from|by|at|in|on|into|among|about|against)\s+"
    r"(?:(?!(?:which|whom|who|that)\b)[\w-]+\s+){1,2}$",
    re.IGNORECASE,
)
_SPELL_BEFORE = re.compile(
    r"\b(?:after|during|following)\s+(?:a|an|the|\w+)\s+(?:day|week|month|year)s?\s+of\s+$",
    re.IGNORECASE,
)
_SPELL_WORDS = frozenset("day days week weeks night nights month months".split())
_OBJECT_PRONOUNS = frozenset(["them", "him", "her"])
_WHOSE = re.compile(r"\s*,?\s+whose\s+(?:[\w-]+\s+)?", re.IGNORECASE)
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:with|to|for|from|by|at|in|on|into|among|about|against|helping|assisting"
    r"|including)\s*$",
    re.IGNORECASE,
)


def _object_position(text: str, ref: Ref) -> bool:
    if ref.kind == "pronoun" and ref.text.lower() in _OBJECT_PRONOUNS:
        return True
    if _ABOARD.search(text, max(0, ref.start - 40), ref.start):
        return False  # "a boat with seven North Koreans … was seized": the people aboard
    if ref.kind == "generic" and _PREPOSITION_MODIFIED.search(
        text, max(0, ref.start - 40), ref.start
    ):
        return True  # "who was sold to Chinese men": the men are no subject
    return bool(_PREPOSITION_BEFORE.search(text, max(0, ref.start - 20), ref.start))


_ABOARD = re.compile(
    r"\b(?:boat|vessel|ship|raft|bus|car|van|truck|train|vehicle)\s+(?:with|carrying)\s+$",
    re.IGNORECASE,
)


_AUX_BEFORE = re.compile(r"\b(?:was|were|been|being|be|is|are|get|got)\s*$", re.IGNORECASE)


def choose_ref(text: str, hit: ActHit, facts: ClauseFacts) -> Ref | None:
    """The reference naming the people a trigger applies to, by the trigger's voice."""
    refs = [r for r in facts.refs if r.kind != "member"]
    left = [r for r in refs if r.end <= hit.start]
    inside = [r for r in refs if r.start >= hit.start and r.end <= hit.end]
    right = inside + [r for r in refs if r.start >= hit.end and r.start - hit.end <= OBJECT_REACH]
    if hit.voice == "nominal":
        after_of = [r for r in right if r.start - hit.end <= 8]
        if after_of:
            return after_of[0]
        if hit.modality is Modality.EXPECTED and left:
            return left[-1]  # "they are likely to face heavy punishment"
        spell = _SPELL_BEFORE.search(text, max(facts.clause.start, hit.start - 30), hit.start)
        if spell or hit.text.split()[0].lower() in _SPELL_WORDS or hit.text.endswith("custody"):
            # "after two days at a border post they were handed back": the clause's people
            return next((r for r in refs if not _object_position(text, r)), None)
        before = [r for r in left if hit.start - r.end <= 2 and r.kind == "pronoun"]
        if before:
            return before[-1]
        if left and _WHOSE.fullmatch(text, left[-1].end, hit.start):
            return left[-1]  # "a couple whose deportation … followed their arrest"
        return None
    if hit.voice == "passive" and left and 0 <= hit.start - left[-1].end <= 1:
        # "concerned about 29 North Koreans detained in Vietnam": a participle right after
        # the people it describes, wherever they stand in the clause
        if left[-1].kind in ("new", "additive", "definite") and not _AUX_BEFORE.search(
            text, max(0, hit.start - 12), hit.start
        ):
            return left[-1]
    if right and hit.voice not in ("passive", "left") and not _intransitive(text, hit, right[0]):
        return right[0]
    if left and hit.text.lower().endswith("ing") and hit.start - left[-1].end <= 2:
        return left[-1]  # "a group of defectors crossing the Yalu": the noun it follows
    if hit.voice in ("passive", "left") or not has_object(text, hit):
        # the subject: not an object pronoun, nor a noun after a preposition, nor a noun
        # of a relative clause set off between the subject and its verb
        asides = _asides(text, facts.clause.start, hit.start, left)
        subjects = [
            r
            for r in left
            if not _object_position(text, r) and not any(a <= r.start < b for a, b in asides)
        ]
        if subjects and _of_another(text, subjects[-1], hit):
            return None
        if len(subjects) >= 2 and _APPOSED.fullmatch(text, subjects[-2].end, subjects[-1].start):
            return subjects[-2]  # "The men, timber workers in their thirties, had been …"
        return subjects[-1] if subjects else None
    return None


# "by an ethnic Korean farmer, who was fined and released": a relative clause told of
# someone named after the people, in a phrase of its own
_WHO = re.compile(r",?\s+who\s+(?:[\w-]+\s+){0,4}$", re.IGNORECASE)
_OTHER_PHRASE = re.compile(
    r"\b(?:by|to|with|for|from|of)\s+(?:an?|the|his|her|their|its|one)\s+", re.IGNORECASE
)


def _of_another(text: str, ref: Ref, hit: ActHit) -> bool:
    who = _WHO.search(text, ref.end, hit.start)
    return who is not None and bool(_OTHER_PHRASE.search(text, ref.end, who.start()))


# Between a noun and another set beside it to say who they are: "The men, timber workers"
_APPOSED = re.compile(r"\s*,\s*(?:\w+\s+){0,3}?")
# ", whom his colleagues call Ri,": a relative clause set off by commas, or any aside set
# off by dashes
_ASIDE = re.compile(
    r",\s*(?:who|whom|whose)\b[^,;:.]*,"
    # "The boy, a kotjebi -- one of the homeless children who wander … --, was …"
    r"|\s(?:--|—|–)\s[^;:.]*?\s(?:--|—|–)\s",
    re.IGNORECASE,
)


def _asides(text: str, start: int, end: int, refs: list[Ref]) -> list[tuple[int, int]]:
    """Asides about people named before them ("The boy, a kotjebi -- one of …--"); dashes
    after a dateline ("(Yonhap) -- Four North Koreans -- a woman …") set off no aside."""
    return [
        (m.start(), m.end())
        for m in _ASIDE.finditer(text, start, end)
        if any(r.end <= m.start() for r in refs)
    ]


# Words that, right after an active verb, show it takes no object before them.
_NO_OBJECT_BEFORE = frozenset("in at on near while during when as off".split())


def _intransitive(text: str, hit: ActHit, ref: Ref) -> bool:
    """ "drowned in the Tumen while trying to cross to join his mother": the verb is told
    of its subject; the people after a preposition are no object of it."""
    following = text[hit.end : ref.start].split()
    return bool(following) and following[0].lower() in _NO_OBJECT_BEFORE


def has_object(text: str, hit: ActHit) -> bool:
    """Whether an active trigger is followed by an object that names no one we track."""
    if hit.text.split()[-1].lower() in ("back", "over", "up", "down", "off"):
        return False
    following = text[hit.end : hit.end + 30].split()
    if not following:
        return False
    word = following[0].lower().strip(",.;:\"'”’")
    if word in _OBJECT_START:
        return True
    return word.isalpha() and word not in _NO_OBJECT
