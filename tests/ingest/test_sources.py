"""Which sources a batch reads: paths, folders walked, standard input; formats recognised."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from repwatch.ingest import Source, collect
from repwatch.ingest.sources import sniff_format


def _touch(path: Path, text: str = "text") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_collect_walks_folders_recursively_in_sorted_order(tmp_path: Path) -> None:
    for name in ["b.txt", "a.md", "sub/c.html", "sub/deeper/d.jsonl", "sub/e.HTM"]:
        _touch(tmp_path / name)
    sources, errors = collect([str(tmp_path)])
    assert errors == []
    assert [s.label for s in sources] == [
        str(tmp_path / name)
        for name in ["a.md", "b.txt", "sub/c.html", "sub/e.HTM", "sub/deeper/d.jsonl"]
    ]


def test_collect_skips_hidden_and_unknown_files_in_folders(tmp_path: Path) -> None:
    for name in [".hidden.txt", ".git/x.txt", "photo.jpg", "scan.pdf", "notes.json", "ok.txt"]:
        _touch(tmp_path / name)
    sources, errors = collect([str(tmp_path)])
    assert errors == []
    assert [s.path for s in sources] == [tmp_path / "ok.txt"]


def test_collect_reads_a_named_file_whatever_its_extension(tmp_path: Path) -> None:
    named = _touch(tmp_path / "report.data")
    sources, errors = collect([str(named)])
    assert sources == [Source(named, str(named))]
    assert errors == []


def test_collect_reports_a_missing_path_and_keeps_the_others(tmp_path: Path) -> None:
    good = _touch(tmp_path / "good.txt")
    sources, errors = collect([str(tmp_path / "missing.txt"), str(good)])
    assert [s.path for s in sources] == [good]
    assert [str(e) for e in errors] == [f"{tmp_path / 'missing.txt'}: no such file or folder"]


def test_collect_reports_a_folder_without_reports(tmp_path: Path) -> None:
    _touch(tmp_path / "photo.jpg")
    sources, errors = collect([str(tmp_path)])
    assert sources == []
    assert len(errors) == 1
    assert errors[0].source == str(tmp_path)
    assert errors[0].reason.startswith("no .txt")


def test_collect_reports_an_unreadable_subfolder_and_keeps_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = _touch(tmp_path / "a.txt")
    _touch(tmp_path / "locked" / "b.txt")
    scandir = os.scandir

    def refuse_locked(path: str | Path) -> object:
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse_locked)
    sources, errors = collect([str(tmp_path)])
    assert [s.path for s in sources] == [good]
    assert [str(e) for e in errors] == [
        f"{tmp_path / 'locked'}: cannot read folder: permission denied"
    ]


def test_collect_takes_a_dash_as_standard_input_once() -> None:
    sources, errors = collect(["-", "-"])
    assert sources == [Source(None, "-")]
    assert sources[0].is_stdin
    assert [e.reason for e in errors] == ["standard input can be read only once"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.txt", "text"),
        ("a.TEXT", "text"),
        ("a.md", "markdown"),
        ("a.markdown", "markdown"),
        ("a.html", "html"),
        ("a.htm", "html"),
        ("a.xhtml", "html"),
        ("a.jsonl", "jsonl"),
        ("a.ndjson", "jsonl"),
        ("a.json", "jsonl"),
        ("a.data", None),
    ],
)
def test_source_format_follows_the_extension(name: str, expected: str | None) -> None:
    assert Source(Path(name), name).format == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("<!DOCTYPE html><html><body>x</body></html>", "html", id="doctype"),
        pytest.param("  \n<html lang='ko'>", "html", id="html-tag"),
        pytest.param("<p>A fragment</p>", "html", id="fragment"),
        pytest.param('{"id": "a", "text": "Police arrested two."}\n', "jsonl", id="jsonl"),
        pytest.param('{"not": "a report"}', "text", id="json-without-text"),
        pytest.param("---\ntitle: T\n---\nBody", "markdown", id="front-matter"),
        pytest.param("# Headline\n\nBody", "markdown", id="heading"),
        pytest.param("Police arrested two.", "text", id="plain"),
        pytest.param("<3 and >2 are not tags", "text", id="angle-bracket-text"),
        pytest.param("#hashtag first", "text", id="hashtag"),
    ],
)
def test_sniff_format_recognises_content(text: str, expected: str) -> None:
    assert sniff_format(text) == expected
