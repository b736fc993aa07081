from __future__ import annotations

import io
import json
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from repwatch.export import incident_record, read_csv, read_geojson
from repwatch.sample import sample_reports_path
from repwatch.store import Store

Run = Callable[..., Result]


@pytest.fixture
def extracted(run: Run) -> Run:
    """A database holding the sample corpus, extracted."""
    assert run("ingest", str(sample_reports_path())).exit_code == 0
    result = run("extract")
    assert result.exit_code == 0, result.output
    return run


def listed(run: Run, *filters: str) -> list[dict]:
    result = run("incidents", "--json", *filters)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_extract_stores_incidents_backed_by_mentions(extracted: Run, db_path: Path) -> None:
    records = listed(extracted)
    assert len(records) >= 10
    with sqlite3.connect(db_path) as conn:
        report_ids = {row[0] for row in conn.execute("select id from reports")}
    for record in records:
        assert record["mention_ids"], record
        assert set(record["report_ids"]) <= report_ids
        assert record["acts"] or record["expected_acts"]


def test_extract_twice_does_nothing_new(extracted: Run) -> None:
    before = listed(extracted)
    result = extracted("extract")
    assert result.exit_code == 0
    assert "0 reports extracted" in result.output
    assert listed(extracted) == before


def test_reextracting_a_report_by_its_corpus_id_replaces_its_incidents(extracted: Run) -> None:
    before = listed(extracted)
    result = extracted("extract", "sample-001")
    assert result.exit_code == 0, result.output
    assert "1 report extracted" in result.output
    after = listed(extracted)
    assert len(after) == len(before)
    assert {r["id"] for r in after} != {r["id"] for r in before}  # sample-001's were remade


def test_incident_filters_select_matching_incidents(extracted: Run) -> None:
    everything = listed(extracted)
    returned = listed(extracted, "--act", "repatriation")
    assert returned and len(returned) < len(everything)
    assert all("repatriation" in r["acts"] + r["expected_acts"] for r in returned)
    since = listed(extracted, "--since", "2014-01-01")
    assert since and all((r["date_end"] or "") >= "2014" for r in since)
    assert all(
        r["victims_min"] >= 10
        for r in listed(extracted, "--min-victims", "10")
        if r["victims_max"] is None
    )


def test_bad_filter_value_is_a_clear_error(extracted: Run) -> None:
    result = extracted("incidents", "--since", "last year")
    assert result.exit_code == 1
    assert "--since" in result.output and "Traceback" not in result.output


def test_show_quotes_the_sentence_each_value_came_from(extracted: Run, db_path: Path) -> None:
    first = listed(extracted)[0]
    result = extracted("show", str(first["id"]))
    assert result.exit_code == 0, result.output
    with Store.open(f"sqlite:///{db_path}") as store:
        (mention,) = store.mentions_of(first["id"])
        text = store.get_report(mention.report_id).text
    quotes = re.findall(r"“(.+?)”", result.output, flags=re.S)
    assert quotes
    for quote in quotes:
        assert " ".join(quote.split()) in " ".join(text.split())
    for act in mention.acts:
        assert f"act ({act.modality.value}): {act.act.value}" in result.output


def test_show_unknown_incident_says_so(extracted: Run) -> None:
    result = extracted("show", "99999")
    assert result.exit_code == 1
    assert "no incident 99999" in result.output


@pytest.mark.parametrize("format", ["csv", "geojson"])
def test_export_reads_back_as_the_stored_incidents(
    extracted: Run, tmp_path: Path, db_path: Path, format: str
) -> None:
    target = tmp_path / f"incidents.{format}"
    result = extracted("export", "--format", format, "-o", str(target))
    assert result.exit_code == 0, result.output
    with target.open(encoding="utf-8") as handle:
        exported = read_csv(handle) if format == "csv" else read_geojson(handle)
    with Store.open(f"sqlite:///{db_path}") as store:
        stored = store.list_incidents()
    assert [incident_record(i) for i in exported] == [incident_record(i) for i in stored]


def test_export_holds_no_report_text_or_sources(extracted: Run, db_path: Path) -> None:
    result = extracted("export", "--format", "json")
    with sqlite3.connect(db_path) as conn:
        texts = [row[0] for row in conn.execute("select text from reports")]
    assert '"sources"' not in result.output and '"victim_group"' not in result.output
    for text in texts:
        assert text[:60] not in result.output


def test_extract_file_prints_eval_lines_without_a_database(run: Run, db_path: Path) -> None:
    result = run("extract-file", str(sample_reports_path()), db=False)
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in io.StringIO(result.output) if line.strip()]
    assert [line["id"] for line in lines][:2] == ["sample-001", "sample-002"]
    incident = next(i for line in lines for i in line["incidents"])
    assert {"acts", "modality", "victims", "place", "date", "perpetrator"} <= set(incident)
    assert not db_path.exists()


def test_demo_builds_a_fresh_database_and_exports(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    for _ in range(2):  # a second run starts afresh rather than piling up
        result = run("demo", str(folder), db=False)
        assert result.exit_code == 0, result.output
    assert (folder / "incidents.csv").exists()
    collection = json.loads((folder / "incidents.geojson").read_text(encoding="utf-8"))
    with Store.open(f"sqlite:///{folder / 'repwatch.db'}") as store:
        assert len(collection["features"]) == store.count_incidents() > 0
        assert store.count_reports() == 15


def test_reports_lists_and_searches(extracted: Run) -> None:
    listed_reports = extracted("reports", "--limit", "3")
    assert listed_reports.exit_code == 0
    assert listed_reports.output.strip().endswith("3 reports")
    found = extracted("reports", "--search", "Dandong")
    assert found.exit_code == 0 and "[Dandong]" in found.output
    assert "0 reports" in extracted("reports", "--search", "xylophone").output
