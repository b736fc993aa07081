"""Victim counts: the numbers of people a text speaks of, and what they count.

``find_quantities`` returns every expression that counts people — digits and number
words, "a dozen", "about 30", "more than 20", "dozens", "a family of four", "a woman and
her two children", singular nouns ("a defector", "the man"), Korean "N명" — each with
its span, its :class:`~repwatch.model.VictimCount` (the conventions of FORMAT.md) and
the noun it counts. Numbers that count something else (ages, days, years, money,
distances, percentages, times, list labels) are left out. Which quantity counts the
victims of a case is the caller's decision; ``combine`` sums a coordination.

A quantity inside a breakdown of an earlier one ("twelve of them -- four men and eight
women --", "nine North Koreans, including a child") carries ``breakdown_of``: the
``start`` of the quantity it breaks down, so that the caller does not count it twice.

Decisions beyond FORMAT.md: "several", "a few", "a number of" are 2 or more; "N families"
are 2N or more people, "a couple" and "the pair" 2; "thousands" 2,000+, "tens of
thousands" 20,000+; "nearly/almost/as many as N" ⌈0.9N⌉..N-1; "up to N" 1..N; "fewer
than N" 1..N-1; "three or four", "10 to 15" a range. A number with no noun ("the other
11", "Three were caught") has head None; "one of the …" is never a count. Singulars are
taken only for nouns that may name a victim (SINGULAR_NOUNS: not "a source"); numbers
keep any person noun ("30 officers"), for the caller to judge by ``head``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from repwatch.model import VictimCount

PRODUCER = "quantities.v1"

KINDS = ("number", "approx", "lower_bound", "vague", "group", "singular")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A count of people, quoting ``text[start:end]``."""

    start: int
    end: int
    text: str
    count: VictimCount
    head: str | None  # the counted noun, lemma-ish lowercased ("defector", "north korean")
    kind: str  # one of KINDS
    breakdown_of: int | None = None  # ``start`` of the quantity this one breaks down


# --- lexicons (English news and NGO prose; lemmas, lowercased) --------------------


def _lexicon_list(words: str) -> list[str]:
    return words.split()


def _lexicon(words: str) -> frozenset[str]:
    return frozenset(_lexicon_list(words))


# Nouns a count of people ends on. Helpers and officials are people too: the caller
# judges who the victims are from ``head``.
PERSON_NOUNS = _lexicon(
    """man woman boy girl child kid baby infant toddler teenager teen youth youngster adult
    person people individual minor orphan defector refugee escapee seeker crosser migrant
    immigrant emigrant deserter fugitive runaway detainee prisoner captive survivor victim
    worker laborer labourer logger soldier student farmer fisherman trader merchant smuggler
    driver captain mother father wife husband son daughter sister brother sibling grandmother
    grandfather grandson granddaughter grandchild uncle aunt cousin niece nephew relative
    parent fiancé fiancée girlfriend boyfriend couple pair family member citizen national
    resident villager activist missionary pastor helper guide broker official officer guard
    policeman police agent witness journalist reporter diplomat volunteer employee passenger
    crew crewman sailor hostage suspect trafficker dissident believer christian peasant
    servant participant inhabitant occupant applicant dependent adolescent patient elder
    housewife waitress hostess entertainer bride korean chinese others companion comrade"""
)
# Singular nouns that count one possible victim ("a defector", "the man"); narrower than
# PERSON_NOUNS because "a source", "an activist" name witnesses, not victims.
SINGULAR_NOUNS = _lexicon(
    """man woman boy girl child kid baby infant toddler teenager teen youth youngster person
    individual minor orphan defector refugee escapee crosser migrant deserter fugitive
    runaway detainee prisoner captive survivor victim worker laborer labourer logger soldier
    student fisherman mother father wife husband son daughter sister brother sibling
    grandmother grandfather grandson granddaughter grandchild uncle aunt cousin niece nephew
    relative fiancé fiancée girlfriend boyfriend couple pair family national housewife
    bride companion comrade"""
)
# Relations that "his/her/their" or a name's "'s" may own ("his wife", "Park's father").
RELATION_NOUNS = _lexicon(
    """mother father wife husband son daughter sister brother sibling grandmother grandfather
    grandson granddaughter grandchild uncle aunt cousin niece nephew relative parent fiancé
    fiancée girlfriend boyfriend child kid baby family companion comrade"""
)
# Nouns that make a number count something other than people.
UNIT_NOUNS = _lexicon(
    """second minute hour day night morning evening week weekend month year decade century
    time generation yuan won dollar usd kpw krw rmb cny euro pound yen cent percent
    kilometer kilometre km mile meter metre m kg kilogram gram ton tonne liter litre cm
    foot feet inch degree point fold round shot bullet case incident occasion step floor
    storey story room house apartment city town village county province country side way
    part piece item page article camp facility station car vehicle bus truck train boat
    ship phone call million billion group dozen winter summer spring autumn fall"""
)
_IRREGULAR_PLURALS = {
    "men": "man", "women": "woman", "children": "child", "people": "people",
    "wives": "wife", "feet": "feet", "police": "police", "chinese": "chinese",
    "others": "others", "series": "series", "species": "species",
}  # fmt: skip
# Plural "-ers", "-ees", "-ists", "-ians" words that are not people.
_NOT_AGENTIVE = _lexicon(
    """papers numbers orders borders letters meters metres kilometers kilometres centimeters
    liters litres dollars hours towers waters matters layers centers centres corners quarters
    headquarters rivers computers containers trailers motors doors floors sectors factors
    monitors sensors chambers offers powers mirrors errors colors colours favors favours
    rumors rumours terrors horrors vectors tractors reactors corridors indicators barriers
    answers covers posters flyers markers fees trees degrees knees committees guarantees
    decrees lists wrists fists twists others"""
)
_NATIONALITIES = _lexicon(
    """korean koreans chinese vietnamese japanese russian russians mongolian mongolians lao
    laotian laotians thai burmese"""
)
# A phrase after a number ends at these.
_STOP_WORDS = _lexicon(
    """of and or but who whom whose which that in on at to from with without for by into onto
    across near after before during since were was are is be been being had have has will
    would could should may might must can did do does as than including among like under over
    about the a an this these those last next earlier later yesterday today ago also all both
    each still not then there here when where while if so because per via through toward
    towards against along around behind beyond inside outside off up down out said says told
    it its them they he she we you i their his her our my"""
)
# Nouns a person noun may modify ("refugee agency", "defector community").
_INSTITUTIONS = _lexicon(
    """agency agencies camp camps convention conventions status office association
    organization organisation group groups center centre policy issue issues problem crisis
    law laws protection settlement resettlement affairs community communities program
    programme rights network networks movement"""
)
# First words after a number that leave it bare: "three more were caught", "five fled".
_BARE_FOLLOWERS = _lexicon(
    """more others additional further remaining altogether apiece now already reportedly
    allegedly again together respectively total made got went came fled ran died remain
    remains stayed managed tried escaped"""
)
_RELATION_ADJECTIVES = _lexicon(
    """young younger elder older little baby infant teenage adult eldest youngest newborn
    pregnant elderly sick own two-year-old"""
)


def lemma(word: str) -> str:
    """A lowercased singular of an English noun, good enough to match the lexicons."""
    low = word.lower()
    if low in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[low]
    if low.endswith("men") and len(low) > 4:
        return low[:-3] + "man"
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "y"
    if low.endswith(("sses", "shes", "ches", "xes")):
        return low[:-2]
    if low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 2:
        return low[:-1]
    return low


def _looks_agentive(low: str) -> bool:
    """Plural agent nouns not in the lexicon ("escapers", "deportees", "evangelists")."""
    return low.endswith(("ers", "ors", "ees", "ists", "ians")) and low not in _NOT_AGENTIVE


# --- numbers ---------------------------------------------------------------------

_SMALL = {
    w: i
    for i, w in enumerate(
        _lexicon_list(
            "one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
            " fifteen sixteen seventeen eighteen nineteen"
        ),
        start=1,
    )
}
_TENS = {
    w: 10 * i
    for i, w in enumerate(
        _lexicon_list("twenty thirty forty fifty sixty seventy eighty ninety"), start=2
    )
}
_NUMBER_WORD = "|".join(sorted([*_SMALL, *_TENS], key=len, reverse=True))
_MULTIPLIERS = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# Digits ("1,397", "2 million") or number words ("twenty-five", "a hundred and ten").
NUMBER = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+)(?!\w)(?:\s+(?:hundred|thousand|million)\b)?"
    rf"|(?:a\s+(?:hundred|thousand)\b|(?:{_NUMBER_WORD})\b)"
    rf"(?:(?:-|[^\S\n]+(?:and[^\S\n]+)?)(?:(?:{_NUMBER_WORD})\b|hundred\b|thousand\b))*"
)
_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_DIGIT_MULTIPLIER = re.compile(r"\s+(hundred|thousand|million)\b", re.IGNORECASE)
_TOKEN = re.compile(r"[^\W\d_]+")


def parse_number(raw: str) -> tuple[int | None, int]:
    """The value of the number at the start of ``raw`` and how many characters it takes.

    Stops at the first word that cannot continue the number ("four five" → 4).
    """
    digits = _DIGITS.match(raw)
    if digits:
        if len(digits.group()) > 15:
            return None, 0  # no count of people, and int() refuses very long digit runs
        value = int(digits.group().replace(",", ""))
        multiplier = _DIGIT_MULTIPLIER.match(raw, digits.end())
        if multiplier:
            return value * _MULTIPLIERS[multiplier.group(1).lower()], multiplier.end()
        return value, digits.end()
    total = current = consumed = 0
    last: str | None = None
    for token in _TOKEN.finditer(raw):
        word = token.group().lower()
        if word == "and" and last in ("hundred", "thousand"):
            continue
        if word == "a" and last is None:
            current, last = 1, "a"
            continue
        small = _SMALL.get(word)
        if small is not None and (
            last in (None, "hundred", "thousand") or (last == "tens" and small < 10)
        ):
            current += small
            last = "unit" if small < 10 else "teen"
        elif word in _TENS and last in (None, "hundred", "thousand"):
            current += _TENS[word]
            last = "tens"
        elif word == "hundred" and last in ("unit", "teen", "a") and current < 100:
            current *= 100
            last = "hundred"
        elif word == "thousand" and last not in (None, "thousand") and total == 0:
            total, current, last = current * 1000, 0, "thousand"
        else:
            break
        consumed = token.end()
    if consumed == 0:
        return None, 0
    return total + current, consumed


def word_alternation(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, as a prefix trie: Python's engine tries the
    branches of an alternation one by one, so shared prefixes make it much faster."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


# --- patterns --------------------------------------------------------------------

# What a qualifier makes of the number after it.
_QUALIFIERS = {
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "not fewer than": "at_least", "not less than": "at_least", "a minimum of": "at_least",
    "more than": "more_than", "over": "more_than", "upwards of": "more_than",
    "in excess of": "more_than", "about": "about", "around": "about",
    "approximately": "about", "roughly": "about", "some": "about", "an estimated": "about",
    "estimated": "about", "nearly": "nearly", "almost": "nearly", "close to": "nearly",
    "as many as": "nearly", "up to": "up_to", "at most": "up_to", "fewer than": "fewer",
    "less than": "fewer",
}  # fmt: skip
_QUAL = "|".join(sorted((q.replace(" ", r"\s+") for q in _QUALIFIERS), key=len, reverse=True))
_MONTHS = (
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june"
    r"|july|august|september|october|november|december"
)

# A qualifier, or the "a" of "a hundred", just before a number word.
_QUALIFIER_BEFORE = re.compile(
    r"(?<![\w-])(?:(?:"
    + word_alternation(_QUALIFIERS).replace(re.escape(" "), r"\s+")
    + r")\s+(?:a\s+)?|a\s+)$"
)
_NUMBER_EXPR = re.compile(
    rf"(?<![\w.,$£€¥₩/:-])(?:(?P<qual>{_QUAL})\s+)?(?P<num>{NUMBER})"
    rf"(?:(?:-|–|\s+(?:to|or)\s+)(?P<num2>{NUMBER}))?(?P<more>\s+or\s+more\b|\+|-plus\b)?",
    re.IGNORECASE,
)
_DOZEN = re.compile(
    rf"(?<![\w-])(?:(?P<qual>{_QUAL})\s+)?"
    rf"(?:(?P<half>half\s+a)|(?P<one>an?|one)|(?P<num>{NUMBER}))\s+dozen\b(?!s)",
    re.IGNORECASE,
)
# Plural multiples count at least two of their unit (FORMAT.md: dozens 24+, hundreds
# 200+); plain plural quantifiers ("several", "a few") at least two people.
_VAGUE = re.compile(
    r"(?<![\w-])(?:(?P<tens>tens)\s+of\s+thousands|(?P<hund>hundreds)\s+of\s+thousands"
    r"|(?:several|a\s+few|many|a\s+couple\s+of)\s+(?P<unit>dozen|hundred|thousand)s?"
    r"|(?P<units>dozens|hundreds|thousands)(?:\s+(?:and|upon)\s+(?:dozens|hundreds|thousands))?"
    r"|(?P<few>several|a\s+few|a\s+handful|a\s+number|a\s+couple))\b",
    re.IGNORECASE,
)
_BOTH = re.compile(r"(?<![\w-])both\b", re.IGNORECASE)
_GROUP_OF = re.compile(
    rf"(?<![\w-])(?:(?:an?|the|one|another)\s+)?(?:(?:first|second|third|fourth|separate"
    rf"|large|small|larger|smaller|new|further)\s+)?"
    # a nationality or kind before the noun ("a North Korean family of five")
    rf"(?:(?-i:(?:[A-Z][\w-]*\s+){{1,2}})|(?:defector|refugee|ethnic\s+Korean)\s+)?"
    rf"(?P<noun>family|household|group|party)"
    rf"\s+of\s+(?:(?P<qual>{_QUAL})\s+)?(?P<num>{NUMBER})",
    re.IGNORECASE,
)
_MEMBER_COMPOUND = re.compile(
    rf"(?<![\w-])(?:an?\s+)?(?P<num>{NUMBER})-(?:member|person|strong)\s+"
    r"(?P<noun>family|household|group|party)\b",
    re.IGNORECASE,
)
_SINGULAR = re.compile(
    r"(?<![\w-])(?P<det>(?i:an?|another|the|this|that|his|her|their)|[A-Z][\w-]*['’]s)"
    rf"(?P<age>\s+(?i:{NUMBER})[\s-]+(?i:year|month|week)s?[\s-]+old)?(?=\s)"
)
_KOREAN = re.compile(
    r"(?:(?P<noun>탈북자|탈북민|북한\s*주민|주민|여성|남성|어린이|아동|청소년|일가족|가족)\s*)?"
    r"(?P<qual>약\s*)?(?P<num>\d{1,3}(?:,\d{3})+|\d+|한|두|세|네|다섯|여섯|일곱|여덟|아홉|열)"
    r"\s*(?P<yeo>여\s*)?명(?![령단절예칭성소부목물함확])(?P<more>\s*이상|\s*넘게)?"
)
_KOREAN_NATIVE = {
    "한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8,
    "아홉": 9, "열": 10,
}  # fmt: skip
_KOREAN_HEADS = {
    "탈북자": "defector", "탈북민": "defector", "북한주민": "north korean",
    "주민": "resident", "여성": "woman", "남성": "man", "어린이": "child", "아동": "child",
    "청소년": "teenager", "일가족": "family", "가족": "family",
}  # fmt: skip

# One word of a phrase, on the same line.
_WORD = re.compile(r"[^\S\n]+(?P<w>[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*)")
_OF = re.compile(r"[^\S\n]+of\b", re.IGNORECASE)
_PARTITIVE = re.compile(
    r"[^\S\n]+of[^\S\n]+(?P<det>them|us|whom|the|those|these|their)\b", re.IGNORECASE
)
_NUMBER_AT = re.compile(rf"[^\S\n]+(?P<num>{NUMBER})", re.IGNORECASE)
# After a number: a time, a percentage, a decimal, a hyphenated compound ("23-year-old").
_AFTER_NOT_COUNT = re.compile(
    r"\s*(?:[ap]\.\s?m\.|[ap]m\b|o['’]clock|%|percent\b|per\s+cent\b)|:\d|\.\d|/\d|-[^\W\d_]",
    re.IGNORECASE,
)
_COMPOUND = re.compile(r"-(?P<w>[^\W\d_]+)")
# Just before a number that then counts no one: an age, a label, a month, a currency.
_BEFORE_NOT_COUNT_WORDS = [
    *("aged", "age", "ages", "age of", "age between", "no", "nos", "number", "page", "pages"),
    *("aged between", "aged from", "ages between", "ages from", "ages of"),
    *("article", "chapter", "route", "highway", "room", "unit", "grade", "class", "level"),
    *("version", "item", "camp", "usd", "rmb", "krw", "kpw", "cny", *_MONTHS.split("|")),
]
# Just before a number with no noun after it: "in 2007", "at 6", "is 29", "to 15".
_BEFORE_BARE_NOT_COUNT_WORDS = [
    *("in", "on", "at", "by", "to", "from", "for", "per", "since", "until", "till", "within"),
    *("after", "before", "during", "than", "near", "is", "was", "are", "were", "be", "been"),
    *("turned", "turns", "aged", "age", "out"),
]
# Verbs that make "over", "about" a particle rather than a qualifier.
_PARTICLE_VERBS = [
    *("hand", "hands", "handed", "handing", "turn", "turns", "turned", "turning", "take"),
    *("takes", "took", "taken", "pass", "passed", "send", "sent", "bring", "brought", "talk"),
    *("talked", "talking", "ask", "asked", "worried", "concerned"),
]


def _ends_with(words: Iterable[str], extra: str = "") -> Callable[[str, int], bool]:
    """A test that one of ``words`` (or ``extra``) ends the 24 characters of a text before
    a position, ignoring case. Searching the lowercased slice with a trie keeps it fast."""
    alternation = word_alternation(words).replace(re.escape(" "), r"\s+")
    pattern = re.compile(r"(?:(?<![^\W_])(?:" + alternation + r")\.?" + extra + r")\s*$")

    def test(text: str, pos: int) -> bool:
        return pattern.search(text[max(0, pos - 24) : pos].lower()) is not None

    return test


# The second number of an age range ("aged 15 to 23"), and an age after a person noun
# ("a girl of about ten": her age, not ten people).
_AGE_CONTEXT = (
    r"|(?<![^\W_])age[sd]?(?:\s+(?:between|from))?\s+(?:\d{1,2}|[a-z]+(?:-[a-z]+)?)"
    r"\s*(?:and|to|or|-|–)"
    r"|(?<![^\W_])(?:girl|boy|child|kid|man|woman|son|daughter|teenager|youth|lady)\s+of"
)
_before_not_count = _ends_with(
    _BEFORE_NOT_COUNT_WORDS,
    rf"|[$£€¥₩#]|(?<![^\W_])(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\s*(?:and|to|or|through|-|–)"
    + _AGE_CONTEXT,
)
_before_bare_not_count = _ends_with(_BEFORE_BARE_NOT_COUNT_WORDS)
_after_particle_verb = _ends_with(_PARTICLE_VERBS)
_SENTENCE_END = re.compile(r"[.!?;](?:\s|$)|\n")
_OPEN_BREAKDOWN = re.compile(
    r"\s*(?P<delim>--|—|–|\(|:)\s*(?:(?:including|among\s+them)\s+)?"
    r"|\s*,?\s*(?:including|among\s+them|among\s+whom|of\s+whom|among\s+those|comprising"
    r"|consisting\s+of|made\s+up\s+of|namely)\s+",
    re.IGNORECASE,
)
_CHAIN = re.compile(r"\s*(?:,|and|or|,\s*and|plus|as\s+well\s+as)\s*", re.IGNORECASE)
_CLOSERS = {"(": ")", "--": "--", "—": "—", "–": "–"}
_COORD = re.compile(
    r"[^\S\n]+(?:and|with|along\s+with|together\s+with)(?P<poss>[^\S\n]+(?:his|her|their))?"
    r"(?=[^\S\n])",
    re.IGNORECASE,
)


# --- scanning ----------------------------------------------------------------------


def _lowered(text: str) -> str:
    """``text`` lowercased with every offset kept ("İ" would lowercase to two characters)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(char if len(char.lower()) != 1 else char.lower() for char in text)


_SCAN_TOKEN = re.compile(r"[^\W_]+")


class Scan:
    """Where to look in a text. One pass of ``anchors`` (a lowercase trie alternation, fast)
    over the lowercased text finds anchor words; a full pattern is then tried only
    at the few word starts just before an anchor (``match_back``), never at every
    character. Shared with the dates finder."""

    __slots__ = ("_before", "hi", "hits", "lo", "text")

    def __init__(
        self,
        text: str,
        lo: int,
        hi: int,
        anchors: re.Pattern[str],
        classify: Callable[[str], tuple[str, ...]],
    ) -> None:
        self.text, self.lo, self.hi = text, lo, hi
        self._before: dict[int, list[int]] = {}
        self.hits: dict[str, list[tuple[int, int]]] = {}
        for match in anchors.finditer(_lowered(text), lo, hi):
            for kind in classify(match.group()):
                self.hits.setdefault(kind, []).append(match.span())

    def get(self, kind: str) -> list[tuple[int, int]]:
        return self.hits.get(kind, [])

    def starts_before(self, pos: int, back: int) -> list[int]:
        """The starts of up to ``back`` words before ``pos``, and ``pos``."""
        if back == 0:
            return [pos]
        starts = self._before.get(pos)
        if starts is None:  # most patterns start at most five words back: read them once
            window = _SCAN_TOKEN.finditer(self.text, max(self.lo, pos - 16 * max(back, 5)), pos)
            starts = [m.start() for m in window][-max(back, 5) :]
            if back <= 5:
                self._before[pos] = starts
        return [*starts[-back:], pos]

    def match_back(self, pattern: re.Pattern[str], pos: int, back: int) -> re.Match[str] | None:
        """The leftmost match of ``pattern`` starting at most ``back`` words before ``pos``
        that reaches past ``pos``."""
        for start in self.starts_before(pos, back):
            match = pattern.match(self.text, start, self.hi)
            if match is not None and match.end() > pos:
                return match
        return None

    def matches(self, pattern: re.Pattern[str], kind: str, back: int) -> Iterator[re.Match[str]]:
        """Each distinct match of ``pattern`` around the anchors of ``kind``, in text order."""
        last_end = -1
        for pos, _ in self.get(kind):
            if pos < last_end:
                continue
            match = self.match_back(pattern, pos, back)
            if match is not None and match.start() >= last_end:
                last_end = match.end()
                yield match


# --- noun phrases ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Phrase:
    status: str  # "person" (a counted noun), "bare" (no noun), "reject" (counts a thing)
    head: str | None = None
    end: int = 0


_REJECT = _Phrase("reject")


def _words(text: str, pos: int, hi: int) -> list[tuple[str, int]]:
    """The words after ``pos`` up to a stop word or punctuation: (lowercased, end)."""
    words: list[tuple[str, int]] = []
    while len(words) < 6:
        match = _WORD.match(text, pos, hi)
        if not match:
            break
        word = match.group("w").lower()
        if word in _STOP_WORDS:
            break
        words.append((word, match.end("w")))
        pos = match.end()
    return words


def _modifies_next(text: str, words: list[tuple[str, int]], i: int) -> bool:
    """True if the person noun before ``words[i]`` only modifies it: "the refugee agency",
    "the Refugee Convention"."""
    word, end = words[i]
    if word in _INSTITUTIONS:
        return True
    start = end - len(word)
    before = words[i - 1][1] - len(words[i - 1][0])
    return text[start].isupper() and text[before].isupper()


def _phrase_after(text: str, pos: int, hi: int, *, singular: bool = False) -> _Phrase:
    """The noun a number (or a determiner, when ``singular``) at ``pos`` counts."""
    words = _words(text, pos, hi)
    if not words:
        return _Phrase("bare", None, pos)
    head: str | None = None
    head_end = pos
    i = 0
    while i < len(words):
        word, word_end = words[i]
        nationality = _nationality(words, i)
        if nationality is not None:
            name, taken, as_noun = nationality
            if head is not None and not as_noun:
                break
            if as_noun and not (singular and name.endswith("s")):
                head = lemma(name) if name.endswith("s") else name
                head_end = words[i + taken - 1][1]
            i += taken
            continue
        if head is None and lemma(word) in UNIT_NOUNS and not _person_follows(words, i, singular):
            return _REJECT  # "three days", but "two border guards" counts guards
        if word.endswith(("'s", "’s")):
            if lemma(word[:-2]) in PERSON_NOUNS:
                return _REJECT  # "the man's identity": the man owns what is counted
            if head is not None:
                break
        elif word in SINGULAR_NOUNS if singular else _is_plural_person(word):
            head, head_end = lemma(word), word_end
        elif head is not None:
            if _modifies_next(text, words, i):
                return _REJECT
            break
        i += 1
    if head is not None:
        return _Phrase("person", head, head_end)
    first = words[0][0]
    if first in _BARE_FOLLOWERS or (first.endswith("ed") and len(first) > 4):
        return _Phrase("bare", None, pos)
    return _REJECT


def _person_follows(words: list[tuple[str, int]], i: int, singular: bool) -> bool:
    """True if a person noun follows ``words[i]`` in the same noun phrase ("two border
    guards"); a participle ends the phrase ("two winters alarmed residents")."""
    if words[i][0] in ("dozen", "dozens", "hundred", "hundreds", "thousand", "thousands"):
        return False  # "two dozen activists" is the dozens finder's
    for word, _ in words[i + 1 :]:
        if word.endswith(("ed", "ing")):
            return False
        if word in SINGULAR_NOUNS if singular else _is_plural_person(word):
            return True
    return False


def _is_plural_person(word: str) -> bool:
    base = lemma(word)
    return word != "other" and (
        base in PERSON_NOUNS or (_looks_agentive(word) and base not in UNIT_NOUNS)
    )


def _nationality(words: list[tuple[str, int]], i: int) -> tuple[str, int, bool] | None:
    """(name, words taken, used as a noun) for "North Korean(s)", "Chinese", …"""
    word = words[i][0]
    taken = 1
    name = word
    if word in ("north", "south") and i + 1 < len(words) and words[i + 1][0] in _NATIONALITIES:
        name, word, taken = f"{word} {words[i + 1][0]}", words[i + 1][0], 2
    if word not in _NATIONALITIES:
        return None
    # "North Koreans" is a noun; "North Korean" is one only at the end of the phrase.
    return name, taken, word.endswith("s") or i + taken >= len(words)


# --- counts ----------------------------------------------------------------------


def _count(qualifier: str | None, low: int, high: int | None) -> tuple[VictimCount, str] | None:
    """The count and kind a (qualified) number or range makes; None if it makes none."""
    rule = _QUALIFIERS.get(" ".join(qualifier.lower().split())) if qualifier else None
    top = low if high is None else high
    if top < low:
        return None
    inward_low = (9 * low + 9) // 10  # N ± 10 %, rounded inward (FORMAT.md)
    if rule is None:
        return VictimCount(min=low, max=top), "number" if top == low else "approx"
    if rule == "at_least":
        return VictimCount(min=low, max=None), "lower_bound"
    if rule == "more_than":
        return VictimCount(min=low + 1, max=None), "lower_bound"
    if rule == "about":
        return VictimCount(min=inward_low, max=(11 * top) // 10), "approx"
    if rule == "nearly":
        return VictimCount(min=inward_low, max=max(top - 1, inward_low)), "approx"
    if rule == "up_to":
        return VictimCount(min=min(1, top), max=top), "approx"
    return (VictimCount(min=1, max=top - 1), "approx") if top > 1 else None  # fewer than


def _people_count(head: str | None, count: VictimCount, kind: str) -> tuple[VictimCount, str]:
    """Counts of families and couples as counts of people: a family is two or more."""
    if head == "family" and count.min is not None:
        return VictimCount(min=2 * count.min, max=None), "group"
    if head in ("couple", "pair") and count.min is not None:
        return VictimCount(min=2 * count.min, max=None if count.max is None else 2 * count.max), (
            "group"
        )
    return count, kind


# --- finders: each returns candidates; overlaps are settled later -------------------


def _numbers(scan: Scan) -> list[Quantity]:
    found = []
    pos = scan.lo
    text = scan.text
    for anchor, _ in scan.get("number"):
        if anchor < pos:
            continue
        before = _lowered(text[max(scan.lo, anchor - 24) : anchor])
        qualifier = _QUALIFIER_BEFORE.search(before)
        start = anchor - len(before) + qualifier.start() if qualifier else anchor
        match = _NUMBER_EXPR.match(text, start, scan.hi)
        if match is None and qualifier:
            match = _NUMBER_EXPR.match(text, anchor, scan.hi)
        if match is None or match.start("num") > anchor:
            continue
        quantity = _number_quantity(scan.text, match, scan.hi)
        if quantity is not None:
            found.append(quantity)
            pos = quantity.end
        else:  # look again after the first number: "2014 - Fifteen people"
            pos = match.start("num") + max(1, parse_number(match.group("num"))[1])
    return found


def _number_quantity(text: str, match: re.Match[str], hi: int) -> Quantity | None:
    raw = match.group("num")
    value, length = parse_number(raw)
    start = match.start()
    qualifier = match.group("qual")
    if qualifier and _after_particle_verb(text, start):
        qualifier, start = None, match.start("num")  # "handed over 12 people"
    if value is None or _before_not_count(text, start):
        return None
    num_end = match.start("num") + length
    high: int | None = None
    if length == len(raw):  # the whole number was read: a range or "or more" may follow
        if match.group("num2"):
            high, length2 = parse_number(match.group("num2"))
            if high is None or length2 != len(match.group("num2")):
                return None
            num_end = match.end("num2")
        if match.group("more"):
            qualifier, num_end = "at least", match.end("more")
    if _AFTER_NOT_COUNT.match(text, num_end, hi):
        return _compound_quantity(text, start, value, num_end, hi)
    if raw[0].isdigit() and _looks_like_year(raw, value, high):
        phrase = _phrase_after(text, num_end, hi)
        after_preposition = _before_bare_not_count(text, start)
        if phrase.status != "person" or after_preposition:
            return None
    if value == 1 and raw[0].isalpha() and high is None:
        return _one_quantity(text, match, num_end, hi)
    partitive = _PARTITIVE.match(text, num_end, hi)
    if partitive:
        return _partitive_quantity(text, start, _count(qualifier, value, high), partitive, hi)
    phrase = _phrase_after(text, num_end, hi)
    if phrase.status == "reject":
        return None
    if phrase.status == "bare" and not _bare_allowed(text, start, num_end):
        return None
    counted = _count(qualifier, value, high)
    if counted is None:
        return None
    count, kind = _people_count(phrase.head, *counted)
    end = phrase.end if phrase.status == "person" else num_end
    return Quantity(start, end, text[start:end], count, phrase.head, kind)


def _looks_like_year(raw: str, value: int, high: int | None) -> bool:
    plain_year = "," not in raw and len(raw) == 4 and 1800 <= value <= 2100
    return plain_year or (high is not None and 1800 <= value <= 2100 and high < value)


def _bare_allowed(text: str, start: int, num_end: int) -> bool:
    """A number with no noun counts people unless its context makes it a year, age or label."""
    if _before_bare_not_count(text, start):
        return False
    before = text[max(0, start - 2) : start].rstrip(" ")
    after = text[num_end : num_end + 1]
    if before.endswith((",", "(")) and after in (",", ")"):
        return False  # "Ri, 29, left" and "Kim (32)": an age after a name
    at_line_start = start == 0 or text[start - 1] == "\n"
    return not (at_line_start and after in (".", ")"))  # "1." and "2)" label a list


def _one_quantity(text: str, match: re.Match[str], num_end: int, hi: int) -> Quantity | None:
    """Count "one defector"; not "one of the", "no one" or a bare "one"."""
    start = match.start()
    if match.group("qual") or text[max(0, start - 6) : start].lower().endswith(
        ("no ", "the ", "any ", "every ")
    ):
        return None
    phrase = _phrase_after(text, num_end, hi)
    if phrase.status != "person":
        return None
    count = VictimCount.exactly(1)
    return Quantity(start, phrase.end, text[start : phrase.end], count, phrase.head, "number")


def _partitive_quantity(
    text: str,
    start: int,
    counted: tuple[VictimCount, str] | None,
    partitive: re.Match[str],
    hi: int,
) -> Quantity | None:
    """A part: "twelve of the North Koreans", "five of them", "two of the 13"."""
    if counted is None:
        return None
    end = partitive.end()
    head = None
    if partitive.group("det").lower() in ("the", "those", "these", "their"):
        phrase = _phrase_after(text, end, hi)
        if phrase.status == "person":
            head, end = phrase.head, phrase.end
        else:
            number = _NUMBER_AT.match(text, end, hi)
            if number is None:
                return None
            end = number.end("num")
    return Quantity(start, end, text[start:end], counted[0], head, counted[1])


def _compound_quantity(text: str, start: int, value: int, num_end: int, hi: int) -> Quantity | None:
    """Compounds: "a five-member family" counts five; "23-year-old", "6 p.m." no one."""
    compound = _COMPOUND.match(text, num_end, hi)
    if compound is None or compound.group("w").lower() not in ("member", "strong", "person"):
        return None
    phrase = _phrase_after(text, compound.end(), hi)
    if phrase.status != "person":
        return None
    kind = "group" if phrase.head == "family" else "number"
    count = VictimCount.exactly(value)
    return Quantity(start, phrase.end, text[start : phrase.end], count, phrase.head, kind)


def _with_phrase(
    text: str,
    start: int,
    end: int,
    hi: int,
    counted: tuple[VictimCount, str] | None,
    *,
    need_noun: bool = False,
) -> Quantity | None:
    """A quantity word and the noun it counts, if one follows ("a dozen North Koreans")."""
    if counted is None:
        return None
    partitive = _PARTITIVE.match(text, end, hi)
    if partitive:
        end, need_noun = partitive.end(), False
    phrase = _phrase_after(text, end, hi)
    if phrase.status == "reject" or (need_noun and phrase.status != "person"):
        return None
    if phrase.status == "person":
        end = phrase.end
    count, kind = _people_count(phrase.head, *counted)
    return Quantity(start, end, text[start:end], count, phrase.head, kind)


def _dozens(scan: Scan) -> list[Quantity]:
    text, hi = scan.text, scan.hi
    found = []
    for match in scan.matches(_DOZEN, "dozen", 5):
        if match.group("half"):
            value = 6
        elif match.group("one"):
            value = 12
        else:
            number, length = parse_number(match.group("num"))
            if number is None or length != len(match.group("num")):
                continue
            value = 12 * number
        quantity = _with_phrase(
            text, match.start(), match.end(), hi, _count(match.group("qual"), value, None)
        )
        if quantity is not None:
            found.append(quantity)
    return found


def _vague(scan: Scan) -> list[Quantity]:
    text, hi = scan.text, scan.hi
    found = []
    for match in scan.matches(_VAGUE, "vague", 1):
        if match.group("tens"):
            minimum = 20_000
        elif match.group("hund"):
            minimum = 200_000
        elif match.group("few"):
            minimum = 2
        else:
            unit = (match.group("unit") or match.group("units")).lower().rstrip("s")
            minimum = {"dozen": 24, "hundred": 200, "thousand": 2000}[unit]
        end = match.end()
        of = _OF.match(text, end, hi)
        few = (match.group("few") or "").lower().split()
        if few[-1:] in (["handful"], ["number"]) and not of:
            continue  # "a number" without "of" is not a quantity
        if of and not _PARTITIVE.match(text, end, hi):
            end = of.end()
        counted = (VictimCount(min=minimum, max=None), "vague")
        quantity = _with_phrase(text, match.start(), end, hi, counted, need_noun=True)
        if quantity is not None:
            found.append(quantity)
    return found


def _both(scan: Scan) -> list[Quantity]:
    counted = (VictimCount.exactly(2), "number")
    found = []
    for match in scan.matches(_BOTH, "both", 0):
        quantity = _with_phrase(
            scan.text, match.start(), match.end(), scan.hi, counted, need_noun=True
        )
        if quantity is not None:
            found.append(quantity)
    return found


def _groups(scan: Scan) -> list[Quantity]:
    """Groups: "a family of four", "a group of seven people", "a five-member family"."""
    text, hi = scan.text, scan.hi
    found = []
    for match in scan.matches(_GROUP_OF, "group", 5):
        value, length = parse_number(match.group("num"))
        counted = _count(match.group("qual"), value, None) if value is not None else None
        if counted is None:
            continue
        count, kind = counted
        end = match.start("num") + length
        noun = match.group("noun").lower()
        head: str | None = "family" if noun in ("family", "household") else "group"
        phrase = _phrase_after(text, end, hi)
        if phrase.status == "reject":
            continue
        if phrase.status == "person":
            end = phrase.end
            head = phrase.head if head == "group" else head
        if head == "family" and kind == "number":
            kind = "group"
        found.append(Quantity(match.start(), end, text[match.start() : end], count, head, kind))
    for match in scan.matches(_MEMBER_COMPOUND, "member", 5):
        value, length = parse_number(match.group("num"))
        if value is None or length != len(match.group("num")):
            continue
        family = match.group("noun").lower() in ("family", "household")
        found.append(
            Quantity(
                match.start(),
                match.end(),
                match.group(),
                VictimCount.exactly(value),
                "family" if family else "group",
                "group" if family else "number",
            )
        )
    return found


_DETERMINER_BEFORE = re.compile(
    r"(?<![\w'’-])(?:an(?:other)?|a|th(?:e|is|at|eir)|h(?:is|er))(?=\s)"
)
_POSSESSOR_BEFORE = re.compile(r"(?<![\w-])[A-Z][\w-]*['’]s(?=\s)")
# Every word a finder starts from, and which finder it is for.
_ANCHOR_WORDS = {
    "singular": SINGULAR_NOUNS | _NATIONALITIES,
    "number": frozenset([*_SMALL, *_TENS, "hundred", "thousand"]),
    "vague": _lexicon("several few handful number couple dozens hundreds thousands tens"),
    "dozen": frozenset(["dozen"]),
    "both": frozenset(["both"]),
    "group": _lexicon("family household group party"),
    "member": _lexicon("member person strong"),
}
# Every word a finder starts from, and which finders it is for.
_ANCHOR_KINDS: dict[str, tuple[str, ...]] = {}
for _kind, _words_of_kind in _ANCHOR_WORDS.items():
    for _word in _words_of_kind:
        _ANCHOR_KINDS[_word] = (*_ANCHOR_KINDS.get(_word, ()), _kind)
_ANCHORS = re.compile(r"(?<![^\W_])(?:\d+|" + word_alternation(_ANCHOR_KINDS) + r")(?![^\W_])")


def _classify_anchor(word: str) -> tuple[str, ...]:
    return ("number",) if word[0].isdigit() else _ANCHOR_KINDS.get(word, ())


def _singulars(scan: Scan) -> list[Quantity]:
    """Singulars: "a defector", "the man", "his wife", "Park's father", "a 23-year-old
    woman", "a couple", and relatives joined to them: "a woman and her two children"."""
    found = []
    for anchor, noun_end in scan.get("singular"):
        quantity = _singular_at(scan, anchor, noun_end)
        if quantity is not None:
            found.append(quantity)
    return found


def _singular_at(scan: Scan, anchor: int, noun_end: int) -> Quantity | None:
    """The singular whose noun ends at ``noun_end``: the first determiner up to six words
    before it whose noun phrase ends there."""
    text, hi = scan.text, scan.hi
    if text[anchor:noun_end].lower() in _NATIONALITIES:
        after = _WORD.match(text, noun_end, hi)
        if after and after.group("w").lower() not in _STOP_WORDS:
            return None  # "a North Korean woman": the noun comes later
    base = max(scan.lo, anchor - 72)
    before = text[base:anchor]
    starts = sorted(
        [base + m.start() for m in _DETERMINER_BEFORE.finditer(_lowered(before))]
        + [base + m.start() for m in _POSSESSOR_BEFORE.finditer(before)]
    )
    for start in starts:
        match = _SINGULAR.match(text, start, hi)
        if match is None:
            continue
        det = match.group("det").lower()
        possessive = det in ("his", "her", "their") or det.endswith(("'s", "’s"))
        phrase = _phrase_after(text, match.end(), hi, singular=True)
        if phrase.status != "person" or phrase.head is None or phrase.end != noun_end:
            continue
        if possessive and phrase.head not in RELATION_NOUNS:
            return None
        if phrase.head == "family":
            count, kind = VictimCount(min=2, max=None), "group"
        elif phrase.head in ("couple", "pair"):
            count, kind = VictimCount.exactly(2), "group"
        else:
            count, kind = VictimCount.exactly(1), "singular"
        end, joined = _joined_relatives(text, phrase.end, hi, first=phrase.head)
        if joined is not None:
            count, kind = combine_counts((count, joined)), "group"
        start = match.start()
        return Quantity(start, end, text[start:end], count, phrase.head, kind)
    return None


def _joined_relatives(
    text: str, pos: int, hi: int, *, first: str
) -> tuple[int, VictimCount | None]:
    """People joined by "and/with his, her, their …" ("and her two children"), or relatives
    coordinated with a relative ("a brother and sister"), and where they end."""
    total: VictimCount | None = None
    end = pos
    while True:
        coord = _COORD.match(text, end, hi)
        if coord is None:
            break
        owned = coord.group("poss") is not None
        cursor = coord.end()
        number = _NUMBER_AT.match(text, cursor, hi)
        value: int | None = None
        if number:
            value, length = parse_number(number.group("num"))
            if value is not None and length == len(number.group("num")):
                cursor = number.start("num") + length
            else:
                value = None
        relation = _relation_at(text, cursor, hi, numbered=value is not None)
        if relation is None or not (owned or value is not None or first in RELATION_NOUNS):
            break
        relation_end, plural = relation
        if value is not None:
            part = VictimCount.exactly(value)
        elif plural or lemma(text[relation_end - 8 : relation_end]).endswith("family"):
            part = VictimCount(min=2, max=None)  # "her children", "his family": two or more
        else:
            part = VictimCount.exactly(1)
        total = part if total is None else combine_counts((total, part))
        end = relation_end
    return end, total


def _relation_at(text: str, pos: int, hi: int, *, numbered: bool) -> tuple[int, bool] | None:
    """Where a relation noun after ``pos`` ends (at most two adjectives first), and if plural."""
    for _ in range(3):
        match = _WORD.match(text, pos, hi)
        if match is None:
            return None
        word = match.group("w").lower()
        base = lemma(word)
        if base in RELATION_NOUNS or (numbered and base in PERSON_NOUNS):
            return match.end("w"), base != word
        if word not in _RELATION_ADJECTIVES:
            return None
        pos = match.end()
    return None


def _korean(text: str, lo: int, hi: int) -> list[Quantity]:
    """Korean counts: "탈북자 3명", "5명", "약 30명", "30여 명", "10명 이상"."""
    found = []
    for match in _KOREAN.finditer(text, lo, hi):
        raw = match.group("num")
        value = _KOREAN_NATIVE.get(raw)
        if value is None:
            digits = _DIGITS.match(raw)
            if digits is None:
                continue
            value = int(digits.group().replace(",", ""))
        noun = match.group("noun")
        head = _KOREAN_HEADS.get(noun.replace(" ", "")) if noun else None
        if match.group("more"):
            count, kind = VictimCount(min=value, max=None), "lower_bound"
        elif match.group("qual") or match.group("yeo"):
            count, kind = VictimCount(min=(9 * value + 9) // 10, max=(11 * value) // 10), "approx"
        else:
            count, kind = VictimCount.exactly(value), "group" if head == "family" else "number"
        found.append(Quantity(match.start(), match.end(), match.group(), count, head, kind))
    return found


# --- assembly --------------------------------------------------------------------


def _select(candidates: list[Quantity], lo: int, hi: int) -> list[Quantity]:
    """The longest non-overlapping candidates, in text order."""
    candidates.sort(key=lambda q: (q.start, q.start - q.end))
    chosen: list[Quantity] = []
    last_end = -1
    for quantity in candidates:
        if quantity.start >= max(last_end, lo) and lo <= quantity.start < quantity.end <= hi:
            chosen.append(quantity)
            last_end = quantity.end
    return chosen


def _mark_breakdowns(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """Tag the quantities that break down an earlier one: in a parenthesis or between dashes
    right after it ("12 -- four men and eight women --"), or listed after "including"."""
    marked: list[Quantity] = []
    parent: Quantity | None = None
    close = -1  # where a bracketed breakdown ends; -1 while following an "including" list
    for quantity in quantities:
        previous = marked[-1] if marked else None
        tagged = False
        if parent is not None and previous is not None:
            if close >= 0:
                tagged = quantity.start < close
            elif previous.breakdown_of is not None:
                tagged = bool(_CHAIN.fullmatch(text, previous.end, quantity.start))
        if not tagged:
            parent = None
            opened = (
                _OPEN_BREAKDOWN.fullmatch(text, previous.end, quantity.start) if previous else None
            )
            if previous is not None and opened is not None:
                parent = _root(previous, marked)
                close = _closing(text, opened.group("delim"), quantity.start)
                tagged = True
        if tagged and parent is not None:
            quantity = replace(quantity, breakdown_of=parent.start)
        marked.append(quantity)
    return marked


def _root(quantity: Quantity, marked: list[Quantity]) -> Quantity:
    for other in marked:
        if other.start == quantity.breakdown_of:
            return other
    return quantity


def _closing(text: str, delim: str | None, pos: int) -> int:
    if delim is None:
        return -1
    sentence = _SENTENCE_END.search(text, pos)
    limit = sentence.start() if sentence else len(text)
    found = text.find(_CLOSERS[delim], pos, limit) if delim in _CLOSERS else -1
    return found if found >= 0 else limit


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Every count of people in ``text[start:end]``, in text order, with offsets into ``text``."""
    hi = len(text) if end is None else max(0, min(end, len(text)))
    lo = max(0, start)
    if lo >= hi:
        return []
    scan = Scan(text, lo, hi, _ANCHORS, _classify_anchor)
    candidates = (
        _numbers(scan)
        + _dozens(scan)
        + _vague(scan)
        + _both(scan)
        + _groups(scan)
        + _singulars(scan)
    )
    if "명" in text[lo:hi]:
        candidates += _korean(text, lo, hi)
    return _mark_breakdowns(text, _select(candidates, lo, hi))


def combine_counts(counts: Sequence[VictimCount]) -> VictimCount:
    """The sum of counts, open-ended if any is."""
    maximum: int | None = 0
    for count in counts:
        maximum = None if maximum is None or count.max is None else maximum + count.max
    return VictimCount(min=sum(count.min or 0 for count in counts), max=maximum)


def combine(quantities: Sequence[Quantity]) -> VictimCount | None:
    """The count of quantities the caller judges to be one group ("two laborers … and a
    woman" → 3); None when there are none. Leave out those with ``breakdown_of`` set."""
    if not quantities:
        return None
    return combine_counts([quantity.count for quantity in quantities])
