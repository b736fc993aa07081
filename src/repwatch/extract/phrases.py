"""Phrases that name people without a number: names, pronouns, "the group", "all of
them", "another soldier", "most", and bare plurals ("defectors") that name people in
general; and ``Ref``, the reference every finder of ``victims`` returns.

Scope: English news and NGO prose of the genre; the patterns are data, each with a
comment on what it finds. Scans use ``lexicon.scan`` (fast, case-insensitive).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from repwatch.extract.quantities import SINGULAR_NOUNS, lemma
from repwatch.extract.scanning import lowered, scan, stems
from repwatch.model import VictimCount

AGGREGATE_MIN = 1000  # a count this large is a tally, not one case

# Phrases a count does not cover.
_PRONOUN = re.compile(
    r"\b(?:they|them|he|him|she)\b|\bher\b(?=\s*(?:[^\w\s]|$|to\b|into\b"
    r"|back\b|over\b|and\b|at\b|in\b|for\b|from\b|across\b|before\b"
    r"|after\b|with\b|by\b|only\b|away\b|home\b))"
    # whose act a noun names: "their repatriation took place", "his deportation came",
    # and whose body was found
    r"|\b(?:their|his|her)\b(?=\s+(?:[\w-]+\s+)?(?:arrest|capture|detention|deportation"
    r"|repatriation|return|expulsion|interrogation|questioning|execution|release|handover"
    r"|hand-over|refoulement|body|bodies|remains|corpses?)\b)",
    re.IGNORECASE,
)

_PERSON_PLURAL = (
    r"(?:North\s+Koreans?(?!\s+(?:border|guards?|soldiers|authorities|security|officials?"
    r"|agents?|side|government|regime|police|state|army|officers?|leader|analyst|embassy"
    r"|consulate|diplomats?|mission|ministry|media|bank|riverbank|shore|town|city|territory"
    r"|consul|counterparts?))"
    r"|defectors|refugees|escapees|crossers|migrants|women|men|children"
    r"|people(?!['’]s\b)|persons|detainees|families|laborers|labourers|workers|loggers|teenagers"
    r"|survivors|victims|captives|prisoners|brothers(?!\s+and\s+sisters)|sons|daughters"
    r"|boys|girls)"
)

_GROUP_NOUN = rf"(?:{_PERSON_PLURAL}|group|groups|family|pair|couple|parents|siblings)"

_DEFINITE_NP = re.compile(
    rf"\b(?P<det>the|these|those|this)\s+"
    rf"(?P<mods>(?:(?!(?:the|a|an|this|that|these|those|who|which|whom|of)\b)[\w-]+\s+){{0,3}}?)"
    rf"(?P<head>{_GROUP_NOUN})\b",
    re.IGNORECASE,
)

# "The other turned back", "the rest were caught": the remaining members of a group.
# Korean surnames in the romanisations of the genre, for names of people.
_SURNAMES = (
    "Kim|Lee|Ri|Yi|Park|Pak|Choi|Choe|Jung|Jong|Jang|Chang|Kang|Cho|Jo|Yoon|Yun|Lim|Rim|Im|Han"
    "|Shin|Sin|Oh|Seo|Kwon|Hwang|Ahn|Song|Ryu|Yu|Hong|Jeon|Jon|Chon|Ko|Moon|Mun|Son|Yang"
    "|Ryang|Bae|Baek|Paek|Nam|Noh|Kwak|Sung|Cha|Joo|Ju|Koo|Ku|Min|Jin|Chin|Chae|Pyo|Byun"
    "|Pyon|Chung|Kil|Hyon|Hyun"
)

_NAME = re.compile(
    r"\b(?:(?:Mr|Mrs|Ms|Miss|Madam)\.?\s+(?P<titled>[A-Z][a-z]+)(?:[\s-][A-Z]?[a-z]+){0,2}"
    rf"|(?P<surname>{_SURNAMES})(?:\s+(?P<given>[A-Z][a-z]+(?:-[a-z]+|\s+[A-Z][a-z]+)?))?)\b"
    r"(?!['’]s\b)"
)

# Leaders and officials whose names are no victims'.
_LEADER = re.compile(
    r"Kim\s+(?:Jong[\s-]?[Uu]n|Jong[\s-]?[Ii]l|Il[\s-]?[Ss]ung|Yo[\s-]?[Jj]ong|Dae[\s-]?jung)"
    r"|Park\s+Geun[\s-]?hye|Moon\s+Jae[\s-]?in|Lee\s+Myung[\s-]?bak|Roh\s+Moo[\s-]?hyun"
    r"|Ri\s+Sol[\s-]?[Jj]u|Jang\s+Song[\s-]?[Tt]haek|Choe\s+Ryong[\s-]?[Hh]ae"
    r"|Yoon\s+Suk[\s-]?[Yy]eol|Ban\s+Ki[\s-]?moon"
)

_COMPANION = re.compile(
    r"\b(?P<det>a|an|the|his|her|their|another)\s+(?:[\w-]+\s+)?"
    r"(?P<noun>companions?|friends?|colleagues?|fellow\s+\w+)\b",
    re.IGNORECASE,
)
_GROUP_OF = re.compile(
    rf"\ba\s+(?:[\w-]+\s+)?(?:group|party|band|number)\s+of\s+(?:[\w-]+\s+)?{_PERSON_PLURAL}\b",
    re.IGNORECASE,
)

_MY_RELATIVE = re.compile(
    r"\b(?:my|our|your)\s+(?:(?:younger|older|elder|little|big)\s+)?(?P<noun>mother|father|wife"
    r"|husband|son|daughter|sister|brother|cousin|aunt|uncle|niece|nephew|grandmother"
    r"|grandfather|friend)\b",
    re.IGNORECASE,
)

_BOTH = re.compile(
    r"\bboth\b(?=\s+(?:are|were|have|has|had|was|is|will|would|could|may|might|must|remain"
    r"|remained|face|faced|ended|died|received|got|later|then|now|still|also|men|women)\b)",
    re.IGNORECASE,
)

# Subjects that stand for people just spoken of, told by a word of number or description
# rather than a noun: "Each was questioned", "All were returned", "Those arrested were",
# "The 34-year-old was", "the latter was".
_VERB_NEXT = (
    r"(?=\s+(?:\w+ly\s+|also\s+|later\s+|then\s+|now\s+){0,2}(?:was|were|is|are|had|has"
    r"|have|will|would|remain|remains|remained|face|faces|faced|could|may|might)\b)"
)
_ANAPHOR_PLURAL = re.compile(
    r"(?<![\w,] )\b(?:each(?:\s+of\s+them)?|all|those\s+(?:arrested|detained|caught|held"
    r"|seized|captured|returned|repatriated|deported|rounded\s+up))" + _VERB_NEXT,
    re.IGNORECASE,
)
# (Scanned from the word after "the", which is checked apart: "the" is everywhere.)
_ANAPHOR_ONE = re.compile(
    r"(?:year-old|latter|former|youngest|eldest|oldest|younger|elder|older)" + _VERB_NEXT,
    re.IGNORECASE,
)
_THE_BEFORE = re.compile(r"\bthe\s+(?:\d{1,2}-)?$", re.IGNORECASE)

_ANOTHER = re.compile(r"\banother\s+(?:[\w-]+\s+){0,2}?(?P<noun>[a-z]+)\b", re.IGNORECASE)

_OTHER_NP = re.compile(
    r"\bthe\s+(?:other|others|rest|remaining\s+(?:one|ones|\w+s))\b(?!\s+(?:side|bank|end|hand"
    r"|day|way|group|groups)\b)",
    re.IGNORECASE,
)

_UNIVERSAL_NP = re.compile(
    r"\b(?:all\s+of\s+(?:them|those|these)|all\s+(?:those|these)\b|both\s+of\s+them"
    r"|everyone|everybody|the\s+whole\s+group|the\s+entire\s+group|all\s+of\s+the\s+\w+)",
    re.IGNORECASE,
)

_PARTIAL_NP = re.compile(
    r"\b(?:most|some|many|several|few|half|none|one|others)(?:\s+of\s+(?:them|those|the\s+\w+))?"
    r"(?=\s+(?:already\s+|also\s+|now\s+)?(?:have|had|has|were|was|are|is|may|might|could"
    r"|would|will|remain|died|fled)\b)",
    re.IGNORECASE,
)

_GENERIC = re.compile(
    r"\b(?:anyone|anybody|whoever|everyone|everybody|no\s+one|nobody)\b"
    rf"|\b(?:many|most|some|few|numerous|countless|other|such)\s+(?:[\w-]+\s+)?{_PERSON_PLURAL}\b"
    rf"|\b(?:those|people)\b(?=\s+(?:who|it|they|caught|found"
    rf"|crossing|trying|attempting|fleeing|repatriated|returned|sent|arrested))"
    rf"|\b{_PERSON_PLURAL}\b",
    re.IGNORECASE,
)

_NOT_BARE = frozenset(
    """the these those this that all some many most several few his her their its our my a an
    any no of both each every other such""".split()
)

RESTRICTIVE = re.compile(r"^\s+who\b", re.IGNORECASE)

DISTINCT = re.compile(r"\b(?:\w+est|first|second|third|fourth|fifth|other|another)\b", re.I)

SPEAKS = re.compile(
    r"(?:\s+(?:in|from|of|at|living\s+in)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)?,?\s+"
    r"(?:said|says|told|tells|added|reported|recalled|explained)\b"
)

# Nationality words that make a person noun a foreigner ("two South Korean activists").
FOREIGN = re.compile(
    r"\b(?:South\s+Korean|Chinese|Russian|American|Japanese|Vietnamese|Thai|Lao|Mongolian"
    r"|Canadian|British|ethnic\s+Korean)\b",
    re.IGNORECASE,
)

NORTH_KOREAN = re.compile(r"\bNorth\s+Korean", re.IGNORECASE)

_BEFORE = re.compile(r"(?P<w>[\w'’-]+)\W*$")

# Heads of counts that are not victims (scope: the people around a case in this genre).
NOT_VICTIMS = frozenset(
    """official officer guard policeman police agent witness journalist reporter diplomat
    volunteer activist missionary pastor helper guide broker smuggler trafficker suspect
    chinese korean spokesman spokeswoman representative researcher analyst source
    informant organizer leader ringleader boss kingpin""".split()
)


@dataclass(frozen=True, slots=True)
class Ref:
    """A phrase naming people, quoting ``text[start:end]``."""

    start: int
    end: int
    text: str
    kind: str
    count: VictimCount | None = None
    head: str | None = None
    plural: bool = True
    victim: bool = True
    restrictive: bool = False  # "the man who …": a new person described, not one named before
    universal: bool = False  # "the women … were all sent back"
    parent_start: int | None = None  # for members: the start of the count they break down

    @property
    def aggregate(self) -> bool:
        return self.count is not None and (self.count.min or 0) >= AGGREGATE_MIN


def word_before(text: str, pos: int) -> str:
    match = _BEFORE.search(text, max(0, pos - 30), pos)
    return match.group("w").lower() if match else ""


def fields_of(ref: Ref) -> dict:
    return {name: getattr(ref, name) for name in Ref.__slots__}


def _anothers(text: str, start: int, end: int) -> list[Ref]:
    """ "another soldier", "another defector": one more person."""
    refs = []
    for m in _scan(_ANOTHER, text, start, end):
        noun = lemma(m.group("noun"))
        if noun in SINGULAR_NOUNS and m.group("noun").lower() == noun:
            refs.append(
                Ref(m.start(), m.end(), m.group(), "additive", VictimCount.exactly(1), noun, False)
            )
    return refs


def _names(text: str, start: int, end: int) -> list[Ref]:
    """People named: "Lee Young-hwa", "Ms. Kim", and later "Lee" alone (bound to a
    person named before, or to no one)."""
    refs = []
    for m in scan(_NAME, _KEYS[_NAME], text, lowered(text), start, end, capital=True):
        name = m.group()
        if _LEADER.match(name) or SPEAKS.match(text, m.end()):
            continue  # a head of state, or someone speaking
        surname = m.group("surname") or m.group("titled")
        full = bool(m.group("titled") or m.group("given"))
        kind = "name" if full else "surname"
        refs.append(Ref(m.start(), m.end(), name, kind, VictimCount.exactly(1), surname, False))
    return refs


def _companions(text: str, start: int, end: int) -> list[Ref]:
    """ "a companion", "the companion", "his friends": people named by their company."""
    refs = []
    for m in _scan(_COMPANION, text, start, end):
        plural = m.group("noun").lower().endswith("s")
        det = m.group("det").lower()
        kind = "new" if det in ("a", "an", "another") else "definite"
        count = None if plural else VictimCount.exactly(1)
        refs.append(Ref(m.start(), m.end(), m.group(), kind, count, "companion", plural))
    return refs


def _groups(text: str, start: int, end: int) -> list[Ref]:
    """ "a group of defectors", "both", "my sister": people counted by no number."""
    refs = [
        Ref(m.start(), m.end(), m.group(), "definite", VictimCount.exactly(1), m.group("noun"))
        for m in _scan(_MY_RELATIVE, text, start, end)
    ]
    refs += [
        Ref(m.start(), m.end(), m.group(), "new", VictimCount(min=2, max=None), "group")
        for m in _scan(_GROUP_OF, text, start, end)
    ]
    refs.extend(
        Ref(m.start(), m.end(), m.group(), "definite", VictimCount.exactly(2), None)
        for m in _scan(_BOTH, text, start, end)
    )
    return refs


def _others(text: str, start: int, end: int) -> list[Ref]:
    refs = []
    for m in _scan(_OTHER_NP, text, start, end):
        one = m.group().lower().split()[-1] == "other"  # "the other" is one person
        count = VictimCount.exactly(1) if one else None
        refs.append(
            Ref(m.start(), m.end(), m.group(), "complement", count, head="other", plural=not one)
        )
    return refs


def _universals(text: str, start: int, end: int) -> list[Ref]:
    return [
        Ref(m.start(), m.end(), m.group(), "universal", universal=True)
        for m in _scan(_UNIVERSAL_NP, text, start, end)
    ]


def _anaphors(text: str, start: int, end: int) -> list[Ref]:
    """Subjects that stand for the group ("Each was", "All were") or the one person ("The
    34-year-old was") spoken of before: resolved as "they" and "he" or "she" are."""
    refs = [
        Ref(m.start(), m.end(), m.group(), "universal", universal=True)
        for m in _scan(_ANAPHOR_PLURAL, text, start, end)
    ]
    for m in _scan(_ANAPHOR_ONE, text, start, end):
        the = _THE_BEFORE.search(text, max(start, m.start() - 8), m.start())
        if the is None or (m.group().lower() == "year-old") != ("-" in the.group()):
            continue
        refs.append(Ref(the.start(), m.end(), text[the.start() : m.end()], "pronoun", plural=False))
    return refs


# A verb of saying right after "the group": the group is the one speaking.
_SPEAKER_AFTER = re.compile(
    r"\s*(?:,\s*)?(?:said|says|say|told|tells|reported|reports|added|adds|stated|states"
    r"|claimed|claims|announced|noted|warned|urged|believes|fears|feared|confirmed)\b",
    re.IGNORECASE,
)


def _definites(text: str, start: int, end: int) -> list[Ref]:
    refs = []
    for m in _scan(_DEFINITE_NP, text, start, end):
        head = m.group("head").lower()
        if head in ("group", "groups") and DISTINCT.search(m.group("mods")):
            # "the largest group", "the second group": a new group, one of several
            refs.append(Ref(m.start(), m.end(), m.group(), "new", head=head))
            continue
        if FOREIGN.search(m.group("mods")) and not NORTH_KOREAN.search(m.group("mods")):
            continue
        if head in ("group", "groups") and _SPEAKER_AFTER.match(text, m.end(), end):
            continue  # "the group said": the organisation reporting, not the victims
        plural = head not in ("family", "pair", "couple")
        count = VictimCount.exactly(2) if head in ("pair", "couple") else None
        after = text[m.end() : end]
        refs.append(
            Ref(
                m.start(),
                m.end(),
                m.group(),
                "definite",
                count=count,
                head=head,
                plural=plural or count is not None,
                restrictive=bool(RESTRICTIVE.match(after)),
            )
        )
    return refs


def _partials(text: str, start: int, end: int) -> list[Ref]:
    return [
        Ref(m.start(), m.end(), m.group(), "partial") for m in _scan(_PARTIAL_NP, text, start, end)
    ]


_HOME_AFTER = re.compile(r"\s+home\b", re.IGNORECASE)
_SENDING = frozenset("sent send sends sending flew flown".split())


def _pronouns(text: str, start: int, end: int) -> list[Ref]:
    refs = []
    for m in _scan(_PRONOUN, text, start, end):
        word = m.group().lower()
        if word == "her" and _HOME_AFTER.match(text, m.end()):
            if word_before(text, m.start()) not in _SENDING:
                continue  # "raided her home": her house; "sent her home": the woman

        plural = word in ("they", "them", "their")
        refs.append(Ref(m.start(), m.end(), m.group(), "pronoun", plural=plural))
    return refs


def _generics(text: str, start: int, end: int) -> list[Ref]:
    refs = []
    for m in _scan(_GENERIC, text, start, end):
        if word_before(text, m.start()) in _NOT_BARE:
            continue
        refs.append(Ref(m.start(), m.end(), m.group(), "generic"))
    return refs


def _scan(pattern: re.Pattern[str], text: str, start: int, end: int) -> list[re.Match[str]]:
    return scan(pattern, _KEYS.get(pattern), text, lowered(text), start, end)


# The words each phrase pattern starts with, for a fast scan (see lexicon.scan).
_KEYS = {
    p: stems(p.pattern)
    for p in (
        _ANOTHER,
        _OTHER_NP,
        _UNIVERSAL_NP,
        _DEFINITE_NP,
        _PARTIAL_NP,
        _PRONOUN,
        _GENERIC,
        _GROUP_OF,
        _BOTH,
        _MY_RELATIVE,
        _NAME,
        _COMPANION,
        _ANAPHOR_PLURAL,
        _ANAPHOR_ONE,
    )
}

FINDERS = (
    _names,
    _universals,
    _groups,
    _companions,
    _definites,
    _anothers,
    _partials,
    _others,
    _pronouns,
    _anaphors,
    _generics,
)
