"""Attributions: who a report says told it ("a source in North Pyongan Province told
Daily NK", "according to activists who assist defectors", "the Chosun Ilbo said").

Scope: the attribution formulas of English news and NGO prose. A source described
only by a pronoun or as "the source" (named before) adds nothing and is skipped.
These phrases are sensitive: they are stored and shown, never logged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from repwatch.extract.scanning import lowered, scan, stems

PRODUCER = "sources.v1"

# Nouns that head a source's description.
_HEAD = (
    r"(?:sources?|activists?|residents?|officials?|spokes(?:man|woman|person)|representatives?"
    r"|relatives?|witness(?:es)?|media|newspapers?|paper|agency|group|organi[sz]ation|workers?"
    r"|researchers?|analysts?|diplomats?|defectors?|government|ministry|insiders?|observers?"
    r"|footage|reports?|Ilbo|Daily\s+NK|Yonhap|RFA|KBS|NK\s+News|director|officer"
    r"|citizen|informant|contacts?|pastor|missionary|monitors?|groups)"
)
_VERB = r"(?:told|tells|said|says|added|reported|reports|claimed|claims|confirmed|quoted)"
_DETERMINER = (
    r"(?:a|an|the|one|another|two|three|several|some|local|Chinese|North|South|rights"
    r"|human|activists|sources|residents|witnesses|relatives)"
)
# "<description> told|said": the description starts at a determiner, spans ≤ 12 words
# and ends right before the verb (matched on the stretch before each verb).
_VERB_AT = re.compile(rf"\b{_VERB}\b", re.IGNORECASE)
_BEFORE_VERB = re.compile(
    rf"\b(?P<src>{_DETERMINER}\b(?:[^\S\n]+(?!{_VERB}\b)[\w'’()-]+){{0,12}}?)[^\S\n]+$",
    re.IGNORECASE,
)
_REACH = 160  # characters before a verb in which its subject is looked for
# "said <description>", "according to <description>", "citing <description>".
_AFTER_CUE = re.compile(
    rf"\b(?:{_VERB}|according\s+to|citing|quoting)[^\S\n]+(?P<src>(?:{_DETERMINER})\b"
    r"[^,.;:\"“”\n]{2,120})",
    re.IGNORECASE,
)
# The head must come early: "the police had come and taken them" is no source.
_HAS_HEAD = re.compile(rf"^(?:\S+\s+){{0,4}}?{_HEAD}\b", re.IGNORECASE)
# "the newspaper", "the activists": a source named before, adding nothing.
_ANAPHORIC = re.compile(r"^the(?:\s+[a-z][\w-]*){1,2}$")
_TRIM = re.compile(
    r"[\s,]+(?:on|in\s+a\s+(?:telephone|phone)|by\s+(?:telephone|phone)|that|told|said)\b.*$"
    r"|[\s,]+$",
    re.IGNORECASE | re.DOTALL,
)
_NOT_A_SOURCE = re.compile(r"^(?:the\s+source|the\s+sources|he|she|they)$", re.IGNORECASE)


_CUE_KEYS = stems(_AFTER_CUE.pattern)
_VERB_KEYS = stems(_VERB_AT.pattern)


@dataclass(frozen=True, slots=True)
class SourceHit:
    """An attribution, quoting ``text[start:end]``."""

    start: int
    end: int
    text: str


def find_sources(text: str, start: int = 0, end: int | None = None) -> list[SourceHit]:
    """The attributions in ``text[start:end]``, left to right, without overlaps."""
    end = len(text) if end is None else end
    lower = lowered(text)
    candidates = [
        (m.start("src"), m.end("src")) for m in scan(_AFTER_CUE, _CUE_KEYS, text, lower, start, end)
    ]
    for verb in scan(_VERB_AT, _VERB_KEYS, text, lower, start, end):
        match = _BEFORE_VERB.search(text, max(start, verb.start() - _REACH), verb.start())
        if match:
            candidates.append((match.start("src"), match.end("src")))
    found: list[SourceHit] = []
    for begin, stop in candidates:
        hit = _trimmed(text, begin, stop)
        if hit is None or any(h.start < hit.end and hit.start < h.end for h in found):
            continue
        found.append(hit)
    return sorted(found, key=lambda h: h.start)


def _trimmed(text: str, start: int, end: int) -> SourceHit | None:
    phrase = text[start:end]
    cut = _TRIM.search(phrase)
    if cut:
        phrase = phrase[: cut.start()]
    phrase = phrase.rstrip(" ,")
    if not phrase or not _HAS_HEAD.search(phrase) or _NOT_A_SOURCE.match(phrase):
        return None
    if _ANAPHORIC.match(phrase):
        return None
    return SourceHit(start, start + len(phrase), phrase)
