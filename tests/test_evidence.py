from __future__ import annotations

import pytest

from repwatch.evidence import in_context, sentence_bounds
from repwatch.model import EvidenceSpan

TEXT = (
    "SEOUL, Nov. 12 (Yonhap) -- Police held him. The three were handed over on Nov. 3 "
    'at the bridge, Mr. Kim said. "They were beaten." A new paragraph\n\nstarts here.'
)


@pytest.mark.parametrize(
    ("word", "sentence"),
    [
        pytest.param(
            "handed",
            "The three were handed over on Nov. 3 at the bridge, Mr. Kim said.",
            id="abbreviations-do-not-end-sentences",
        ),
        pytest.param("SEOUL", "SEOUL, Nov. 12 (Yonhap) -- Police held him.", id="first"),
        pytest.param("beaten", '"They were beaten."', id="closing-quote"),
        pytest.param("paragraph", "A new paragraph", id="paragraph-break"),
    ],
)
def test_sentence_bounds_frame_the_sentence(word: str, sentence: str) -> None:
    start = TEXT.index(word)
    begin, end = sentence_bounds(TEXT, start, start + len(word))
    assert TEXT[begin:end].strip() == sentence


def test_in_context_splits_around_the_span() -> None:
    start = TEXT.index("Police")
    ((before, quoted, after),) = in_context(TEXT, (EvidenceSpan.of(TEXT, start, start + 6),))
    assert (before, quoted, after) == ("SEOUL, Nov. 12 (Yonhap) -- ", "Police", " held him.")
