"""Heads of chronology entries: "- 12 February 2016, Vladivostok. A logger is arrested …".

A short fragment opening a line, with a date and no act, followed on the same line by
the sentence that tells a case: its date and place are that case's, as a dateline's are
its story's.
"""

from __future__ import annotations

import re

from repwatch.extract.reading import Reading

# A line's opening fragment: an optional bullet, then at most ten words and a full stop.
_HEAD = re.compile(r"[ \t]*(?:[-–•*][ \t]*)?(?:[^\s.]+\.?[ \t,]*){1,10}$")
_MAX_WORDS = 10


def entry_head(reading: Reading, sentence: int) -> int | None:
    """The sentence heading the entry that ``sentence`` opens, if there is one."""
    if sentence == 0:
        return None
    start, end = reading.sentence_spans[sentence - 1]
    text = reading.text
    if "\n" in text[end : reading.sentence_spans[sentence][0]]:
        return None  # the case starts a line of its own
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip(" \t-–•*"):
        return None  # the fragment does not open its line
    head = reading.in_sentence(sentence - 1)
    if any(c.acts for c in head) or not any(c.dates for c in head):
        return None
    if len(text[start:end].split()) > _MAX_WORDS or not _HEAD.match(text, start, end):
        return None
    return sentence - 1
