"""How names and texts are folded so that spellings of one name meet.

Latin-script names are compared token by token after folding: casefolded,
diacritics stripped (so McCune–Reischauer ``ŏ``/``ŭ`` become ``o``/``u``),
apostrophes dropped (``Ji'an`` = ``Jian``, ``P'yŏngan`` = ``Pyongan``) and
hyphens and dashes treated as spaces (``Tumen–Namyang`` = ``Tumen Namyang``).
Hangul and Chinese names are compared as exact character strings.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple, overload

# A Latin or Cyrillic word, keeping word-internal apostrophes (Ji'an, P'yŏngan) but
# not a possessive 's ("Dandong's" is "Dandong", then "s"). Combining marks are
# included so that decomposed text (o + U+0306) stays one word.
_LETTERS = "0-9A-Za-z\u00c0-\u024f\u0300-\u036f\u1e00-\u1eff\u0400-\u04ff"
_WORD = re.compile(f"[{_LETTERS}]+(?:['’‘ʼ`](?![sS]\\b)[{_LETTERS}]+)*")
_SPLIT = re.compile(f"({_WORD.pattern})")
_APOSTROPHES = str.maketrans("", "", "'’‘ʼ`")
# Characters allowed between the words of one multi-word name.
_JOINERS = frozenset(" \t\u00a0-‐‑‒–—")
_CJK = re.compile(
    r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]"
)
_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")


class Token(NamedTuple):
    """One word of a text: its folded form and where it lies."""

    key: str  # the folded form used for matching
    start: int
    end: int
    capitalised: bool  # written with an initial capital (a proper name, in English)
    joined: bool  # only spaces or hyphens separate it from the previous word


class Words(Sequence[Token]):
    """The words of a text, kept column by column: a report has hundreds of words and
    the scan looks closely at only a few, so Token objects are made on demand."""

    def __init__(self, text: str) -> None:
        parts = _SPLIT.split(text)  # gap, word, gap, word, …, gap
        words, gaps = parts[1::2], parts[0:-1:2]
        offsets = list(accumulate(map(len, parts), initial=0))
        self.starts: list[int] = offsets[1::2]
        self.ends: list[int] = offsets[2::2]
        self.keys: list[str] = [w.lower() if w.isalnum() else fold_word(w) for w in words]
        if not text.isascii():
            self.keys = [k if k.isascii() else fold_word(k) for k in self.keys]
        self.capitals: list[bool] = [w[0].isupper() for w in words]
        self.joins: list[bool] = [g == " " or _joins(g) for g in gaps]
        if self.joins:
            self.joins[0] = False

    def __len__(self) -> int:
        return len(self.keys)

    @overload
    def __getitem__(self, i: int) -> Token: ...
    @overload
    def __getitem__(self, i: slice) -> list[Token]: ...
    def __getitem__(self, i: int | slice) -> Token | list[Token]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        return Token(self.keys[i], self.starts[i], self.ends[i], self.capitals[i], self.joins[i])


def _joins(gap: str) -> bool:
    return bool(gap) and all(c in _JOINERS for c in gap)


def fold_word(word: str) -> str:
    """A word folded for matching: casefolded, without diacritics or apostrophes."""
    if word.isascii():
        return word.translate(_APOSTROPHES).lower()
    decomposed = unicodedata.normalize("NFKD", word)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.translate(_APOSTROPHES).casefold()


def fold_uncached(text: str) -> str:
    """A whole name or phrase folded for matching (words joined by single spaces)."""
    return " ".join(tokenise(text).keys)


# The gazetteer's own names are folded again and again while texts are read.
fold = lru_cache(maxsize=8192)(fold_uncached)


def tokenise(text: str) -> Words:
    """The Latin/Cyrillic words of ``text`` with their offsets."""
    return Words(text)


def has_cjk(text: str) -> bool:
    """True if ``text`` holds any Hangul or Chinese character."""
    return _CJK.search(text) is not None


def is_hangul(char: str) -> bool:
    return _HANGUL.match(char) is not None


def is_latin_name(name: str) -> bool:
    """True for names matched word by word (Latin or Cyrillic), False for Hangul/Chinese."""
    return not has_cjk(name)
