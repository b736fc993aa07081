"""Sentences and clauses of a report: the units the extractor reads.

spaCy's blank pipelines (no model to download) give the sentences: English for
English and unknown text, the multi-language ``xx`` for Korean and other text
whose script English rules do not fit (``spacy.blank("ko")`` needs extra
packages). Paragraph breaks always end a sentence. A sentence is then cut into
clauses at semicolons and at a comma before a coordinating conjunction, so that
"eighteen were caught in Changchun, and a further five were taken off a train"
gives one clause per group.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import cast

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

SEGMENTER = "segment.v1"

_PARAGRAPH = re.compile(r"\n\s*\n")
# Where a sentence splits into clauses: "; " or ", and" / ", but" / ", while".
_CLAUSE_BREAK = re.compile(r";\s+|,\s+(?=(?:and|but|while|whereas|though|although)\s)")
# An opening quote the sentencizer left at the end of the previous sentence.
_TRAILING_OPEN_QUOTE = re.compile(r"(?:\s+\"|\s*[“‘])\s*$")
_OPEN_QUOTES = frozenset('"“‘')
# A wire dateline: "SEOUL, Feb. 14 (Yonhap) --", "BEIJING (AP) --", "CHIANG RAI, 9 June 2014 -".
_DATELINE = re.compile(
    r"^\s*(?:\(?[A-Z][A-Z .'’-]+(?:,\s*[A-Z][A-Za-z .'’-]+)?(?:,\s*[^()\n]{3,30}?)?"
    r"\s*(?:\([^)\n]{1,40}\))?\s*(?:--|—|–|-)\s"
    r"|\([A-Z][\w .'’-]+,\s*[^()\n]{3,30}\)\s*(?:--|—|–|-)\s)"
)
_LETTER = re.compile(r"[^\W\d_]")
_HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")


@dataclass(frozen=True, slots=True)
class Clause:
    """A stretch ``[start, end)`` of the report text: one clause of one sentence."""

    start: int
    end: int
    sentence: int  # index of the sentence it belongs to
    first: bool  # whether it opens its sentence


@cache
def pipeline(lang: str = "en") -> Language:
    """A blank pipeline with a sentencizer, built once per language and process."""
    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer")
    return nlp


@cache
def _sentence_punct(lang: str) -> frozenset[int]:
    """The hashes of the sentencizer's sentence-final characters."""
    nlp = pipeline(lang)
    punct_chars = nlp.get_pipe("sentencizer").punct_chars  # type: ignore[attr-defined]
    return frozenset(nlp.vocab.strings.add(c) for c in punct_chars)


def language_of(text: str, declared: str | None = None) -> str:
    """The blank pipeline to use: "en", or "xx" for Korean and Hangul-dominant text."""
    if declared and declared.lower().startswith("ko"):
        return "xx"
    sample = text[:2000]
    if _HANGUL.search(sample) is None:
        return "en"  # most texts: no need to count their letters
    letters = len(_LETTER.findall(sample))
    if letters and len(_HANGUL.findall(sample)) > letters / 3:
        return "xx"
    return "en"


def _tokenizer(lang: str) -> Tokenizer:
    """The pipeline's tokenizer: sentences need its tokens only, not its components."""
    return cast(Tokenizer, pipeline(lang).tokenizer)


def parse(texts: Iterable[tuple[str, str]], batch_size: int = 64) -> Iterator[Doc]:
    """Tokenised docs for ``(text, lang)`` pairs, in order; texts of one language are
    batched. Sentence starts are read off the tokens by ``sentences``."""
    batch: list[str] = []
    lang_of_batch = ""
    for text, lang in texts:
        if batch and lang != lang_of_batch:
            yield from _tokenizer(lang_of_batch).pipe(batch, batch_size=batch_size)
            batch = []
        lang_of_batch = lang
        batch.append(text)
    if batch:
        yield from _tokenizer(lang_of_batch).pipe(batch, batch_size=batch_size)


def sentence_starts(doc: Doc) -> list[int]:
    """The character offsets where the sentences of ``doc`` start: the boundaries spaCy's
    sentencizer sets (a token that is no punctuation, after a sentence-final character
    since the token before it that was none), found on the token arrays rather than one
    Python object a token."""
    if not len(doc):
        return []
    lang = doc.lang_ if doc.lang_ in ("en", "xx") else "en"
    punct = _sentence_punct(lang)
    orth, is_punct, idx = doc.to_array(["ORTH", "IS_PUNCT", "IDX"]).T.tolist()
    starts = [idx[0]]
    seen_final = False
    for i, word in enumerate(orth):
        if word in punct:
            seen_final = True
        elif seen_final and not is_punct[i]:
            starts.append(idx[i])
            seen_final = False
    return starts


def sentences(text: str, doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text`` (parsed as ``doc``), split at paragraph
    breaks. (``doc.text`` would rebuild the text token by token: it is passed instead.)"""
    if not len(doc):
        return _fix_quotes(text, [(0, len(text))])
    bounds = sentence_starts(doc)
    spans: list[tuple[int, int]] = []
    for begin, end in zip(bounds, [*bounds[1:], len(text)], strict=True):
        start = begin
        for brk in _PARAGRAPH.finditer(text, begin, end):
            spans.append((start, brk.start()))
            start = brk.end()
        spans.append((start, end))
    return _fix_quotes(text, spans)


def _fix_quotes(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Give an opening quote back to the sentence it opens; drop empty spans."""
    fixed: list[tuple[int, int]] = []
    carry: int | None = None
    for start, end in spans:
        if carry is not None:
            start, carry = carry, None
        last = end
        while last > start and text[last - 1].isspace():
            last -= 1
        # the pattern is tried only where it can match: a sentence ending in a quote mark
        quote = (
            _TRAILING_OPEN_QUOTE.search(text, start, end)
            if last > start and text[last - 1] in _OPEN_QUOTES
            else None
        )
        if quote and quote.start() > start:
            matched = text[quote.start() : quote.end()]
            carry = quote.start() + len(matched) - len(matched.lstrip())
            end = quote.start()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            fixed.append((start, end))
    if carry is not None and fixed:
        fixed[-1] = (fixed[-1][0], len(text.rstrip()))
    return fixed


def clauses(text: str, sentence_spans: list[tuple[int, int]]) -> list[Clause]:
    """The clauses of each sentence, in text order."""
    found: list[Clause] = []
    for index, (start, end) in enumerate(sentence_spans):
        begin = start
        for brk in _CLAUSE_BREAK.finditer(text, start, end):
            if brk.start() > begin:
                found.append(Clause(begin, brk.start(), index, begin == start))
            begin = brk.end()
        if end > begin:
            found.append(Clause(begin, end, index, begin == start))
    return found


# A paragraph that is a heading: one short line that ends no sentence.
_HEADING = re.compile(
    r"(?:\A|\n[^\S\n]*\n)[^\S\n]*([^\n]{1,150}?[^\s.!?\"”’':;,)\]])[^\S\n]*(?=\n[^\S\n]*\n)"
)


def headings(text: str) -> list[tuple[int, int]]:
    """The spans of the headings inside a text ("[Ji'an] Two soldiers who crossed to steal
    food were caught" over the story that tells it): one short line standing as a paragraph
    of its own, ending without a sentence's punctuation."""
    return [(m.start(1), m.end(1)) for m in _HEADING.finditer(text)]


def dateline(text: str) -> tuple[int, int] | None:
    """The span of a wire dateline opening the text, whose place is not the story's."""
    match = _DATELINE.match(text)
    return (match.start(), match.end()) if match else None
