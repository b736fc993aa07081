"""Acts: triggers of the eight acts in a clause, with voice, modality and negation.

``find_acts`` is pure: it reads a clause of the text and says which act each
trigger names, whether it happened (``occurred``), is only awaited, feared or
likely (``expected``), is negated, or is a general statement (``habitual``:
"China returns those it catches"). Which people an act applies to is decided
later, from the trigger's ``voice`` (passive triggers name their people to the
left, active ones to the right).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from repwatch.extract import lexicon as lx
from repwatch.extract.scanning import key_starts, lowered, scan
from repwatch.model import Act, Modality

PRODUCER = "acts.v1"

_WORD = re.compile(r"[\w'-]+")
_CONTEXT = 160  # characters of a clause read on either side of a trigger
_BY_AGENT = re.compile(
    r"^\s+by\s+(?:\S+\s+){0,4}?(?:police|soldiers|guards|officers|authorities|agents|patrols?)\b",
    re.IGNORECASE,
)
_THAT_CLAUSE = re.compile(r"^\s+(?:that|out|it|themselves|himself|herself)\b", re.IGNORECASE)
_ALWAYS_NOUN = ("ion", "ment")  # repatriation, punishment: nouns wherever they stand
_NOUN_FORMS = (
    "arrest", "arrests", "return", "returns", "release", "torture", "capture", "sentence",
    "sentences",
)  # fmt: skip
# A measure of time before a noun of an act: "ten-year sentences", "a two-year term".
_TERM_BEFORE = re.compile(r"(?:year|month|week|day)s?(?:-long)?$")
# "will see their family punished": a verb of perceiving or causing before the people.
_PERCEIVED = re.compile(r"\b(?:see|saw|seen|watch\w*|have|has|had|get|got|want\w*|make|made)\b")
# Between two coordinated verbs: "…, and then", "and", "or".
_COORDINATED = re.compile(r"\b(?:and|or)(?:\s+(?:then|later|\w+ly))?\s*$", re.IGNORECASE)
_OBJECT = re.compile(
    r"\s+(?:them|him|her|the|a|an|his|their|\d+|one|two|three|four|five|six|seven|eight"
    r"|nine|ten|twelve|dozens|several)\b",
    re.IGNORECASE,
)
# A participle joined by "and" to a passive verb before it, sharing its auxiliary.
_SHARED_AUX = re.compile(
    r"\b(?:was|were|been|being)\s+(?:\w+ly\s+)?\w+ed\b[^.;:,]{0,80}\s+and\s+(?:then\s+)?$",
    re.IGNORECASE,
)
# Awaiting or facing an act named by a noun, right before where the people are.
_AWAITED_OBJECT = re.compile(
    r"\b(?:await(?:s|ed|ing)?|fac(?:e|es|ed|ing))\s+(?:[\w-]+\s+){0,2}?[\w-]+(?:ion|ment)\s*$",
    re.IGNORECASE,
)
# A reduced relative: a participle right after a comma or a noun's "who had been" left out.
_REDUCED_RELATIVE = re.compile(r",\s*$")


@dataclass(frozen=True, slots=True)
class ActHit:
    """A trigger in the text and what it says happened."""

    start: int
    end: int
    text: str
    acts: tuple[Act, ...]
    voice: str  # "passive", "active", "left" (people are the subject), "nominal"
    modality: Modality
    negated: bool = False
    habitual: bool = False  # a general statement, not one case
    attempted: bool = False  # "tried to take him into custody": not done

    @property
    def counts(self) -> bool:
        """Whether this trigger can add an act to a case."""
        return not (self.negated or self.habitual or self.attempted)


def find_acts(text: str, start: int = 0, end: int | None = None) -> list[ActHit]:
    """Every act trigger in ``text[start:end]`` (one clause), left to right."""
    end = len(text) if end is None else end
    return find_acts_in(text, [(start, end)])[0]


def find_acts_in(
    text: str, spans: Sequence[tuple[int, int]], north: Sequence[int] = ()
) -> list[list[ActHit]]:
    """The act triggers of each clause ``text[start:end]`` of ``spans`` (in text order, not
    overlapping): the text is scanned once, each trigger read within its clause.

    ``north`` holds the (sorted) starts of the names of places in North Korea: a movement
    towards one of them is a return ("taken across the bridge to Sinuiju")."""
    starts = [start for start, _ in spans]
    found: list[list[tuple[int, int, int, lx.Trigger]]] = [[] for _ in spans]
    lo, hi = (spans[0][0], spans[-1][1]) if spans else (0, 0)
    lower = lowered(text)
    if len(lower) != len(text):  # offsets moved by lowering: the plain scan
        for order, trigger in enumerate(lx.TRIGGERS):
            for match in scan(trigger.pattern, trigger.stems, text, lower, lo, hi):
                _add_within(text, spans, starts, found, match.start(), order, trigger)
        return [_clause_hits(text, span, c, north) for span, c in zip(spans, found, strict=True)]
    for order, trigger in enumerate(lx.TRIGGERS):
        # tried only where a word starts as the trigger does (see scanning.scan), within
        # its clause, so that no lookahead reads into the next one
        taken_until = -1
        for at in key_starts(trigger.stems, text) if trigger.stems else range(lo, hi):
            if at < lo or at < taken_until:
                continue
            if at >= hi:
                break
            taken_until = _add_within(text, spans, starts, found, at, order, trigger)
    return [_clause_hits(text, span, c, north) for span, c in zip(spans, found, strict=True)]


def _add_within(
    text: str,
    spans: Sequence[tuple[int, int]],
    starts: list[int],
    found: list[list[tuple[int, int, int, lx.Trigger]]],
    at: int,
    order: int,
    trigger: lx.Trigger,
) -> int:
    """Add the trigger's match at ``at`` within its clause; returns where it ends (-1)."""
    index = bisect_right(starts, at) - 1
    if index < 0 or at >= spans[index][1]:
        return -1
    within = trigger.pattern.match(text, at, spans[index][1])
    if within is None:
        return -1
    found[index].append((within.start(), within.start() - within.end(), order, trigger))
    return within.end()


# Between a movement's "to"/"into" and the name of its goal: "the city of", "the border at".
_TO_NAME = re.compile(
    r"\s+(?:the\s+)?(?:(?:North\s+Korean\s+)?(?:border\s+)?(?:city|town|county|border|bridge"
    r"|side|customs\s+post)\s+(?:of|at|in)\s+)?",
    re.IGNORECASE,
)
# After the name of a place in the North: an institution of it ("Hoeryong State Security").
_INSTITUTION_AFTER = re.compile(
    r"[\w'’-]+(?:\s+[\w'’-]+){0,2}?\s+(?:provincial\s+|city\s+|county\s+)?(?:State\s+Security"
    r"|SSD|MSS|MPS|security|police|Bowibu|prison|camp|detention|jail|department|bureau"
    r"|headquarters|office|station)\b",
    re.IGNORECASE,
)


def _toward_north(text: str, end: int, north: Sequence[int]) -> bool:
    """Whether the name of a place in North Korea follows a movement ending at ``end``."""
    gap = _TO_NAME.match(text, end)
    at = gap.end() if gap else end
    index = bisect_right(north, at) - 1
    if index < 0 or north[index] != at:
        return False
    # "taken to the Hoeryong State Security Department": an institution of the North, to
    # which its own guards bring people they caught, is no return from abroad
    return not _INSTITUTION_AFTER.match(text, at)


def _clause_hits(
    text: str,
    span: tuple[int, int],
    candidates: list[tuple[int, int, int, lx.Trigger]],
    north: Sequence[int] = (),
) -> list[ActHit]:
    start, end = span
    candidates.sort(key=lambda c: (c[0], c[1], c[2]))
    hits: list[ActHit] = []
    taken_until = start
    for begin, neg_length, _, trigger in candidates:
        if begin < taken_until:
            continue
        stop = begin - neg_length
        if trigger.to_north and not _toward_north(text, stop, north):
            continue
        hit = _read(text, start, end, begin, stop, trigger)
        if hit is not None:
            hits.append(_coordinated(text, hits[-1], hit) if hits else hit)
            taken_until = stop
    return hits


def _coordinated(text: str, previous: ActHit, hit: ActHit) -> ActHit:
    """A participle joined to a passive or expected verb shares its voice and modality:
    "were caught … and handed back", "would be handed over … and shipped home"."""
    if hit.voice != "active" or not _COORDINATED.search(text, previous.end, hit.start):
        return hit
    if previous.voice not in ("passive", "left") and previous.modality is hit.modality:
        return hit
    voice = "passive" if previous.voice in ("passive", "left") else hit.voice
    modality = previous.modality if previous.modality is Modality.EXPECTED else hit.modality
    return replace(hit, voice=voice, modality=modality, habitual=previous.habitual)


def _read(
    text: str, clause_start: int, clause_end: int, start: int, end: int, trigger: lx.Trigger
) -> ActHit | None:
    left = text[max(clause_start, start - _CONTEXT) : start]
    right = text[end : min(clause_end, end + _CONTEXT)]
    words = _WORD.findall(text[start:end].lower())
    if not words:
        return None
    acts = _acts_in_context(trigger, words, left, right)
    if not acts:
        return None
    # "his body was found": a trigger opening with the body has its verb last
    verb = words[-1] if words[0] in _BODY_WORDS else words[0]
    voice = _voice(trigger, verb, left, right)
    if voice == "active" and _describes_people(verb, left, right):
        # "a family of five detained in Tumen": what happened to them, whatever is urged
        voice, left = "passive", ""
    modality, habitual, attempted = _modality(trigger, verb, voice, left, acts)
    if trigger.awaited or (
        voice == "nominal" and (lx.EXPECTED_AFTER.match(right) or lx.PURPOSE_BEFORE.search(left))
    ):
        modality = Modality.EXPECTED  # "searching for four North Koreans", "… is imminent"
    if voice == "nominal" and lx.LIGHT_VERB.search(left):
        voice = "left"  # "received two years of labor training punishment"
    return ActHit(
        start=start,
        end=end,
        text=text[start:end],
        acts=acts,
        voice=voice,
        modality=modality,
        negated=bool(lx.NEGATION.search(left)),
        habitual=habitual,
        attempted=attempted,
    )


def _describes_people(word: str, left: str, right: str) -> bool:
    """A participle right after a count of people is a reduced relative clause."""
    if _form(word) != "past" or _OBJECT.match(right) or _PERCEIVED.search(left[-60:]):
        return False
    before = _WORD.findall(left[-30:])
    return bool(before) and (before[-1].isdigit() or before[-1].lower() in lx.NUMBER_WORDS)


# People as the subject of a passive "were stopped", "was discovered": caught, whoever by;
# but not bodies found, nor things stopped.
_PEOPLE_BEFORE_PASSIVE = re.compile(
    r"(?:\b(?:they|he|she|both|all|(?:North\s+)?Koreans?|defectors?|refugees?|women|men|man"
    r"|woman|girls?|boys?|children|family|group|couple|pair|workers?|laborers?|soldiers?"
    r"|teenagers?|people|escapees|[a-z]+s)|\d+)\s*(?:,?\s+(?:\S+\s+){0,1}?"
    r"(?:was|were|had\s+been|have\s+been|has\s+been|got)(?:\s+\w+ly)?\s*"
    # "The group, found late on Tuesday in …": a participle set off after the people
    r"|,\s*)$",
    re.IGNORECASE,
)
_NOT_CAUGHT_AFTER = re.compile(r"^\s*(?:dead|drowned|frozen|lifeless|guilty|to\s)", re.IGNORECASE)
_THINGS = re.compile(r"\b(?:bod(?:y|ies)|corpses?|remains|car|cars|vehicle|bus|train|boat)\b")
_STOPPED = frozenset(("stopped", "found", "discovered", "tracked"))
_TAKEN = frozenset(("taken", "led", "carted", "dragged", "hauled"))
# "…, and were taken away": a passive whose subject is the clause before's
_ELIDED_SUBJECT = re.compile(r"\s*(?:and|but)\s+(?:then\s+)?(?:were|was)\s*", re.IGNORECASE)
# Counted people as the subject of a passive, maybe across a coordinated verb; or a count
# alone ("All five were taken away").
_COUNT = r"(?:\d+|" + "|".join(sorted(lx.NUMBER_WORDS)) + ")"
_COUNTED_BEFORE_PASSIVE = re.compile(
    rf"\b(?:{_COUNT}|both|all)\s+(?:[\w-]+\s+){{0,2}}?"
    r"(?:women|men|people|North\s+Koreans|defectors|refugees|workers|children|girls|boys)\b"
    r"[^.;:!?]{0,40}?\b(?:were|was)\s*$"
    rf"|\b(?:all|the)\s+{_COUNT}\s+were\s*$",
    re.IGNORECASE,
)
_BODY_WORDS = frozenset(("body", "bodies"))
# In a trigger: what is done to the dead ("dragged his body back").
_BODY = re.compile(r"\b(?:body|bodies|corpses?|remains)\b")
# After a return trigger: back to the river bank, not back to the North ("dragged back to
# the bank" by guards who caught people in the water).
_TO_THE_BANK = re.compile(
    r"^\s+(?:on)?to\s+the\s+(?:[\w-]+\s+){0,2}?(?:bank|riverbank|shore|river\s+bank)\b",
    re.IGNORECASE,
)


def _people_stopped(word: str, left: str, right: str) -> bool:
    """ "The eight were stopped on a forest trail": people stopped or found are caught;
    "Eleven women could not, and were taken away": counted people taken away too."""
    if word in _TAKEN and (_COUNTED_BEFORE_PASSIVE.search(left) or _ELIDED_SUBJECT.fullmatch(left)):
        return True
    if word not in _STOPPED or not _PEOPLE_BEFORE_PASSIVE.search(left):
        return False
    if _NOT_CAUGHT_AFTER.match(right):
        return False
    return not _THINGS.search(left[-40:].lower())


def _acts_in_context(
    trigger: lx.Trigger, words: list[str], left: str, right: str
) -> tuple[Act, ...] | None:
    """The trigger's acts, corrected or refused by what surrounds it."""
    acts = trigger.acts
    if trigger.needs_agent:
        if _THAT_CLAUSE.match(right):
            return None  # "found that they had no papers"
        if not (
            lx.AGENT.search(left)
            or lx.AGENT_OF_COORDINATED.search(left)
            or _BY_AGENT.match(right)
            or _people_stopped(words[0], left, right)
        ):
            return None
    if Act.DEATH in acts and words[0] in ("died", "dies", "die"):
        if lx.NATURAL_DEATH.match(right):
            return None
    if (Act.DEATH in acts or Act.DETENTION in acts) and lx.CAMP_CONTEXT.match(right):
        # dying or being held in a camp or prison after return is punishment
        if Act.DEATH in acts or "camp" in right[:60].lower() or "prison" in right[:60].lower():
            return (Act.PUNISHMENT,)
    if _BODY.search(" ".join(words)) and Act.DEATH not in acts:
        # "dragged his body back": what is done to the dead is no act on them (but "his
        # body was found" tells the death)
        return None
    if Act.REPATRIATION in acts and _TO_THE_BANK.match(right):
        # "dragged back to the bank" by guards: out of the river, never out of the North
        return tuple(a for a in acts if a is not Act.REPATRIATION) or None
    if Act.REPATRIATION in acts and lx.NOT_NORTH.match(right):
        remaining = tuple(a for a in acts if a is not Act.REPATRIATION)
        if lx.TO_THE_SOUTH.match(right):
            return (*remaining, Act.RELEASE)  # "deported to South Korea": let go, not returned
        return remaining or None  # handed to China by Vietnam: not a return to the North
    if words[0] in _TIME_UNITS and _NOT_A_SPAN.search(left):
        return None  # "arrested last week at a bus station": when, not how long held
    if words[-1] == "detention" and not _STATE_BEFORE.search(left):
        return None  # "access to North Koreans in detention": people described
    if acts == (Act.ARREST,) and words[0].startswith("detain") and _STILL_BEFORE.search(left):
        return (Act.ARREST, Act.DETENTION)  # "are still detained": held
    if words[0].startswith("hand") and words[-1] not in ("back", "over"):
        if not lx.NORTH_SIDE.match(right):
            return None  # "handed them to China": only a handover to the North counts
    return acts


def _voice(trigger: lx.Trigger, word: str, left: str, right: str) -> str:
    if trigger.frame != "verb":
        return trigger.frame
    if word.endswith(_ALWAYS_NOUN):
        return "nominal"
    previous = _WORD.findall(left[-40:].lower())
    if (
        previous
        and word.endswith(_NOUN_FORMS)
        and (
            previous[-1] in lx.DETERMINERS
            or _TERM_BEFORE.search(previous[-1])
            or lx.LIGHT_VERB.search(left)  # "received a heavy sentence"
        )
    ):
        return "nominal"
    if lx.PASSIVE_AUX.search(left) and _form(word) != "ing":
        return "passive"  # ("police are searching for four": progressive, active)
    if _form(word) == "past" and right.lstrip().lower().startswith("by "):
        return "passive"
    if _form(word) == "past" and _SHARED_AUX.search(left):
        return "passive"  # "were handed to the border defence and repatriated according to law"
    if _form(word) == "past" and _REDUCED_RELATIVE.search(left) and not _OBJECT.match(right):
        return "passive"  # "another group of 19, caught in Shenyang, …" (not "…, held them")
    return "active"


# Right before a trigger of custody: a state told of people ("are now in detention",
# "remain in detention", "are still detained", "being detained").
_STATE_BEFORE = re.compile(
    r"\b(?:are|is|was|were|been|be|being|remains?|remained|placed|put|still|now)\s+$",
    re.IGNORECASE,
)
_TIME_UNITS = frozenset("day days week weeks night nights month months".split())
# Before a unit of time: a point in time, not a span spent somewhere.
_NOT_A_SPAN = re.compile(r"\b(?:last|this|next|that|same|every|each|previous|following)\s+$", re.I)
# Right before "detained": held still, not just caught ("are still detained").
_STILL_BEFORE = re.compile(r"\b(?:being|still|remains?|remained)\s+$", re.IGNORECASE)


def _form(word: str) -> str:
    """ "past" (or past participle), "ing", "base" (present or base form) or "other"."""
    if word in lx.NOT_VERBS:
        return "other"
    if word in lx.IRREGULAR_PAST or word.endswith(("ed", "en")):
        return "past"
    if word.endswith("ing"):
        return "ing"
    return "base"


def _modality(
    trigger: lx.Trigger, word: str, voice: str, left: str, acts: tuple[Act, ...]
) -> tuple[Modality, bool, bool]:
    """(modality, habitual, attempted) from the words before the trigger in its clause."""
    scope = left
    for barrier in lx.CUE_BARRIERS.finditer(left):
        scope = left[barrier.end() :]
    # an attempt, a plan and an infinitive all end in "to", "to be" or "to … -ly": the
    # patterns run only then
    ending = left.rstrip()[-2:].lower()
    to_end = ending == "to"
    attempt = to_end and bool(lx.ATTEMPT.search(left))
    near = " ".join(scope.split()[-lx.CUE_REACH :])  # a cue reaches a few words only
    awaited = _AWAITED_OBJECT.search(near) if word in ("in", "at") else None
    if awaited is not None:
        near = near[awaited.end() :]  # "awaiting deportation at a jail": they wait there now
    expected = bool(lx.ATTITUDE_CUES.search(near))
    for cue in lx.EXPECTED_CUES.finditer(near):
        rest = lx.MODAL_TAIL.sub("", near[cue.end() :])  # "may already have been"
        if not lx.OWN_FINITE.search(rest):
            expected = True
    infinitive = ending in ("to", "be", "ly") and bool(lx.INFINITIVE.search(left))
    form = _form(word)
    if Act.CROSSING in acts:
        # an attempt to cross is a crossing; a plan or a fear makes it expected
        if attempt or (to_end and lx.PREPARE.search(left)):
            return Modality.OCCURRED, False, False
        if expected or infinitive:
            return Modality.EXPECTED, False, False
        return Modality.OCCURRED, form == "base", False
    if expected:
        return Modality.EXPECTED, False, False
    if infinitive:
        if attempt:
            return Modality.EXPECTED, False, True
        if lx.PURPOSE_OF_DONE.search(scope):
            return Modality.OCCURRED, False, False
        return Modality.EXPECTED, False, False
    if voice == "nominal":
        return Modality.OCCURRED, False, False
    if form == "base":
        return Modality.OCCURRED, True, False
    return Modality.OCCURRED, False, False
