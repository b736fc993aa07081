"""Places: the gazetteer's matches in a clause, each with the role it plays in the case.

The role comes from the preposition before the name and the act that governs it:
"caught in Changchun" (caught), "handed over at Namyang" (returned), "held in
Erenhot" (held), "swim across the Yalu" (crossed), "arrived from Yanji" (origin),
"on their way to a third country" (destination). A place inside a source's
description ("a source in North Pyongan Province") or an authority's name ("police in
Shenyang") is not where anything happened to the people.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from repwatch.extract.acts import ActHit
from repwatch.extract.lexicon import NOT_VERBS, RELATIVE, another_verb
from repwatch.gazetteer import PlaceMatch
from repwatch.model import Act, Modality, Place, PlaceRole

PRODUCER = "places.v1"

# Which role a place takes from the act that governs it.
ROLE_OF_ACT: dict[Act, PlaceRole] = {
    Act.ARREST: PlaceRole.CAUGHT,
    Act.DEATH: PlaceRole.CAUGHT,
    Act.DETENTION: PlaceRole.HELD,
    Act.INTERROGATION: PlaceRole.HELD,
    Act.REPATRIATION: PlaceRole.RETURNED,
    Act.CROSSING: PlaceRole.CROSSED,
    Act.PUNISHMENT: PlaceRole.OTHER,
    Act.RELEASE: PlaceRole.OTHER,
}
_MODIFIER_BEFORE = frozenset("a an the".split())  # "at a Shenyang railway station"
LOCATIVE = frozenset("in at near outside on off of around opposite inside within by".split())
SOURCE = frozenset(["from"])
GOAL = frozenset("to into toward towards for".split())
PATH = frozenset("across over via through".split())

# "the North Korean city of", "the eastern edge of": skipped to find the preposition.
_WORD_NOT_PREP = r"(?:\b(?!(?:in|on|at|from|to|near|of|off|by|into|across|over|via)\b)[\w'’-]+\s+)"
_DESCRIPTOR = re.compile(
    rf"(?:\b(?:the|a|an)\s+)?{_WORD_NOT_PREP}{{0,3}}?(?:city|town|county|village|port|province"
    r"|prefecture|district|area|region|outskirts|edge|mouth|coast|side|part|suburbs?|centre"
    r"|center|capital)\s+of\s+(?:the\s+)?$|(?:\b(?:the|a|an)\s+)?(?:[\w'’-]+\s+){0,2}?"
    r"(?:city|town|county|village|port|border\s+city|border\s+town)\s+$",
    re.IGNORECASE,
)
_OWNER_BEFORE = re.compile(
    r"\b(?:the\s+)?(?:city|town|county|province|country|capital|region|prefecture)['’]s\s+$",
    re.IGNORECASE,
)
_DESCRIPTOR_ENDS = frozenset("of the city town county village port".split())
_LAST_WORD = re.compile(r"([\w'’-]+)\W*$")
_POINT_BETWEEN = re.compile(
    r"\b(at|on|near|over|across)\s+(?:the|a)\s+(?:[\w'’-]+\s+){0,2}?(?:bridge|crossing|border"
    r"|checkpoint|post|road|railway|river|stretch|section)\s+between\s+$",
    re.IGNORECASE,
)
# An authority named by its place: "police in Shenyang", "Chiang Rai marine police".
_ACTOR_BEFORE = re.compile(
    r"\b(?:police|officers?|officials?|authorities|guards|bureau|government|media|leadership"
    r"|regime|leaders?|rulers?"
    r"|ministry|court|department|units?|office|activists?|sources?|residents?|relatives?"
    r"|groups?|diplomats?|missionar(?:y|ies)|pastors?|brokers?|organi[sz]ations?|agency"
    r"|embassy|consulate\s+general|researchers?|analysts?|sisters?|brothers?|mother|father"
    r"|wife|husband|sons?|daughters?|cousins?|relatives?|family|parents|friends?)"
    r"\s+(?:in|of|at|from|based\s+in|living\s+in)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_ACTOR_AFTER = re.compile(
    # "Yanji police", "Dandong's border police"; not "in Changchun by plainclothes police"
    r"^(?:['’]s)?\s*(?:City\s+|county\s+)?(?:(?!by\b|and\b|with\b)\w+\s+){0,2}?"
    r"(?:police|government|authorities"
    r"|officials|media|court|ministry|embassy|consulate)\b|^-based\b",
    re.IGNORECASE,
)
_FRONTED = re.compile(r"\s*[“\"]?(?:In|On|At|Near|Outside|After|During|Off)\b")
_AGENT_OF_ARREST = re.compile(
    r"\b(?:arrested|detained|caught|seized|stopped|picked\s+up|rounded\s+up|captured|shot"
    r"|killed|intercepted|apprehended)(?:\s+(?:dead|alive|and\s+killed))?\s+by\s+(?:[\w-]+\s+){0,3}(?:in|at|near)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_ARRESTS_AFTER = re.compile(
    r"^\s*(?:,[^.;]{0,80}?,)?\s*(?:have\s+|has\s+|had\s+)?(?:arrested|detained|caught"
    r"|seized|stopped|picked\s+up|rounded\s+up|captured|raided|intercepted|apprehended)\b",
    re.IGNORECASE,
)
# A mission's building as the place people were in or taken from ("dragged out of the
# Japanese Consulate General in Shenyang"): the name says where, not whose authority.
_BUILDING_ENTERED = re.compile(
    r"\b(?:out\s+of|into|inside|outside|at|from|entered|entering|stormed|rushed)\s+(?:the|a|an)"
    r"\s+(?:[\w'’-]+\s+){0,3}?(?:embassy|consulate(?:\s+general)?|mission)\s+(?:in|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# A place inside an appositive that describes the place before it ("Police in Helong, a
# county-level city in China's Jilin province, arrested …"): not where anything happened.
_APPOSITIVE_OPEN = re.compile(
    r",\s+(?:a|an)\s+(?:[\w'’-]+\s+){0,3}?(?:city|town|county|village|port|province|region"
    r"|area|district)\b[^.;]{0,80}$",
    re.IGNORECASE,
)
# How far before a place name the patterns that end at it are read (characters).
_BEFORE_REACH = 200
# Roles that say something was done to the people there.
_WHERE_DONE = frozenset((PlaceRole.CAUGHT, PlaceRole.HELD, PlaceRole.RETURNED, PlaceRole.CROSSED))


# People named by where they belong: "three residents of Hyesan", "two citizens of the
# DPRK", "a native of Musan" (the place is where they are from, not where anything happened).
_PEOPLE_OF = re.compile(
    r"\b(?:residents?|citizens?|natives?|nationals?|people|inhabitants|villagers|workers"
    r"|laborers|labourers|families|family|defectors?|refugees?|women|men|man|woman)"
    r"\s+(?:originally\s+)?(?:of|from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_AREAS = frozenset(("province", "prefecture", "region", "county", "district"))
# Between a crossing verb and the name of what it crossed: "crossing the frozen Yalu".
_OBJECT_OF = re.compile(
    r"\s+(?:the\s+)?(?:(?!(?:to|into|in|at|from|near|towards?|for|on|by|with|via)\s)"
    r"[a-z][\w-]*\s+){0,2}",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class PlaceHit:
    """A place named in a clause, with its role there."""

    start: int  # the phrase, with any cue ("near Sanhe")
    end: int
    text: str
    name: str  # the bare name as written ("Sanhe")
    place: Place | None
    radius_km: float | None
    role: PlaceRole
    of_actor: bool = False  # names an authority's seat ("police in Dongxing")
    act_start: int | None = None  # where the act trigger the place phrase belongs to starts

    @property
    def country(self) -> str | None:
        return self.place.country if self.place else None


def find_places(
    text: str,
    start: int,
    end: int,
    matches: Sequence[PlaceMatch],
    acts: Sequence[ActHit],
    excluded: Sequence[tuple[int, int]] = (),
) -> list[PlaceHit]:
    """The places of the clause ``text[start:end]`` with their roles.

    ``matches`` are the gazetteer's matches in the whole text, ``acts`` the clause's act
    triggers; places inside ``excluded`` spans (source descriptions) are left out.
    """
    hits = []
    for match in matches:
        if not (start <= match.start and match.end <= end) or match.place is None:
            continue
        if any(a <= match.name_start < b for a, b in excluded):
            continue
        # the words just before the name: every pattern read there ends at the name
        before = text[max(start, match.name_start - _BEFORE_REACH) : match.name_start]
        after = text[match.name_end : end]
        # both patterns end in a preposition (and "the") right before the name: they run
        # only after one
        prep = _last_preposition(before)
        of_actor = bool(
            (prep in _ACTOR_PREPOSITIONS and _ACTOR_BEFORE.search(before))
            or _ACTOR_AFTER.match(after)
        )
        people_of = prep in _PEOPLE_PREPOSITIONS and bool(
            _PEOPLE_OF.search(before, max(0, len(before) - 48))
        )
        if people_of:
            of_actor = False  # "three residents of Hyesan": where the people are from
        if of_actor and (
            _AGENT_OF_ARREST.search(before)
            or _ARRESTS_AFTER.match(after)
            or _BUILDING_ENTERED.search(before)
        ):
            # "arrested by police in Qingdao", "police in Hunchun detained": where it was
            of_actor = False
        described = (
            "," in after
            and _APPOSITIVE_OPEN.search(before)
            and _ARRESTS_AFTER.match(after.split(",", 1)[1])
        )
        governing = None if of_actor else _governing(text, start, match, acts)
        if of_actor or described:
            role = PlaceRole.OTHER
        elif people_of:
            role = PlaceRole.ORIGIN
        else:
            role = _role(text, start, match, governing)
        if match.place.kind == "country" and role in (PlaceRole.RETURNED, PlaceRole.HELD):
            # "returned to North Korea", "sent back from China" say nothing of where
            if _preposition(text, start, match.name_start) not in SOURCE:
                role = PlaceRole.DESTINATION
            else:
                role = PlaceRole.OTHER
        if match.place.country == "KR" and role in _WHERE_DONE:
            # North Koreans are not caught or returned in the South: "arrived in Seoul"
            role = PlaceRole.OTHER
        hits.append(
            PlaceHit(
                start=match.start,
                end=match.end,
                text=match.text,
                name=match.name,
                place=match.place,
                radius_km=match.radius_km,
                role=role,
                of_actor=of_actor,
                act_start=governing.start if governing is not None else None,
            )
        )
    return hits


_ACTOR_PREPOSITIONS = frozenset(("in", "of", "at", "from"))
_PEOPLE_PREPOSITIONS = frozenset(("of", "from"))


def _last_preposition(before: str) -> str:
    """The last word of ``before`` (lowercased), or the word before a last "the", when
    ``before`` ends in a space: the preposition right before a name, if it is one."""
    if not before[-1:].isspace():
        return ""
    words = before.rsplit(None, 2)
    if not words:
        return ""
    last = words[-1].lower()
    if last == "the" and len(words) > 1:
        return words[-2].lower()
    return last


def _preposition(text: str, start: int, position: int) -> str:
    """The preposition governing the name at ``position``, skipping "the city of" etc."""
    before = text[max(start, position - 80) : position]
    last = before.rstrip().rsplit(None, 1)[-1:] or [""]
    if last[0].lower() in _DESCRIPTOR_ENDS:  # the full pattern is costly: run it only here
        descriptor = _DESCRIPTOR.search(before)
        if descriptor:
            before = before[: descriptor.start()]
    elif last[0][-2:] in ("'s", "’s"):
        # "in the city's Huai Khwang district": the place it belongs to, named before
        owner = _OWNER_BEFORE.search(before)
        if owner:
            before = before[: owner.start()]
    tail = before[-30:]
    word = _LAST_WORD.search(tail)
    if word is None:
        return ""
    found = word.group(1).lower()
    if found == "between":
        # "at the bridge between Tumen and Namyang": where the crossing point lies
        point = _POINT_BETWEEN.search(before)
        return point.group(1).lower() if point else found
    if found in _MODIFIER_BEFORE:
        # "on the road to the Mohan border crossing": the preposition before the article
        earlier = _LAST_WORD.search(tail[: word.start()])
        if earlier and earlier.group(1).lower() in SOURCE | GOAL | PATH:
            return earlier.group(1).lower()
    return found


def _role(text: str, start: int, match: PlaceMatch, governing: ActHit | None) -> PlaceRole:
    """The place's role from its preposition and ``governing``, the act it belongs to."""
    prep = _preposition(text, start, match.name_start)
    if match.start < match.name_start and prep not in SOURCE | GOAL | PATH:
        prep = "near"  # a cue the gazetteer read ("near", "outskirts of") is locative
    if governing is not None and governing.end <= match.name_start:
        if another_verb(text, governing.end, match.name_start):
            governing = None  # "the arrest of two … has alarmed activists in Seoul"
    if (
        governing is not None
        and governing.modality is Modality.EXPECTED
        and not governing.attempted
    ):
        governing = None  # "awaiting repatriation": no place of it yet
    act = _main_act(governing) if governing else None
    if (
        act is Act.CROSSING
        and governing is not None
        and _OBJECT_OF.fullmatch(text, governing.end, match.name_start)
    ):
        return PlaceRole.CROSSED  # "crossing the frozen Yalu": what the verb crossed
    if prep in SOURCE:
        if act is Act.REPATRIATION:
            return PlaceRole.RETURNED
        return PlaceRole.CROSSED if act is Act.CROSSING else PlaceRole.ORIGIN
    if prep in GOAL:
        if act is Act.REPATRIATION and match.place and match.place.country == "KP":
            # "flown to Pyongyang": where the returned were taken, far from where they
            # were handed over
            if match.place.id == "kp-pyongyang":
                return PlaceRole.DESTINATION
            return PlaceRole.RETURNED
        if act is Act.DETENTION:
            return PlaceRole.HELD
        return PlaceRole.DESTINATION
    if prep in PATH:
        if act in (Act.REPATRIATION, Act.CROSSING):
            return ROLE_OF_ACT[act]
        if act is Act.ARREST and prep == "across" and match.place and match.place.kind in _AREAS:
            return PlaceRole.CAUGHT  # "raids across Yanbian": arrests all over the area
        return PlaceRole.OTHER
    if act is None or not (prep in LOCATIVE or prep in _MODIFIER_BEFORE):
        return PlaceRole.OTHER  # "to leave China", "Hoeryŏng, which faces …"
    return ROLE_OF_ACT[act]


def _governing(text: str, start: int, match: PlaceMatch, acts: Sequence[ActHit]) -> ActHit | None:
    """The act a place phrase belongs to: the nearest trigger before it, or, for a place
    fronted before every trigger ("On the eastern edge of Beijing, police detained …"),
    the first trigger after it — unless the place sits in a relative clause of the
    subject ("laborers who worked in Sinuiju were arrested")."""
    # positions of the bare name: the gazetteer's phrase may take in a trigger's words
    # ("waded across the Yalu River from Manpo" read as "across … from Manpo")
    first, last = match.name_start, match.name_end
    around = [a for a in acts if a.start <= first and last <= a.end]
    if around:
        return around[0]  # "across the frozen Yalu River": the trigger names the place
    # a noun-like trigger ("a boat carrying seven") does not govern the verb's phrases
    verbs = [a for a in acts if a.text.split()[0].lower() not in NOT_VERBS]
    before = [a for a in verbs if a.end <= first]
    if before:
        return before[-1]
    after = [a for a in verbs if a.start >= last]
    if not after:
        return None
    if _FRONTED.match(text, start) and "," in text[last : after[0].start]:
        return after[0]  # "In the raid which took place in Yanji, police found …"
    if not RELATIVE.search(text, start, match.start):
        return after[0]
    return None


def _main_act(hit: ActHit) -> Act:
    for act in (Act.ARREST, Act.DEATH, Act.REPATRIATION, Act.DETENTION, Act.CROSSING):
        if act in hit.acts:
            return act
    return hit.acts[0]
