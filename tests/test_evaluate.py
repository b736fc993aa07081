"""The scorer (the project's copy of shared/eval/score.py) and `repwatch eval`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from repwatch.cli.evaluate import eval_command
from repwatch.errors import InputError
from repwatch.evaluate import (
    evaluate_folder,
    field_ok,
    load_incidents_jsonl,
    load_reports_jsonl,
    predict,
    score,
)

SHARED = Path(__file__).resolve().parents[2] / "shared"
SCORER = SHARED / "eval" / "score.py"
DEV = SHARED / "corpus" / "dev"

INCIDENT: dict[str, Any] = {
    "acts": ["arrest", "repatriation"],
    "modality": "occurred",
    "victims": {"min": 2, "max": 2},
    "place": {"name": "Dandong", "lat": 40.124, "lon": 124.394},
    "date": {"start": "2019-11-19", "end": "2019-11-20"},
    "perpetrator": "china",
}
REPORT = {
    "id": "t-1",
    "title": "Two caught",
    "publisher": "test",
    "url": None,
    "published": "2019-11-25",
    "language": "en",
    "text": "Two North Koreans were arrested by Chinese police in Dandong on November 19 "
    "and sent back to North Korea the next day, a source said.",
}


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.mark.skipif(not (SCORER.is_file() and DEV.is_dir()), reason="../shared is absent")
def test_score_agrees_with_shared_scorer(tmp_path: Path) -> None:
    gold = load_incidents_jsonl(DEV / "gold.jsonl")
    predictions = predict(load_reports_jsonl(DEV / "reports.jsonl"))
    # leave some reports out and spoil others, so that every branch of the scorer is used
    predictions.pop("dev-002", None)
    for incident in predictions.get("dev-001", []):
        incident["victims"] = {"min": 100, "max": None}
        incident["place"] = {"name": "Seoul", "lat": None, "lon": None}
    rows = [{"id": rid, "incidents": incs} for rid, incs in predictions.items()]
    pred_file = write_jsonl(tmp_path / "pred.jsonl", rows)
    shared = subprocess.run(
        [sys.executable, str(SCORER), str(DEV / "gold.jsonl"), str(pred_file), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert score(gold, load_incidents_jsonl(pred_file)).to_dict() == json.loads(shared.stdout)


@pytest.mark.parametrize(
    ("field", "change", "right"),
    [
        ("victims", {"victims": {"min": 2, "max": None}}, True),
        ("victims", {"victims": {"min": 3, "max": 5}}, False),
        ("place", {"place": {"name": "Sinuiju", "lat": 40.1, "lon": 124.4}}, True),
        ("place", {"place": {"name": "Shenyang", "lat": 41.8, "lon": 123.43}}, False),
        ("place", {"place": {"name": "Dandong City", "lat": None, "lon": None}}, True),
        ("date", {"date": {"start": "2019-11", "end": None}}, True),
        ("date", {"date": {"start": "2019-12-01", "end": "2019-12-02"}}, False),
        ("acts", {"acts": ["repatriation", "arrest"]}, True),
        ("acts", {"acts": ["arrest"]}, False),
    ],
    ids=[
        "open-count-overlaps",
        "count-apart",
        "place-within-25km",
        "place-far",
        "place-by-name",
        "month-overlap",
        "next-month",
        "acts-any-order",
        "acts-missing",
    ],
)
def test_field_comparison(field: str, change: dict[str, Any], right: bool) -> None:
    assert field_ok(field, INCIDENT, {**INCIDENT, **change}) is right


def test_score_counts_pairs_and_misses() -> None:
    other = {**INCIDENT, "victims": {"min": 9, "max": 9}, "place": None, "acts": ["death"]}
    result = score({"a": [INCIDENT, other], "b": []}, {"a": [INCIDENT], "c": [INCIDENT]})
    assert (result.gold_incidents, result.predicted_incidents, result.paired) == (2, 1, 1)
    assert result.incident.recall == 0.5 and result.incident.precision == 1.0
    assert result.unknown_report_ids == ("c",)


def test_load_reports_names_file_and_line_of_a_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "reports.jsonl"
    path.write_text(json.dumps(REPORT) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_reports_jsonl(path)
    assert caught.value.source == f"{path}:2"


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"text": ""}, "text"),
        ({"published": "last week"}, "published"),
        ({"id": None}, "id"),
    ],
    ids=["empty-text", "bad-date", "no-id"],
)
def test_load_reports_rejects_bad_values(tmp_path: Path, change: dict, reason: str) -> None:
    path = write_jsonl(tmp_path / "reports.jsonl", [{**REPORT, **change}])
    with pytest.raises(InputError, match=reason):
        load_reports_jsonl(path)


def test_load_reports_keeps_the_corpus_id_and_metadata(tmp_path: Path) -> None:
    (loaded,) = load_reports_jsonl(write_jsonl(tmp_path / "reports.jsonl", [REPORT]))
    assert loaded.external_id == "t-1" and loaded.published is not None
    assert loaded.published.isoformat() == "2019-11-25"


def corpus(tmp_path: Path) -> Path:
    write_jsonl(tmp_path / "reports.jsonl", [REPORT])
    write_jsonl(tmp_path / "gold.jsonl", [{"id": "t-1", "incidents": [INCIDENT]}])
    return tmp_path


def test_evaluate_folder_extracts_and_scores(tmp_path: Path) -> None:
    evaluation = evaluate_folder(corpus(tmp_path))
    assert evaluation.result.incident.f1 == 1.0
    assert evaluation.result.strict.f1 == 1.0
    assert evaluation.misses == []


def test_evaluate_folder_without_gold_is_an_input_error(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "reports.jsonl", [REPORT])
    with pytest.raises(InputError, match="no such file"):
        evaluate_folder(tmp_path)


def test_eval_command_prints_figures_and_misses(tmp_path: Path) -> None:
    folder = corpus(tmp_path)
    write_jsonl(folder / "gold.jsonl", [{"id": "t-1", "incidents": [INCIDENT, INCIDENT]}])
    app = typer.Typer()
    app.command()(eval_command)
    result = CliRunner().invoke(app, [str(folder)])
    assert result.exit_code == 0, result.output
    assert "incident  P 1.000  R 0.500  F1 0.667" in result.output
    assert "missed" in result.output and "t-1" in result.output
