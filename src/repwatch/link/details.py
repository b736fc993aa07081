"""Specific details two reports of one case share: a factory, a port, a named group.

The details of a mention are the words of its report around its evidence spans
(the whole text when it has none), less function words, words every report of
this domain uses, and the names of the case's own places (the place score
already weighs those). What is left are the distinctive nouns and names of the
telling — "metalworks", "fishing boat", "Hanawon" — as stemmed words and as
pairs of adjacent words. A pair weighs double, and so does a word naming a
specific setting (``lexicon.SPECIFIC_HEADS``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from repwatch.gazetteer.normalise import tokenise
from repwatch.link.lexicon import DOMAIN_WORDS, SPECIFIC_HEADS, STOPWORDS
from repwatch.link.profile import case_places
from repwatch.model import EvidenceSpan, Mention

# Characters of text either side of an evidence span that still tell of the case.
CONTEXT_CHARS = 200
MIN_WORD = 4
PAIR_WEIGHT, HEAD_WEIGHT, WORD_WEIGHT = 2.0, 2.0, 1.0


def stem(word: str) -> str:
    """A crude fold of plurals and verb endings, enough to meet "laborers"/"laborer",
    "factories"/"factory", "killed"/"killing", "fired"/"fire". Only for matching:
    "fire" becomes "fir"; reasons show the words as written."""
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith(("ches", "shes", "sses", "xes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        word = word[:-1]
    for ending in ("ing", "ed"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)]
            break
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]  # "stopp(ed)" = "stop", "shipp(ing)" = "ship"
    return word


_IGNORED = frozenset(stem(w) for w in STOPWORDS | DOMAIN_WORDS)
_HEADS = frozenset(stem(w) for w in SPECIFIC_HEADS)


@dataclass(frozen=True)
class Details:
    """Detail terms of one mention (stemmed), each with its weight and its words as written."""

    terms: Mapping[str, float]
    shown: Mapping[str, str]


def spans_of(mention: Mention) -> list[EvidenceSpan]:
    """Every evidence span of the mention's values."""
    spans: list[EvidenceSpan] = []
    for act in mention.acts:
        spans.extend(act.spans)
    for place in mention.places:
        spans.extend(place.spans)
    for value in (mention.victims, mention.victim_group, mention.date, mention.perpetrator):
        if value is not None:
            spans.extend(value.spans)
    for source in mention.sources:
        spans.extend(source.spans)
    return spans


def _windows(text: str, spans: Iterable[EvidenceSpan]) -> list[tuple[int, int]]:
    ranges = sorted(
        (max(0, s.start - CONTEXT_CHARS), min(len(text), s.end + CONTEXT_CHARS))
        for s in spans
        if s.end <= len(text)
    )
    merged: list[tuple[int, int]] = []
    for start, end in ranges:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged or [(0, len(text))]


def detail_terms(
    text: str, spans: Iterable[EvidenceSpan] = (), *, exclude: Iterable[str] = ()
) -> Details:
    """The detail terms of ``text`` near ``spans``; ``exclude`` holds folded words to
    leave out (the case's place names)."""
    ignored = _IGNORED | {stem(w) for w in exclude}
    terms: dict[str, float] = {}
    shown: dict[str, str] = {}
    for start, end in _windows(text, spans):
        words = tokenise(text[start:end])
        previous: tuple[str, str] | None = None
        for i, key in enumerate(words.keys):
            word = stem(key)
            if len(key) < MIN_WORD or word in ignored or not word.isalpha():
                previous = None
                continue
            terms[word] = HEAD_WEIGHT if word in _HEADS else WORD_WEIGHT
            shown.setdefault(word, key)
            if previous is not None and words.joins[i]:
                pair = f"{previous[0]} {word}"
                terms[pair] = PAIR_WEIGHT
                shown.setdefault(pair, f"{previous[1]} {key}")
            previous = (word, key)
    return Details(terms, shown)


def mention_details(mention: Mention, text: str) -> Details:
    """The detail terms of a mention, read from its report's text. The names of where
    the case happened are left out; where its people came from is a detail."""
    exclude = {w for place in case_places(mention) for w in tokenise(place.name).keys}
    return detail_terms(text, spans_of(mention), exclude=exclude)


def shared_details(a: Details, b: Details) -> tuple[float, list[str]]:
    """How much detail two mentions share (summed weights) and the shared terms as
    written, most telling first."""
    shared = a.terms.keys() & b.terms.keys()
    weight = sum(min(a.terms[t], b.terms[t]) for t in shared)
    ranked = sorted(shared, key=lambda t: (-min(a.terms[t], b.terms[t]), -len(t), t))
    return weight, [min(a.shown[t], b.shown[t]) for t in ranked]
