"""JSON Lines in FORMAT.md's reports shape: good lines stored, bad lines named by number."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from repwatch.errors import InputError
from repwatch.ingest import Metadata, Source, read_source
from repwatch.ingest.jsonl import read_jsonl
from repwatch.model import Report, content_hash

DEV_REPORTS = Path(__file__).parents[3] / "shared" / "corpus" / "dev" / "reports.jsonl"

TEXT = "Police arrested five.\n\nThey were returned."
LINE = {
    "id": "dev-001",
    "title": "Five caught",
    "publisher": "Border News",
    "url": None,
    "published": "2019-11-20",
    "language": "en",
    "text": TEXT,
}


def _lines(*records: object) -> str:
    return "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n"


def _read(text: str, metadata: Metadata | None = None) -> list[Report | InputError]:
    return list(read_jsonl(text, source="batch.jsonl", metadata=metadata or Metadata()))


def test_jsonl_line_becomes_a_report_with_its_fields() -> None:
    (report,) = _read(_lines(LINE))
    assert isinstance(report, Report)
    assert report.external_id == "dev-001"
    assert report.id == content_hash(TEXT)
    assert (report.title, report.publisher, report.language) == ("Five caught", "Border News", "en")
    assert report.published == dt.date(2019, 11, 20)
    assert (report.origin, report.source_format) == ("batch.jsonl:1", "jsonl")


def test_jsonl_given_metadata_fills_only_what_the_line_lacks() -> None:
    line = {"id": 7, "text": "Police arrested five.", "publisher": "Line Daily", "published": None}
    given = Metadata(publisher="Flag Daily", published=dt.date(2020, 1, 1), language="ko")
    (report,) = _read(_lines(line), given)
    assert isinstance(report, Report)
    assert report.publisher == "Line Daily"
    assert report.published == dt.date(2020, 1, 1)
    assert report.language == "ko"
    assert report.external_id == "7"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        pytest.param('{"text": "unterminated', "malformed JSON (Unterminated string", id="broken"),
        pytest.param("[1, 2]", "not a JSON object", id="array"),
        pytest.param('"just a string"', "not a JSON object", id="string"),
        pytest.param({"id": "x"}, 'missing or empty "text"', id="no-text"),
        pytest.param({"text": "  \n "}, 'missing or empty "text"', id="blank-text"),
        pytest.param({"text": 42}, 'missing or empty "text"', id="number-text"),
        pytest.param(
            {"text": "t", "published": "20 Nov 2019"},
            '"published" is not an ISO date (YYYY-MM-DD) or null',
            id="bad-date",
        ),
        pytest.param(
            {"text": "t", "published": "2019-02-30"},
            '"published" is not an ISO date (YYYY-MM-DD) or null',
            id="impossible-date",
        ),
        pytest.param({"text": "t", "title": ["a"]}, '"title" must be a string or null', id="title"),
        pytest.param(
            {"text": "t", "id": {"a": 1}}, '"id" must be a string, a number or null', id="id"
        ),
    ],
)
def test_jsonl_bad_line_is_named_by_number_and_the_others_go_on(line: object, reason: str) -> None:
    items = _read(_lines(LINE, "", line, {**LINE, "text": "Another report."}))
    assert [type(i) for i in items] == [Report, InputError, Report]
    error = items[1]
    assert isinstance(error, InputError)
    assert error.source == "batch.jsonl:3"  # the blank line 2 is skipped but counted
    assert error.reason.startswith(reason)


def test_jsonl_dev_corpus_is_read_whole(tmp_path: Path) -> None:
    if not DEV_REPORTS.exists():
        pytest.skip("../shared/corpus/dev is not here")
    items = list(read_source(Source(DEV_REPORTS, "dev"), metadata=Metadata(), max_bytes=10**7))
    assert all(isinstance(i, Report) for i in items)
    expected = [json.loads(line)["id"] for line in DEV_REPORTS.read_text().splitlines()]
    assert [i.external_id for i in items if isinstance(i, Report)] == expected


def test_json_file_may_hold_an_array_of_reports(tmp_path: Path) -> None:
    path = tmp_path / "reports.json"
    path.write_text(json.dumps([LINE, {"text": ""}], indent=2))
    items = list(read_source(Source(path, "reports.json"), metadata=Metadata(), max_bytes=10**6))
    assert isinstance(items[0], Report)
    assert items[0].origin == "reports.json item 1"
    assert isinstance(items[1], InputError)
    assert str(items[1]) == 'reports.json item 2: missing or empty "text"'


def test_jsonl_file_in_utf16_is_read(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_bytes(_lines(LINE, {**LINE, "text": "둘째 보도."}).encode("utf-16"))
    items = list(read_source(Source(path, "batch.jsonl"), metadata=Metadata(), max_bytes=10**6))
    assert [i.text for i in items if isinstance(i, Report)] == [TEXT, "둘째 보도."]
