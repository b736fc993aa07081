"""Linking, corroboration and review, end to end through the command line."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

Run = Callable[..., Result]

# One repatriation told by three outlets, with differing counts; and a look-alike
# at the same place two months later.
SAME_CASE = [
    (
        "Daily NK",
        "2015-03-12",
        "Chinese police arrested 12 North Korean defectors in Dandong on March 4, 2015, "
        "a source in North Pyongan Province told Daily NK. They were handed over to North "
        "Korean authorities at the Sino-Korean Friendship Bridge three days later.",
    ),
    (
        "Yonhap",
        "2015-03-13",
        "Twelve North Koreans who were caught by Chinese police in the border city of Dandong "
        "on March 4 have been repatriated across the Friendship Bridge, activists said Friday.",
    ),
    (
        "Radio Free Asia",
        "2015-03-14",
        "Chinese public security officers detained 13 North Korean refugees in Dandong in early "
        "March 2015 and sent them back to Sinuiju, a relief worker told RFA.",
    ),
]
LOOK_ALIKE = (
    "NK News",
    "2015-05-20",
    "Chinese police arrested three North Korean women in Dandong on May 14, 2015, and "
    "returned them to the North a week later, a source said.",
)


def write_reports(folder: Path, reports: list[tuple[str, str, str]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "reports.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for n, (publisher, published, text) in enumerate(reports):
            line = {
                "id": f"case-{n}",
                "publisher": publisher,
                "published": published,
                "language": "en",
                "title": None,
                "url": None,
                "text": text,
            }
            handle.write(json.dumps(line) + "\n")
    return path


@pytest.fixture
def linked(run: Run, tmp_path: Path) -> Run:
    path = write_reports(tmp_path / "in", [*SAME_CASE, LOOK_ALIKE])
    assert run("ingest", str(path)).exit_code == 0
    result = run("extract")
    assert result.exit_code == 0, result.output
    return run


def incidents(run: Run, *args: str) -> list[dict]:
    result = run("incidents", "--json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def the_case(run: Run) -> dict:
    (case,) = [i for i in incidents(run) if len(i["report_ids"]) > 1]
    return case


def test_three_outlets_make_one_corroborated_incident(linked: Run) -> None:
    records = incidents(linked)
    assert len(records) == 2  # the case, and the look-alike two months later
    case = the_case(linked)
    assert len(case["mention_ids"]) == 3
    shown = linked("show", str(case["id"]))
    assert "3 reports from 3 publishers, 3 independent sources" in shown.output
    assert "conflict in victims" in shown.output  # 12, 12 and 13
    assert "12 — " in shown.output and "13 — Radio Free Asia" in shown.output


def test_review_queue_puts_the_most_corroborated_first(linked: Run) -> None:
    result = linked("review")
    assert result.exit_code == 0, result.output
    case = the_case(linked)
    rows = [line for line in result.output.splitlines() if line.startswith("│ ")]
    assert rows[0].split("│")[1].strip() == str(case["id"])


def test_analyst_values_survive_reextraction(linked: Run) -> None:
    case = the_case(linked)
    assert linked("incident", "set", str(case["id"]), "victims", "14", "--by", "ana").exit_code == 0
    assert linked("incident", "verify", str(case["id"]), "--by", "ana").exit_code == 0
    assert linked("extract", "case-0", "case-1", "case-2").exit_code == 0
    after = the_case(linked)
    assert after["id"] == case["id"]
    assert after["status"] == "verified"
    assert (after["victims_min"], after["victims_max"]) == (14, 14)  # as the analyst set
    assert len(after["mention_ids"]) == 3
    history = linked("incident", "history", str(case["id"]))
    assert "ana" in history.output and "verified" in history.output and "set" in history.output


def test_split_and_merge_move_mentions(linked: Run) -> None:
    case = the_case(linked)
    moved = str(case["mention_ids"][-1])
    result = linked("incident", "split", str(case["id"]), moved, "--by", "ana")
    assert result.exit_code == 0, result.output
    assert len(incidents(linked)) == 3
    new = next(i for i in incidents(linked) if int(moved) in i["mention_ids"])
    assert linked("incident", "merge", str(case["id"]), str(new["id"])).exit_code == 0
    assert len(the_case(linked)["mention_ids"]) == 3
    assert [i["id"] for i in incidents(linked, "--status", "merged")] == [new["id"]]


def test_bad_review_input_is_a_clear_error(linked: Run) -> None:
    case = str(the_case(linked)["id"])
    for args, expected in [
        (("incident", "set", case, "victims", "a dozen"), "not a count"),
        (("incident", "set", case, "colour", "red"), "not an incident field"),
        (("incident", "verify", "9999"), "no incident 9999"),
        (("incident", "split", case, "9999"), "do not back incident"),
    ]:
        result = linked(*args)
        assert result.exit_code == 1, args
        assert expected in result.output and "Traceback" not in result.output


def test_audit_log_detects_tampering(linked: Run, db_path: Path) -> None:
    case = str(the_case(linked)["id"])
    linked("incident", "verify", case, "--by", "ana")
    assert "intact" in linked("audit", "verify").output
    with sqlite3.connect(db_path) as conn:
        conn.execute("update audit_log set actor = 'mallory' where actor = 'ana'")
    result = linked("audit", "verify")
    assert result.exit_code == 1 and "broken" in result.output
