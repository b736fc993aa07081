"""Sentences and clauses."""

from __future__ import annotations

import pytest

from repwatch.extract.text import (
    clauses,
    dateline,
    headings,
    language_of,
    parse,
    pipeline,
    sentence_starts,
    sentences,
)


def split(text: str, lang: str = "en") -> list[str]:
    doc = next(parse([(text, lang)]))
    return [text[a:b] for a, b in sentences(text, doc)]


def test_opening_quote_starts_its_sentence() -> None:
    text = "They were caught. “They were sent back,” he said."
    assert split(text) == ["They were caught.", "“They were sent back,” he said."]


def test_paragraph_break_ends_a_sentence() -> None:
    assert split("They were caught\n\nThey were sent back.") == [
        "They were caught",
        "They were sent back.",
    ]


def test_comma_and_starts_a_new_clause() -> None:
    text = "Eighteen were caught in Changchun, and a further five were taken off a train."
    spans = [(0, len(text))]
    assert [text[c.start : c.end] for c in clauses(text, spans)] == [
        "Eighteen were caught in Changchun",
        "and a further five were taken off a train.",
    ]


def test_korean_text_uses_the_multilingual_pipeline() -> None:
    text = "탈북자 5명이 중국 선양에서 체포되었다. 그들은 북송되었다."
    assert language_of(text) == "xx"
    assert len(split(text, "xx")) == 2


def test_wire_dateline_is_found() -> None:
    text = "SEOUL, Feb. 14 (Yonhap) -- Chinese police detained 35 North Koreans."
    span = dateline(text)
    assert span is not None and text[: span[1]] == "SEOUL, Feb. 14 (Yonhap) -- "
    assert dateline("A North Korean woman - the source said") is None


SENTENCE_CASES = {
    "plain": "They were caught. They were sent back.",
    "punctuation run": "Were they caught?! Yes... They were sent back.",
    "quotes after the stop": 'He said: "They were caught." Then they were sent back.',
    "opening punctuation": ". They were caught. (They were sent back.)",
    "no stop at the end": "They were caught. They were sent back",
    "korean": "탈북자 5명이 체포되었다. 그들은 북송되었다!",
    "one token": "Caught",
}


@pytest.mark.parametrize("text", SENTENCE_CASES.values(), ids=SENTENCE_CASES.keys())
def test_sentence_starts_are_those_of_spacys_sentencizer(text: str) -> None:
    lang = language_of(text)
    full = pipeline(lang)(text)
    expected = [token.idx for token in full if token.is_sent_start]
    assert sentence_starts(next(parse([(text, lang)]))) == expected


def test_a_heading_is_a_short_line_standing_alone() -> None:
    text = (
        "URGENT APPEAL -- 1 June 2014\n\nFour women were caught.\n\n"
        "[Yanji] Two sent back\n\nTwo men were sent back."
    )
    assert [text[a:b] for a, b in headings(text)] == [
        "URGENT APPEAL -- 1 June 2014",
        "[Yanji] Two sent back",
    ]


def test_a_line_ending_a_sentence_or_the_text_is_no_heading() -> None:
    assert headings("They were caught.\n\nThey were sent back.\n\nContact: press office") == []
