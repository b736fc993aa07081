"""The noun phrase a number counts ("12 defectors", "three of the laborers", "a
10-member family") and the counts of digits and number words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from repwatch.extract.anchor_scan import Scan, lower_keeping_offsets
from repwatch.extract.quantity_patterns import (
    AFTER_NOT_COUNT,
    COMPOUND,
    NUMBER_AT,
    NUMBER_EXPR,
    PARTITIVE,
    QUALIFIER_BEFORE,
    QUALIFIERS,
    WORD,
    after_particle_verb,
    before_bare_not_count,
    before_not_count,
)
from repwatch.extract.quantity_words import (
    BARE_FOLLOWERS,
    INSTITUTIONS,
    NATIONALITIES,
    PERSON_NOUNS,
    SINGULAR_NOUNS,
    STOP_WORDS,
    UNIT_NOUNS,
    Quantity,
    lemma,
    looks_agentive,
    parse_number,
)
from repwatch.model import VictimCount

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
        match = WORD.match(text, pos, hi)
        if not match:
            break
        word = match.group("w").lower()
        if word in STOP_WORDS:
            break
        words.append((word, match.end("w")))
        pos = match.end()
    return words


def _modifies_next(text: str, words: list[tuple[str, int]], i: int) -> bool:
    """True if the person noun before ``words[i]`` only modifies it: "the refugee agency",
    "the Refugee Convention"."""
    word, end = words[i]
    if word in INSTITUTIONS:
        return True
    start = end - len(word)
    before = words[i - 1][1] - len(words[i - 1][0])
    return text[start].isupper() and text[before].isupper()


def phrase_after(text: str, pos: int, hi: int, *, singular: bool = False) -> _Phrase:
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
    if first in BARE_FOLLOWERS or (first.endswith("ed") and len(first) > 4):
        return _Phrase("bare", None, pos)
    if first.endswith("ing") and len(first) > 5 and _ING_NEXT.match(text, words[0][1], hi):
        return _Phrase("bare", None, pos)  # "a family of four trying to cross", "six hiding in"
    return _REJECT


# After a participle in "-ing" that follows a bare number: the participle is a verb, not a
# noun the number counts ("four trying to cross", not "two training camps").
_ING_NEXT = re.compile(
    r"\s+(?:to|the|a|an|in|at|on|near|across|into|from|through|over)\b", re.IGNORECASE
)


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
        base in PERSON_NOUNS or (looks_agentive(word) and base not in UNIT_NOUNS)
    )


def _nationality(words: list[tuple[str, int]], i: int) -> tuple[str, int, bool] | None:
    """(name, words taken, used as a noun) for "North Korean(s)", "Chinese", …"""
    word = words[i][0]
    taken = 1
    name = word
    if word in ("north", "south") and i + 1 < len(words) and words[i + 1][0] in NATIONALITIES:
        name, word, taken = f"{word} {words[i + 1][0]}", words[i + 1][0], 2
    if word not in NATIONALITIES:
        return None
    # "North Koreans" is a noun; "North Korean" is one only at the end of the phrase.
    return name, taken, word.endswith("s") or i + taken >= len(words)


# --- counts ----------------------------------------------------------------------


def count_of(qualifier: str | None, low: int, high: int | None) -> tuple[VictimCount, str] | None:
    """The count and kind a (qualified) number or range makes; None if it makes none."""
    rule = QUALIFIERS.get(" ".join(qualifier.lower().split())) if qualifier else None
    top = low if high is None else high
    if top < low:
        return None
    inward_low = (9 * low + 9) // 10  # N ± 10 %, rounded inward (FORMAT.md)
    if rule is None or rule == "between":
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


def find_numbers(scan: Scan) -> list[Quantity]:
    found = []
    pos = scan.lo
    text = scan.text
    for anchor, _ in scan.get("number"):
        if anchor < pos:
            continue
        before = lower_keeping_offsets(text[max(scan.lo, anchor - 24) : anchor])
        qualifier = QUALIFIER_BEFORE.search(before)
        start = anchor - len(before) + qualifier.start() if qualifier else anchor
        match = NUMBER_EXPR.match(text, start, scan.hi)
        if match is None and qualifier:
            match = NUMBER_EXPR.match(text, anchor, scan.hi)
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
    if qualifier and after_particle_verb(text, start):
        qualifier, start = None, match.start("num")  # "handed over 12 people"
    if value is None or before_not_count(text, start):
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
    if AFTER_NOT_COUNT.match(text, num_end, hi):
        return _compound_quantity(text, start, value, num_end, hi)
    if raw[0].isdigit() and _looks_like_year(raw, value, high):
        phrase = phrase_after(text, num_end, hi)
        after_preposition = before_bare_not_count(text, start)
        if phrase.status != "person" or after_preposition:
            return None
    partitive = PARTITIVE.match(text, num_end, hi)
    if value == 1 and raw[0].isalpha() and high is None:
        if partitive and _one_of_people(text, partitive, hi):
            # "one of them", "one of the four": one person of a group ("one of the largest
            # returns" is no one)
            return _partitive_quantity(text, start, count_of(qualifier, value, high), partitive, hi)
        return _one_quantity(text, match, num_end, hi)
    if partitive:
        return _partitive_quantity(text, start, count_of(qualifier, value, high), partitive, hi)
    phrase = phrase_after(text, num_end, hi)
    if phrase.status == "reject":
        return None
    if phrase.status == "bare" and not _bare_allowed(text, start, num_end):
        return None
    counted = count_of(qualifier, value, high)
    if counted is None:
        return None
    count, kind = _people_count(phrase.head, *counted)
    end = phrase.end if phrase.status == "person" else num_end
    return Quantity(start, end, text[start:end], count, phrase.head, kind)


def _looks_like_year(raw: str, value: int, high: int | None) -> bool:
    plain_year = "," not in raw and len(raw) == 4 and 1800 <= value <= 2100
    return plain_year or (high is not None and 1800 <= value <= 2100 and high < value)


# A bare number joined to another by "and": a list of ages ("who are 19 and 22").
_AGE_LIST_BEFORE = re.compile(
    r"\b\d{1,2}\s+(?:and|or|&)\s+$|\b(?:are|were|aged|ages)\s+[a-z]+(?:-[a-z]+)?\s+(?:and|or)\s+$",
    re.IGNORECASE,
)
_AGE_LIST_AFTER = re.compile(r"\s+(?:and|or|&)\s+\d{1,2}\s*[,)]")


def _bare_allowed(text: str, start: int, num_end: int) -> bool:
    """A number with no noun counts people unless its context makes it a year, age or label."""
    if before_bare_not_count(text, start):
        return False
    before = text[max(0, start - 2) : start].rstrip(" ")
    after = text[num_end : num_end + 1]
    if before.endswith((",", "(")) and after in (",", ")"):
        return False  # "Ri, 29, left" and "Kim (32)": an age after a name
    if _AGE_LIST_BEFORE.search(text, max(0, start - 12), start) or (
        before.endswith((",", "(")) and _AGE_LIST_AFTER.match(text, num_end)
    ):
        return False  # "the brothers, 19 and 22,", "who are 19 and 22": their ages
    at_line_start = start == 0 or text[start - 1] == "\n"
    return not (at_line_start and after in (".", ")"))  # "1." and "2)" label a list


def _one_of_people(text: str, partitive: re.Match[str], hi: int) -> bool:
    """Whether "one of …" picks one of the people spoken of: of a pronoun ("one of them")
    or of a count ("one of the four"); "one of the organizers" is left to the noun."""
    det = partitive.group("det").lower()
    if det in ("them", "us", "whom"):
        return True
    words = _words(text, partitive.end(), hi)
    return bool(words) and (words[0][0].isdigit() or parse_number(words[0][0])[0] is not None)


# A verb of what is done to people, right before a bare "one" ("killing one").
_ACTED_ON = re.compile(
    r"\b(?:kill|shoot|shot|wound|arrest|catch|caught|captur|seiz|detain|injur)\w*\s+$",
    re.IGNORECASE,
)
# Nothing of the phrase after "one": a punctuation mark, the end, or a conjunction.
_ENDS_PHRASE = re.compile(r"\s*(?:[,.;:!?]|$|and\b|but\b|while\b|as\b)")


def _one_quantity(text: str, match: re.Match[str], num_end: int, hi: int) -> Quantity | None:
    """Count "one defector"; not "one of the", "no one" or a bare "one"."""
    start = match.start()
    if match.group("qual") or text[max(0, start - 6) : start].lower().endswith(
        ("no ", "the ", "any ", "every ")
    ):
        return None
    phrase = phrase_after(text, num_end, hi)
    if phrase.status != "person":
        if _ACTED_ON.search(text, max(0, start - 20), start) and _ENDS_PHRASE.match(text, num_end):
            # "opened fire on three women …, killing one": one of them
            return Quantity(
                start, num_end, text[start:num_end], VictimCount.exactly(1), None, "number"
            )
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
        phrase = phrase_after(text, end, hi)
        if phrase.status == "person":
            head, end = phrase.head, phrase.end
        else:
            number = NUMBER_AT.match(text, end, hi)
            if number is None:
                return None
            end = number.end("num")
    return Quantity(start, end, text[start:end], counted[0], head, counted[1])


def _compound_quantity(text: str, start: int, value: int, num_end: int, hi: int) -> Quantity | None:
    """Compounds: "a five-member family" counts five; "23-year-old", "6 p.m." no one."""
    compound = COMPOUND.match(text, num_end, hi)
    if compound is None or compound.group("w").lower() not in ("member", "strong", "person"):
        return None
    phrase = phrase_after(text, compound.end(), hi)
    if phrase.status != "person":
        return None
    kind = "group" if phrase.head == "family" else "number"
    count = VictimCount.exactly(value)
    return Quantity(start, phrase.end, text[start : phrase.end], count, phrase.head, kind)


def with_phrase(
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
    partitive = PARTITIVE.match(text, end, hi)
    if partitive:
        end, need_noun = partitive.end(), False
    phrase = phrase_after(text, end, hi)
    if phrase.status == "reject" or (need_noun and phrase.status != "person"):
        return None
    if phrase.status == "person":
        end = phrase.end
    count, kind = _people_count(phrase.head, *counted)
    return Quantity(start, end, text[start:end], count, phrase.head, kind)
