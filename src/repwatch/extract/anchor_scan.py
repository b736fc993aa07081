"""``Scan``: where in a text to try a pattern. One pass of a lowercase anchor regex finds
the few positions worth trying, so patterns never run at every character. Shared by the
quantities and dates finders.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator


def lower_keeping_offsets(text: str) -> str:
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
        for match in anchors.finditer(lower_keeping_offsets(text), lo, hi):
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
