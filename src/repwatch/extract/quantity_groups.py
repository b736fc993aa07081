"""Counts that are not a plain number: "dozens", "a dozen", "both", "a family of
four", singular nouns ("a defector"), relatives ("a woman and her two children") and
Korean "N명".
"""

from __future__ import annotations

import re

from repwatch.extract.anchor_scan import Scan, lower_keeping_offsets
from repwatch.extract.quantity_patterns import (
    AGE_APPOSITION,
    BOTH,
    COORD,
    DOZEN,
    GROUP_OF,
    KOREAN,
    KOREAN_HEADS,
    KOREAN_NATIVE,
    KOREAN_VAGUE,
    MEMBER_COMPOUND,
    NUMBER_AT,
    OF,
    PARTITIVE,
    SINGULAR,
    VAGUE,
    WORD,
)
from repwatch.extract.quantity_phrases import count_of, phrase_after, with_phrase
from repwatch.extract.quantity_words import (
    DIGITS,
    NATIONALITIES,
    PERSON_NOUNS,
    RELATION_ADJECTIVES,
    RELATION_NOUNS,
    SINGULAR_NOUNS,
    SMALL,
    STOP_WORDS,
    TENS,
    Quantity,
    combine_counts,
    lemma,
    parse_number,
    word_alternation,
    word_set,
)
from repwatch.model import VictimCount


def find_dozens(scan: Scan) -> list[Quantity]:
    text, hi = scan.text, scan.hi
    found = []
    for match in scan.matches(DOZEN, "dozen", 5):
        if match.group("half"):
            value = 6
        elif match.group("one"):
            value = 12
        else:
            number, length = parse_number(match.group("num"))
            if number is None or length != len(match.group("num")):
                continue
            value = 12 * number
        quantity = with_phrase(
            text, match.start(), match.end(), hi, count_of(match.group("qual"), value, None)
        )
        if quantity is not None:
            found.append(quantity)
    return found


def find_vague(scan: Scan) -> list[Quantity]:
    text, hi = scan.text, scan.hi
    found = []
    for match in scan.matches(VAGUE, "vague", 1):
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
        of = OF.match(text, end, hi)
        few = (match.group("few") or "").lower().split()
        if few[-1:] in (["handful"], ["number"]) and not of:
            continue  # "a number" without "of" is not a quantity
        if of and not PARTITIVE.match(text, end, hi):
            end = of.end()
        counted = (VictimCount(min=minimum, max=None), "vague")
        quantity = with_phrase(text, match.start(), end, hi, counted, need_noun=True)
        if quantity is not None:
            found.append(quantity)
    return found


def find_both(scan: Scan) -> list[Quantity]:
    counted = (VictimCount.exactly(2), "number")
    found = []
    for match in scan.matches(BOTH, "both", 0):
        quantity = with_phrase(
            scan.text, match.start(), match.end(), scan.hi, counted, need_noun=True
        )
        if quantity is not None:
            found.append(quantity)
    return found


def find_groups(scan: Scan) -> list[Quantity]:
    """Groups: "a family of four", "a group of seven people", "a five-member family"."""
    text, hi = scan.text, scan.hi
    found = []
    for match in scan.matches(GROUP_OF, "group", 5):
        value, length = parse_number(match.group("num"))
        counted = count_of(match.group("qual"), value, None) if value is not None else None
        if counted is None:
            continue
        count, kind = counted
        end = match.start("num") + length
        noun = match.group("noun").lower()
        head: str | None = "family" if noun in ("family", "household") else "group"
        phrase = phrase_after(text, end, hi)
        if phrase.status == "reject":
            continue
        if phrase.status == "person":
            end = phrase.end
            head = phrase.head if head == "group" else head
        if head == "family" and kind == "number":
            kind = "group"
        found.append(Quantity(match.start(), end, text[match.start() : end], count, head, kind))
    for match in scan.matches(MEMBER_COMPOUND, "member", 5):
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
    "singular": SINGULAR_NOUNS | NATIONALITIES,
    "number": frozenset([*SMALL, *TENS, "hundred", "thousand"]),
    "vague": word_set("several few handful number couple dozens hundreds thousands tens"),
    "dozen": frozenset(["dozen"]),
    "both": frozenset(["both"]),
    "group": word_set("family household group party"),
    "member": word_set("member person strong"),
}
# Every word a finder starts from, and which finders it is for.
_ANCHOR_KINDS: dict[str, tuple[str, ...]] = {}
for _kind, _words_of_kind in _ANCHOR_WORDS.items():
    for _word in _words_of_kind:
        _ANCHOR_KINDS[_word] = (*_ANCHOR_KINDS.get(_word, ()), _kind)
ANCHORS = re.compile(r"(?<![^\W_])(?:\d+|" + word_alternation(_ANCHOR_KINDS) + r")(?![^\W_])")


def classify_anchor(word: str) -> tuple[str, ...]:
    return ("number",) if word[0].isdigit() else _ANCHOR_KINDS.get(word, ())


def find_singulars(scan: Scan) -> list[Quantity]:
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
    if text[anchor:noun_end].lower() in NATIONALITIES:
        after = WORD.match(text, noun_end, hi)
        if after and after.group("w").lower() not in STOP_WORDS:
            return None  # "a North Korean woman": the noun comes later
    base = max(scan.lo, anchor - 72)
    before = text[base:anchor]
    starts = sorted(
        [base + m.start() for m in _DETERMINER_BEFORE.finditer(lower_keeping_offsets(before))]
        + [base + m.start() for m in _POSSESSOR_BEFORE.finditer(before)]
    )
    for start in starts:
        match = SINGULAR.match(text, start, hi)
        if match is None:
            continue
        det = match.group("det").lower()
        possessive = det in ("his", "her", "their") or det.endswith(("'s", "’s"))
        phrase = phrase_after(text, match.end(), hi, singular=True)
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
        age = AGE_APPOSITION.match(text, end, hi)
        coord = COORD.match(text, age.end() if age else end, hi)
        if coord is None:
            break
        owned = coord.group("poss") is not None
        if coord.group("comma") and not owned and NUMBER_AT.match(text, coord.end(), hi) is None:
            break  # "a woman, mother of two": a comma joins only "her …" or a count
        cursor = coord.end()
        number = NUMBER_AT.match(text, cursor, hi)
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
        age = AGE_APPOSITION.match(text, end, hi)
        if age is not None and COORD.match(text, age.end(), hi) is None:
            end = age.end()  # the age of the last one belongs to the phrase
    return end, total


def _relation_at(text: str, pos: int, hi: int, *, numbered: bool) -> tuple[int, bool] | None:
    """Where a relation noun after ``pos`` ends (at most two adjectives first), and if plural."""
    for _ in range(3):
        match = WORD.match(text, pos, hi)
        if match is None:
            return None
        word = match.group("w").lower()
        base = lemma(word)
        if base in RELATION_NOUNS or (numbered and base in PERSON_NOUNS):
            return match.end("w"), base != word
        if word not in RELATION_ADJECTIVES:
            return None
        pos = match.end()
    return None


def find_korean(text: str, lo: int, hi: int) -> list[Quantity]:
    """Korean counts: "탈북자 3명", "5명", "약 30명", "30여 명", "10명 이상"."""
    found = []
    for match in KOREAN.finditer(text, lo, hi):
        raw = match.group("num")
        noun = match.group("noun")
        head = KOREAN_HEADS.get(noun.replace(" ", "")) if noun else None
        if raw in KOREAN_VAGUE:
            count = VictimCount(min=KOREAN_VAGUE[raw], max=None)
            found.append(Quantity(match.start(), match.end(), match.group(), count, head, "vague"))
            continue
        value = KOREAN_NATIVE.get(raw)
        if value is None:
            digits = DIGITS.match(raw)
            if digits is None:
                continue
            value = int(digits.group().replace(",", ""))
        if match.group("more"):
            count, kind = VictimCount(min=value, max=None), "lower_bound"
        elif match.group("qual") or match.group("yeo"):
            count, kind = VictimCount(min=(9 * value + 9) // 10, max=(11 * value) // 10), "approx"
        else:
            count, kind = VictimCount.exactly(value), "group" if head == "family" else "number"
        found.append(Quantity(match.start(), match.end(), match.group(), count, head, kind))
    return found
