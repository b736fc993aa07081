"""Sentences and clauses."""

from __future__ import annotations

from repwatch.extract.text import clauses, dateline, language_of, parse, sentences


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
