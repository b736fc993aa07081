"""The regular expressions of the quantities finder: qualifiers, number expressions,
"a dozen", vague amounts, group phrases, and the contexts where a number counts
something other than people.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from repwatch.extract.quantity_words import NUMBER, word_alternation

# --- patterns --------------------------------------------------------------------

# What a qualifier makes of the number after it.
QUALIFIERS = {
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "not fewer than": "at_least", "not less than": "at_least", "a minimum of": "at_least",
    "more than": "more_than", "over": "more_than", "upwards of": "more_than",
    "in excess of": "more_than", "about": "about", "around": "about",
    "approximately": "about", "roughly": "about", "some": "about", "an estimated": "about",
    "estimated": "about", "nearly": "nearly", "almost": "nearly", "close to": "nearly",
    "as many as": "nearly", "up to": "up_to", "at most": "up_to", "fewer than": "fewer",
    "less than": "fewer", "between": "between",
}  # fmt: skip
_QUAL = "|".join(sorted((q.replace(" ", r"\s+") for q in QUALIFIERS), key=len, reverse=True))
_MONTHS = (
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june"
    r"|july|august|september|october|november|december"
)

# A qualifier, or the "a" of "a hundred", just before a number word.
QUALIFIER_BEFORE = re.compile(
    r"(?<![\w-])(?:(?:"
    + word_alternation(QUALIFIERS).replace(re.escape(" "), r"\s+")
    + r")\s+(?:a\s+)?|a\s+)$"
)
NUMBER_EXPR = re.compile(
    rf"(?<![\w.,$£€¥₩/:-])(?:(?P<between>between)\s+|(?P<qual>{_QUAL})\s+)?(?P<num>{NUMBER})"
    # "between 10 and 15": "and" joins a range only after "between"
    rf"(?:(?:-|–|\s+(?:to|or)\s+|(?(between)\s+and\s+|(?!)))"
    rf"(?P<num2>{NUMBER}))?(?P<more>\s+or\s+more\b|\+|-plus\b)?",
    re.IGNORECASE,
)
DOZEN = re.compile(
    rf"(?<![\w-])(?:(?P<qual>{_QUAL})\s+)?"
    rf"(?:(?P<half>half\s+a)|(?P<one>an?|one)|(?P<num>{NUMBER}))\s+dozen\b(?!s)",
    re.IGNORECASE,
)
# Plural multiples count at least two of their unit (FORMAT.md: dozens 24+, hundreds
# 200+); plain plural quantifiers ("several", "a few") at least two people.
VAGUE = re.compile(
    r"(?<![\w-])(?:(?P<tens>tens)\s+of\s+thousands|(?P<hund>hundreds)\s+of\s+thousands"
    r"|(?:several|a\s+few|many|a\s+couple\s+of)\s+(?P<unit>dozen|hundred|thousand)s?"
    r"|(?P<units>dozens|hundreds|thousands)(?:\s+(?:and|upon)\s+(?:dozens|hundreds|thousands))?"
    r"|(?P<few>several|a\s+few|a\s+handful|a\s+number|a\s+couple))\b",
    re.IGNORECASE,
)
BOTH = re.compile(r"(?<![\w-])both\b", re.IGNORECASE)
GROUP_OF = re.compile(
    rf"(?<![\w-])(?:(?:an?|the|one|another)\s+)?(?:(?:first|second|third|fourth|separate"
    rf"|large|small|larger|smaller|new|further)\s+)?"
    # a nationality or kind before the noun ("a North Korean family of five")
    rf"(?:(?-i:(?:[A-Z][\w-]*\s+){{1,2}})|(?:defector|refugee|ethnic\s+Korean)\s+)?"
    rf"(?P<noun>family|household|group|party)"
    rf"\s+of\s+(?:(?P<qual>{_QUAL})\s+)?(?P<num>{NUMBER})",
    re.IGNORECASE,
)
MEMBER_COMPOUND = re.compile(
    rf"(?<![\w-])(?:an?\s+)?(?P<num>{NUMBER})-(?:member|person|strong)\s+"
    r"(?P<noun>family|household|group|party)\b",
    re.IGNORECASE,
)
SINGULAR = re.compile(
    r"(?<![\w-])(?P<det>(?i:an?|another|the|this|that|his|her|their)|[A-Z][\w-]*['’]s)"
    rf"(?P<age>\s+(?i:{NUMBER})[\s-]+(?i:year|month|week)s?[\s-]+old)?(?=\s)"
)
KOREAN = re.compile(
    r"(?:(?P<noun>탈북자|탈북민|북한\s*주민|주민|여성|남성|어린이|아동|청소년|일가족|가족)\s*)?"
    r"(?P<qual>약\s*)?(?P<num>\d{1,3}(?:,\d{3})+|\d+|한|두|세|네|다섯|여섯|일곱|여덟|아홉|열"
    r"|수십|수백|수천)"
    r"\s*(?P<yeo>여\s*)?명(?![령단절예칭성소부목물함확])(?P<more>\s*이상|\s*넘게)?"
)
KOREAN_NATIVE = {
    "한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8,
    "아홉": 9, "열": 10,
}  # fmt: skip
# "수십 명" (tens), "수백 명" (hundreds): at least two of the unit, as FORMAT.md reads
# "dozens" and "hundreds"
KOREAN_VAGUE = {"수십": 20, "수백": 200, "수천": 2000}
KOREAN_HEADS = {
    "탈북자": "defector", "탈북민": "defector", "북한주민": "north korean",
    "주민": "resident", "여성": "woman", "남성": "man", "어린이": "child", "아동": "child",
    "청소년": "teenager", "일가족": "family", "가족": "family",
}  # fmt: skip

# One word of a phrase, on the same line.
WORD = re.compile(r"[^\S\n]+(?P<w>[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*)")
OF = re.compile(r"[^\S\n]+of\b", re.IGNORECASE)
PARTITIVE = re.compile(
    r"[^\S\n]+of[^\S\n]+(?P<det>them|us|whom|the|those|these|their)\b", re.IGNORECASE
)
NUMBER_AT = re.compile(rf"[^\S\n]+(?P<num>{NUMBER})", re.IGNORECASE)
# After a number: a time, a percentage, a decimal, a hyphenated compound ("23-year-old").
AFTER_NOT_COUNT = re.compile(
    r"\s*(?:[ap]\.\s?m\.|[ap]m\b|o['’]clock|%|percent\b|per\s+cent\b)|:\d|\.\d|/\d|-[^\W\d_]",
    re.IGNORECASE,
)
COMPOUND = re.compile(r"-(?P<w>[^\W\d_]+)")
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
        before = text[max(0, pos - 24) : pos]
        if text[pos : pos + 1].isupper() and before.rstrip().endswith("."):
            return False  # "on 2 June. Two women …": a new sentence, not "Nov. 3"
        return pattern.search(before.lower()) is not None

    return test


# The second number of an age range ("aged 15 to 23"), and an age after a person noun
# ("a girl of about ten": her age, not ten people).
_AGE_CONTEXT = (
    r"|(?<![^\W_])age[sd]?(?:\s+(?:between|from))?\s+(?:\d{1,2}|[a-z]+(?:-[a-z]+)?)"
    r"\s*(?:and|to|or|-|–)"
    r"|(?<![^\W_])(?:girl|boy|child|kid|man|woman|son|daughter|teenager|youth|lady)\s+of"
)
_before_not_count_words = _ends_with(_BEFORE_NOT_COUNT_WORDS, r"|[$£€¥₩#]" + _AGE_CONTEXT)
# The end of a range of days: "June 3 and 5" (in digits; "June 3 and three others" counts)
_DAY_RANGE = re.compile(
    rf"(?<![^\W_])(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\s*(?:and|to|or|through|-|–)\s*$"
)


def before_not_count(text: str, pos: int) -> bool:
    """Whether the words just before ``pos`` make the number there no count of people."""
    if _before_not_count_words(text, pos):
        return True
    if not text[pos : pos + 1].isdigit():
        return False
    return _DAY_RANGE.search(text[max(0, pos - 24) : pos].lower()) is not None


before_bare_not_count = _ends_with(_BEFORE_BARE_NOT_COUNT_WORDS)
after_particle_verb = _ends_with(_PARTICLE_VERBS)
SENTENCE_END = re.compile(r"[.!?;](?:\s|$)|\n")
OPEN_BREAKDOWN = re.compile(
    r"\s*(?P<delim>--|—|–|\(|:)\s*(?:(?:including|among\s+them)\s+)?"
    r"|\s*,?\s*(?:including|among\s+them|among\s+whom|of\s+whom|among\s+those|comprising"
    r"|consisting\s+of|made\s+up\s+of|namely)\s+",
    re.IGNORECASE,
)
CHAIN = re.compile(r"\s*(?:,|and|or|,\s*and|plus|as\s+well\s+as)\s*", re.IGNORECASE)
CLOSERS = {"(": ")", "--": "--", "—": "—", "–": "–"}
COORD = re.compile(
    r"(?:,?[^\S\n]+(?:and|with|along\s+with|together\s+with)|(?P<comma>,))"
    r"(?P<poss>[^\S\n]+(?:his|her|their))?(?=[^\S\n])",
    re.IGNORECASE,
)
# An age set off after a person: "a woman, 45, and her son, 12".
AGE_APPOSITION = re.compile(
    r",[^\S\n]*\d{1,2}(?=[^\S\n]*[,;)]|[^\S\n]+and\b|\.)"
    # "a grandmother in her late sixties, her son …"
    r"|[^\S\n]+in[^\S\n]+(?:his|her|their)[^\S\n]+(?:(?:early|mid|late)[^\S\n-]*-?[^\S\n]*)?"
    r"(?:teens|twenties|thirties|forties|fifties|sixties|seventies|eighties)\b",
    re.IGNORECASE,
)


# --- scanning ----------------------------------------------------------------------
