"""The extractor end to end: its API, the evidence behind every value, its robustness,
and its figures on the seed report and on reports written for these tests."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from repwatch import __version__
from repwatch.evaluate import evaluate_predictions, load_incidents_jsonl, load_reports_jsonl
from repwatch.extract import EXTRACTOR, extract, extract_many, extractor_id
from repwatch.model import EvidenceSpan, Mention, Report

DATA = Path(__file__).parent / "data"
SHARED = Path(__file__).resolve().parents[3] / "shared"
PRODUCERS = {
    "acts.v1",
    "quantities.v1",
    "places.v1",
    "dates.v1",
    "perpetrator.v1",
    "sources.v1",
    "segment.v1",
}

STORY = (
    "SEOUL, March 4 (Yonhap) -- Two laborers from Sinuiju were arrested by Chinese police "
    "in Dandong on February 20 and repatriated three days later, a source in North Pyongan "
    "Province told Daily NK. In a separate case, a woman was caught on the Chinese bank "
    "after wading across the Tumen River near Hoeryong. She is being held in Sanhe."
)


def report(text: str = STORY, published: dt.date | None = dt.date(2014, 3, 4)) -> Report:
    return Report.from_text(text, published=published, language="en")


def spans_of(mention: Mention) -> list[tuple[EvidenceSpan, str]]:
    """Every evidence span of a mention, with the producer of its value."""
    found = [(s, a.producer) for a in mention.acts for s in a.spans]
    found += [(s, p.producer) for p in mention.places for s in p.spans]
    for value in (mention.victims, mention.victim_group, mention.date, mention.perpetrator):
        if value is not None:
            found += [(s, value.producer) for s in value.spans]
    found += [(s, src.producer) for src in mention.sources for s in src.spans]
    return found


def test_extractor_id_names_the_version() -> None:
    assert extractor_id() == f"{EXTRACTOR} {__version__}"


def test_extract_finds_each_case_with_its_fields() -> None:
    mentions = extract(report())
    assert [m.to_eval()["victims"]["min"] for m in mentions] == [2, 1]
    first, second = (m.to_eval() for m in mentions)
    assert set(first["acts"]) == {"arrest", "repatriation"}
    assert first["place"]["name"] == "Dandong" and first["perpetrator"] == "china"
    assert first["date"] == {"start": "2014-02-20", "end": "2014-02-20"}
    assert set(second["acts"]) == {"crossing", "arrest", "detention"}


def test_every_value_carries_spans_quoting_the_text_and_its_producer() -> None:
    text = report().text
    for mention in extract(report()):
        assert mention.extractor == extractor_id()
        assert mention.report_id == report().id
        for span, producer in spans_of(mention):
            assert span.quotes(text)
            assert producer in PRODUCERS


def test_extract_many_keeps_the_order_of_reports() -> None:
    reports = [report(), report("Nothing happened here."), report()]
    results = list(extract_many(reports))
    assert [r for r, _ in results] == reports
    assert [len(m) for _, m in results] == [2, 0, 2]


def test_korean_report_does_not_crash() -> None:
    korean = Report.from_text("탈북자 5명이 중국 선양에서 체포되었다.", language="ko")
    assert isinstance(extract(korean), list)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=400))
def test_extraction_never_raises_on_arbitrary_unicode(text: str) -> None:
    if not text.strip():
        return
    item = Report.from_text(text)
    for mention in extract(item):
        for span, _ in spans_of(mention):
            assert span.quotes(item.text)


_WORDS = st.sampled_from(
    "Two three a dozen about 30 defectors North Koreans were was arrested caught held "
    "sent back repatriated by Chinese police in Dandong Yanji Shenyang on March 3 last "
    "week the day after they he she . , and who fled crossed the Tumen River".split()
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_WORDS, min_size=1, max_size=60))
def test_spans_lie_inside_the_text_and_quote_it(words: list[str]) -> None:
    text = " ".join(words)
    item = Report.from_text(text, published=dt.date(2015, 6, 1))
    for mention in extract(item):
        for span, _ in spans_of(mention):
            assert 0 <= span.start < span.end <= len(item.text)
            assert item.text[span.start : span.end] == span.text


def test_reports_written_for_these_tests_score_well() -> None:
    reports = [r for r in load_reports_jsonl(DATA / "stories.jsonl") if r.language == "en"]
    gold = load_incidents_jsonl(DATA / "stories_gold.jsonl")
    predictions = {
        str(r.external_id): [m.to_eval() for m in found] for r, found in extract_many(reports)
    }
    gold = {k: v for k, v in gold.items() if k in predictions}
    result = evaluate_predictions(gold, predictions).result
    assert result.incident.f1 >= 0.9
    assert result.strict.f1 >= 0.8


@pytest.mark.skipif(not (SHARED / "corpus" / "seed").is_dir(), reason="../shared is absent")
def test_seed_report_is_right_in_every_field() -> None:
    folder = SHARED / "corpus" / "seed"
    gold = load_incidents_jsonl(folder / "gold.jsonl")
    found = {
        str(r.external_id): [m.to_eval() for m in ms]
        for r, ms in extract_many(load_reports_jsonl(folder / "reports.jsonl"))
    }
    evaluation = evaluate_predictions(gold, found)
    assert evaluation.result.incident.f1 == 1.0
    assert all(v == 1.0 for v in evaluation.result.field_accuracy.values()), json.dumps(
        evaluation.result.field_accuracy
    )
