"""The name index: every name form, keyed so that a text is scanned in one pass.

Latin names are indexed by their first folded word, each bucket holding the
names that start with it, longest first, so a scan tries only the few names
that can start at a word and takes the longest that fits. Hangul and Chinese
names (no spaces between words) are indexed by their first character.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from repwatch.gazetteer.data import NameForm
from repwatch.gazetteer.normalise import Words, fold, has_cjk, is_hangul

# Korean particles and place suffixes that may follow a Hangul name in the same
# word ("혜산에서", "혜산시"); any other Hangul after the name means it is part of
# a longer word, not this place.
HANGUL_TAILS = (
    "에서",
    "에게",
    "에",
    "의",
    "으로",
    "로",
    "을",
    "를",
    "이",
    "가",
    "은",
    "는",
    "과",
    "와",
    "도",
    "까지",
    "부터",
    "시",
    "군",
    "읍",
    "강",
    "지역",
    "일대",
    "인근",
    "근처",
    "부근",
    "쪽",
    "세관",
    "다리",
    "대교",
)


@dataclass(frozen=True, slots=True)
class Hit:
    """A name found in a text: its character span, word span (Latin only), and forms."""

    start: int
    end: int
    forms: tuple[NameForm, ...]
    first_token: int = -1  # index of its first word in the token list; -1 for Hangul/Chinese
    last_token: int = -1  # index of its last word


class NameIndex:
    """Every name form of the gazetteer, ready for scanning texts and exact lookups."""

    def __init__(self, forms: Iterable[NameForm]) -> None:
        by_key: dict[str, list[NameForm]] = defaultdict(list)
        cjk: dict[str, list[NameForm]] = defaultdict(list)
        for form in forms:
            if has_cjk(form.text):
                cjk[form.text].append(form)
            else:
                key = fold(form.text)
                if key:
                    by_key[key].append(form)
        self.by_key: dict[str, tuple[NameForm, ...]] = {k: tuple(v) for k, v in by_key.items()}
        self.by_cjk: dict[str, tuple[NameForm, ...]] = {k: tuple(v) for k, v in cjk.items()}
        latin: dict[str, list[tuple[tuple[str, ...], tuple[NameForm, ...]]]] = defaultdict(list)
        for key, group in self.by_key.items():
            words = tuple(key.split(" "))
            latin[words[0]].append((words, group))
        self._latin = {k: sorted(v, key=lambda item: -len(item[0])) for k, v in latin.items()}
        first_chars: dict[str, list[tuple[str, tuple[NameForm, ...]]]] = defaultdict(list)
        for name, group in self.by_cjk.items():
            first_chars[name[0]].append((name, group))
        self._cjk = {k: sorted(v, key=lambda item: -len(item[0])) for k, v in first_chars.items()}

    def match_at(self, words: Words, i: int) -> Hit | None:
        """The longest name starting at word ``i`` whose words are adjacent in the text."""
        bucket = self._latin.get(words.keys[i])
        if bucket is None:
            return None
        keys, joins = words.keys, words.joins
        for name, forms in bucket:
            n = len(name)
            if i + n > len(keys):
                continue
            if all(keys[i + k] == name[k] and joins[i + k] for k in range(1, n)):
                last = i + n - 1
                return Hit(words.starts[i], words.ends[last], forms, i, last)
        return None

    def scan_latin(self, words: Words, *, capitalised: bool) -> Iterator[Hit]:
        """Every non-overlapping Latin name in ``words``, left to right, longest first."""
        latin, capitals = self._latin, words.capitals
        free = 0  # the first word not inside a name already found
        for i in [i for i, key in enumerate(words.keys) if key in latin]:
            if i < free or (capitalised and not capitals[i]):
                continue
            hit = self.match_at(words, i)
            if hit is not None:
                yield hit
                free = hit.last_token + 1

    def scan_cjk(self, text: str) -> Iterator[Hit]:
        """Every non-overlapping Hangul or Chinese name in ``text``, longest first."""
        cjk = self._cjk
        i, n = 0, len(text)
        while i < n:
            bucket = cjk.get(text[i])
            if bucket is not None:
                for name, forms in bucket:
                    end = i + len(name)
                    if text.startswith(name, i) and _bounded(text, i, end, name):
                        yield Hit(i, end, forms)
                        i = end
                        break
                else:
                    i += 1
                continue
            i += 1


def _bounded(text: str, start: int, end: int, name: str) -> bool:
    """Hangul names must be whole words, allowing a particle or suffix after them."""
    if not is_hangul(name[0]):
        return True  # Chinese has no word boundaries to check
    if start > 0 and is_hangul(text[start - 1]):
        return False
    if end < len(text) and is_hangul(text[end]):
        return text.startswith(HANGUL_TAILS, end)
    return True
