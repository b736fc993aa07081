"""`repwatch places`: the lookup and list commands of the gazetteer sub-app."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from repwatch.cli.places import app

runner = CliRunner()


def test_places_lookup_prints_a_table_of_candidates() -> None:
    result = runner.invoke(app, ["lookup", "Sinŭiju"])
    assert result.exit_code == 0, result.output
    assert "Sinuiju" in result.output
    assert "40.1006" in result.output


def test_places_lookup_json_lists_candidates_best_first() -> None:
    result = runner.invoke(app, ["lookup", "Tumen", "--json"])
    assert result.exit_code == 0, result.output
    candidates = json.loads(result.output)
    assert [c["id"] for c in candidates[:2]] == ["cn-tumen", "river-tumen"]
    first = candidates[0]
    assert {"name", "kind", "country", "lat", "lon", "radius_km", "why", "score"} <= set(first)
    assert first["score"] >= candidates[1]["score"]


def test_places_lookup_respects_the_limit() -> None:
    result = runner.invoke(app, ["lookup", "Tumen", "--json", "--limit", "1"])
    assert len(json.loads(result.output)) == 1


def test_places_lookup_of_an_unknown_name_exits_1() -> None:
    result = runner.invoke(app, ["lookup", "Atlantis"])
    assert result.exit_code == 1
    assert "No place" in result.output
    as_json = runner.invoke(app, ["lookup", "Atlantis", "--json"])
    assert as_json.exit_code == 1
    assert json.loads(as_json.output) == []


def test_places_list_filters_by_kind_and_country() -> None:
    result = runner.invoke(app, ["list", "--kind", "province", "--country", "KP", "--json"])
    assert result.exit_code == 0, result.output
    places = json.loads(result.output)
    assert places and {p["kind"] for p in places} == {"province"}
    assert {p["country"] for p in places} == {"KP"}


def test_places_list_prints_a_table() -> None:
    result = runner.invoke(app, ["list", "--kind", "crossing"])
    assert result.exit_code == 0, result.output
    assert "crossing-tumen-namyang" in result.output


def test_places_list_rejects_an_unknown_kind_naming_the_choices() -> None:
    result = runner.invoke(app, ["list", "--kind", "planet"])
    assert result.exit_code == 1
    assert "'planet' is not a kind" in result.output
    assert "province" in result.output


def doc_commands() -> list[list[str]]:
    doc = Path(__file__).resolve().parents[2] / "docs" / "gazetteer.md"
    lines = [
        line
        for block in re.findall(r"```console\n(.*?)```", doc.read_text(), flags=re.S)
        for line in block.splitlines()
    ]
    return [
        shlex.split(line[2:], comments=True)[2:]
        for line in lines
        if line.startswith("$ repwatch places ")
    ]


@pytest.mark.parametrize("args", doc_commands(), ids=" ".join)
def test_every_command_in_the_data_note_runs(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
