"""The bundled sample corpus: its files load, follow FORMAT.md, and copy nothing from the seed."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

from repwatch.model import Act, DateRange, Modality, Perpetrator, Report, VictimCount
from repwatch.sample import sample_gold_path, sample_reports_path

REPORT_FIELDS = {"id", "title", "publisher", "url", "published", "language", "text"}
INCIDENT_FIELDS = {
    "acts",
    "modality",
    "victims",
    "place",
    "date",
    "perpetrator",
    "victim_group",
    "sources",
}
OPTIONAL_INCIDENT_FIELDS = {"expected_acts"}
ACTS = {act.value for act in Act}
MODALITIES = {modality.value for modality in Modality}
PERPETRATORS = {perpetrator.value for perpetrator in Perpetrator}

# The seed report is a real article: it is read from the shared folder beside the checkout
# at test time and must never appear in the repository, not even as a long quotation.
SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEED_DIR = SHARED / "seeds"
SEED_CORPUS = SHARED / "corpus" / "seed" / "reports.jsonl"
COPY_RUN_WORDS = 12


def _load_jsonl(path: Path) -> list[dict[str, Any]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rows.append(json.loads(line))
    return rows


@pytest.fixture(scope="module")
def reports() -> list[dict[str, Any]]:
    return _load_jsonl(sample_reports_path())


@pytest.fixture(scope="module")
def gold() -> list[dict[str, Any]]:
    return _load_jsonl(sample_gold_path())


def _incidents(gold: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    return [(row["id"], incident) for row in gold for incident in row["incidents"]]


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _runs(text: str, n: int) -> set[tuple[str, ...]]:
    words = _words(text)
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def _seed_texts() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEED_DIR.glob("*.txt"))]
    if SEED_CORPUS.is_file():
        texts += [row["text"] for row in _load_jsonl(SEED_CORPUS)]
    return texts


# --- the files --------------------------------------------------------------------------


def test_sample_files_load_as_json_objects(
    reports: list[dict[str, Any]], gold: list[dict[str, Any]]
) -> None:
    assert reports
    assert gold
    assert all(isinstance(row, dict) for row in reports + gold)


def test_sample_corpus_has_between_10_and_20_reports(reports: list[dict[str, Any]]) -> None:
    assert 10 <= len(reports) <= 20


def test_sample_report_ids_are_unique_and_numbered(reports: list[dict[str, Any]]) -> None:
    ids = [row["id"] for row in reports]
    assert len(set(ids)) == len(ids)
    assert ids == [f"sample-{n:03d}" for n in range(1, len(ids) + 1)]


def test_sample_gold_ids_match_report_ids_in_order(
    reports: list[dict[str, Any]], gold: list[dict[str, Any]]
) -> None:
    assert [row["id"] for row in gold] == [row["id"] for row in reports]


# --- reports ----------------------------------------------------------------------------


def test_sample_reports_have_exactly_the_format_fields(reports: list[dict[str, Any]]) -> None:
    for row in reports:
        assert set(row) == REPORT_FIELDS, row["id"]
        assert row["url"] is None, row["id"]
        assert isinstance(row["title"], str) and row["title"], row["id"]
        assert isinstance(row["publisher"], str) and row["publisher"], row["id"]
        assert row["language"] in {"en", "ko"}, row["id"]


def test_sample_reports_are_published_between_2008_and_2016_or_undated(
    reports: list[dict[str, Any]],
) -> None:
    undated = [row["id"] for row in reports if row["published"] is None]
    assert 1 <= len(undated) <= 2
    for row in reports:
        if row["published"] is not None:
            assert 2008 <= dt.date.fromisoformat(row["published"]).year <= 2016, row["id"]


def test_sample_corpus_has_one_korean_report(reports: list[dict[str, Any]]) -> None:
    korean = [row for row in reports if row["language"] == "ko"]
    assert len(korean) == 1
    assert re.search(r"[\uac00-\ud7a3]", korean[0]["text"])


def test_sample_reports_are_short(reports: list[dict[str, Any]]) -> None:
    for row in reports:
        assert 150 <= len(row["text"].split()) <= 400, row["id"]


def test_sample_reports_become_model_reports(reports: list[dict[str, Any]]) -> None:
    made = [Report.from_text(row["text"], external_id=row["id"]) for row in reports]
    assert len({report.id for report in made}) == len(made)


# --- gold -------------------------------------------------------------------------------


def test_sample_gold_incidents_have_the_format_fields(gold: list[dict[str, Any]]) -> None:
    for report_id, incident in _incidents(gold):
        assert set(incident) >= INCIDENT_FIELDS, report_id
        assert set(incident) <= INCIDENT_FIELDS | OPTIONAL_INCIDENT_FIELDS, report_id
        assert isinstance(incident["sources"], list), report_id


def test_sample_gold_acts_and_modality_are_in_the_vocabulary(gold: list[dict[str, Any]]) -> None:
    for report_id, incident in _incidents(gold):
        assert incident["acts"], report_id
        assert set(incident["acts"]) <= ACTS, report_id
        assert set(incident.get("expected_acts", [])) <= ACTS, report_id
        assert incident["modality"] in MODALITIES, report_id
        assert incident["perpetrator"] is None or incident["perpetrator"] in PERPETRATORS


def test_sample_gold_follows_the_act_conventions(gold: list[dict[str, Any]]) -> None:
    for report_id, incident in _incidents(gold):
        acts = set(incident["acts"])
        if "detention" in acts:
            assert "arrest" in acts, report_id
        if "expected_acts" in incident:
            assert incident["modality"] == Modality.OCCURRED, report_id
            assert not acts & set(incident["expected_acts"]), report_id


def test_sample_gold_values_validate_as_model_values(gold: list[dict[str, Any]]) -> None:
    for report_id, incident in _incidents(gold):
        if incident["victims"] is not None:
            VictimCount(**incident["victims"])
        if incident["date"] is not None:
            DateRange(**incident["date"])
        place = incident["place"]
        if place is not None:
            assert place["name"], report_id
            for value in (place["lat"], place["lon"]):
                assert isinstance(value, float), report_id
                assert round(value, 4) == value, report_id


def test_sample_gold_has_a_report_without_incidents_and_one_with_three(
    gold: list[dict[str, Any]],
) -> None:
    counts = [len(row["incidents"]) for row in gold]
    assert 0 in counts
    assert 3 in counts


# --- the seed is never copied -------------------------------------------------------------


def test_shared_run_finds_a_copied_passage() -> None:
    source = "one two three four five six seven eight nine ten eleven twelve thirteen"
    copy = "Intro words. " + source.upper() + " and more."
    assert _runs(source, COPY_RUN_WORDS) & _runs(copy, COPY_RUN_WORDS)
    assert not _runs(source, COPY_RUN_WORDS) & _runs("one two three", COPY_RUN_WORDS)


@pytest.mark.skipif(not SEED_DIR.is_dir(), reason="the shared seed folder is not present")
def test_sample_reports_share_no_12_word_run_with_the_seed(
    reports: list[dict[str, Any]],
) -> None:
    seed_runs: set[tuple[str, ...]] = set()
    for text in _seed_texts():
        seed_runs |= _runs(text, COPY_RUN_WORDS)
    assert seed_runs, "the seed folder holds no text to compare with"
    for row in reports:
        shared = _runs(row["title"] + "\n" + row["text"], COPY_RUN_WORDS) & seed_runs
        assert not shared, row["id"]
