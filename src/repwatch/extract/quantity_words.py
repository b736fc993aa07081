"""Victim-count vocabulary: the Quantity type, person and unit nouns, number words and
``parse_number``, and ``word_alternation`` (a fast trie regex shared with dates).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
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


# --- lexicons (English news and NGO prose; lemmas, lowercased) --------------------


def _lexicon_list(words: str) -> list[str]:
    return words.split()


def word_set(words: str) -> frozenset[str]:
    return frozenset(_lexicon_list(words))


# Nouns a count of people ends on. Helpers and officials are people too: the caller
# judges who the victims are from ``head``.
PERSON_NOUNS = word_set(
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
SINGULAR_NOUNS = word_set(
    """man woman boy girl child kid baby infant toddler teenager teen youth youngster person
    individual minor orphan defector refugee escapee crosser migrant deserter fugitive
    runaway detainee prisoner captive survivor victim worker laborer labourer logger soldier
    student fisherman mother father wife husband son daughter sister brother sibling
    grandmother grandfather grandson granddaughter grandchild uncle aunt cousin niece nephew
    relative fiancé fiancée girlfriend boyfriend couple pair family national housewife
    bride companion comrade foreman sailor seaman fisherman crewman teacher nurse engineer
    waitress hostess servant farmhand welder miner carpenter cook"""
)
# Relations that "his/her/their" or a name's "'s" may own ("his wife", "Park's father").
RELATION_NOUNS = word_set(
    """mother father wife husband son daughter sister brother sibling grandmother grandfather
    grandson granddaughter grandchild uncle aunt cousin niece nephew relative parent fiancé
    fiancée girlfriend boyfriend child kid baby family companion comrade"""
)
# Nouns that make a number count something other than people.
UNIT_NOUNS = word_set(
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
_NOT_AGENTIVE = word_set(
    """papers numbers orders borders letters meters metres kilometers kilometres centimeters
    liters litres dollars hours towers waters matters layers centers centres corners quarters
    headquarters rivers computers containers trailers motors doors floors sectors factors
    monitors sensors chambers offers powers mirrors errors colors colours favors favours
    rumors rumours terrors horrors vectors tractors reactors corridors indicators barriers
    answers covers posters flyers markers fees trees degrees knees committees guarantees
    decrees lists wrists fists twists others"""
)
NATIONALITIES = word_set(
    """korean koreans chinese vietnamese japanese russian russians mongolian mongolians lao
    laotian laotians thai burmese"""
)
# A phrase after a number ends at these.
STOP_WORDS = word_set(
    """of and or but who whom whose which that in on at to from with without for by into onto
    across near after before during since were was are is be been being had have has will
    would could should may might must can did do does as than including among like under over
    about the a an this these those last next earlier later yesterday today ago also all both
    each still not then there here when where while if so because per via through toward
    towards against along around behind beyond inside outside off up down out said says told
    it its them they he she we you i their his her our my"""
)
# Nouns a person noun may modify ("refugee agency", "defector community").
INSTITUTIONS = word_set(
    """agency agencies camp camps convention conventions status office association
    organization organisation group groups center centre policy issue issues problem crisis
    law laws protection settlement resettlement affairs community communities program
    programme rights network networks movement"""
)
# First words after a number that leave it bare: "three more were caught", "five fled".
BARE_FOLLOWERS = word_set(
    """more others additional further remaining altogether apiece now already reportedly
    allegedly again together respectively total made got went came fled ran died remain
    remains stayed managed tried escaped"""
)
RELATION_ADJECTIVES = word_set(
    """young younger elder older little baby infant teenage adult eldest youngest newborn
    pregnant elderly sick own two-year-old"""
)


def lemma(word: str) -> str:
    """A lowercased singular of an English noun, good enough to match the lexicons."""
    low = word.lower()
    if low in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[low]
    if low.endswith("children"):  # grandchildren, schoolchildren
        return low[:-3]
    if low.endswith("men") and len(low) > 4:
        return low[:-3] + "man"
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "y"
    if low.endswith(("sses", "shes", "ches", "xes")):
        return low[:-2]
    if low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 2:
        return low[:-1]
    return low


def looks_agentive(low: str) -> bool:
    """Plural agent nouns not in the lexicon ("escapers", "deportees", "evangelists")."""
    return low.endswith(("ers", "ors", "ees", "ists", "ians")) and low not in _NOT_AGENTIVE


# --- numbers ---------------------------------------------------------------------

SMALL = {
    w: i
    for i, w in enumerate(
        _lexicon_list(
            "one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
            " fifteen sixteen seventeen eighteen nineteen"
        ),
        start=1,
    )
}
TENS = {
    w: 10 * i
    for i, w in enumerate(
        _lexicon_list("twenty thirty forty fifty sixty seventy eighty ninety"), start=2
    )
}
_NUMBER_WORD = "|".join(sorted([*SMALL, *TENS], key=len, reverse=True))
_MULTIPLIERS = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# Digits ("1,397", "2 million") or number words ("twenty-five", "a hundred and ten").
NUMBER = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+)(?!\w)(?:\s+(?:hundred|thousand|million)\b)?"
    rf"|(?:a\s+(?:hundred|thousand)\b|(?:{_NUMBER_WORD})\b)"
    rf"(?:(?:-|[^\S\n]+(?:and[^\S\n]+)?)(?:(?:{_NUMBER_WORD})\b|hundred\b|thousand\b))*"
)
DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_DIGIT_MULTIPLIER = re.compile(r"\s+(hundred|thousand|million)\b", re.IGNORECASE)
_TOKEN = re.compile(r"[^\W\d_]+")


def parse_number(raw: str) -> tuple[int | None, int]:
    """The value of the number at the start of ``raw`` and how many characters it takes.

    Stops at the first word that cannot continue the number ("four five" → 4).
    """
    digits = DIGITS.match(raw)
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
        small = SMALL.get(word)
        if small is not None and (
            last in (None, "hundred", "thousand") or (last == "tens" and small < 10)
        ):
            current += small
            last = "unit" if small < 10 else "teen"
        elif word in TENS and last in (None, "hundred", "thousand"):
            current += TENS[word]
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
