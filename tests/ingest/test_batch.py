"""A batch: good files stored even when others fail; the same text twice stored once."""

from __future__ import annotations

import io
import json
import unicodedata
from pathlib import Path

import pytest

from repwatch.errors import InputError, StoreError
from repwatch.ingest import Metadata, Source, collect, ingest
from repwatch.model import Report

from .conftest import DictStore

STORY = "Chinese police arrested five North Koreans in Dandong.\n\nThey were sent back."


def _batch(tmp_path: Path) -> Path:
    """A folder with good files of every format and a bad file of every kind."""
    folder = tmp_path / "reports"
    (folder / "ko").mkdir(parents=True)
    (folder / "a.txt").write_text(STORY, encoding="utf-8")
    (folder / "b.md").write_text("# Two caught\n\nTwo were caught in Hunchun.\n")
    (folder / "c.html").write_text("<html><body><p>Three held in Tumen.</p></body></html>")
    (folder / "d.jsonl").write_text(
        json.dumps({"id": "x1", "text": "Four returned via Sinuiju."}) + "\n{oops\n"
    )
    (folder / "ko" / "e.txt").write_bytes("탈북민 여섯 명이 연길에서 체포됐다.".encode("cp949"))
    (folder / "ko" / "f.txt").write_bytes("탈북민 일곱 명이 북송됐다.".encode("utf-16"))
    (folder / "bad-binary.txt").write_bytes(b"%PDF-1.4\n")
    (folder / "bad-empty.txt").write_bytes(b"  \n")
    (folder / "bad-big.txt").write_bytes(b"x" * 5000)
    (folder / "bad-encoding.txt").write_bytes("caf\u00e9 cr\u00e8me".encode("latin-1"))
    (folder / "bad-nothing.html").write_text("<html><body><script>x()</script></body></html>")
    return folder


def test_ingest_stores_good_files_and_names_each_bad_one(tmp_path: Path, store: DictStore) -> None:
    folder = _batch(tmp_path)
    sources, errors = collect([str(folder), str(tmp_path / "missing.txt")])
    heard: list[InputError] = []
    done: list[Source] = []
    summary = ingest(sources, store, max_bytes=4096, on_error=heard.append, on_progress=done.append)

    assert summary.new == 6
    assert summary.duplicate == 0
    assert not summary.ok
    assert done == sources
    assert heard == summary.failed
    assert sorted(str(e).replace(str(folder) + "/", "") for e in summary.failed) == [
        "bad-big.txt: file is 4.9 KB, over the 4 KB limit (--max-size)",
        "bad-binary.txt: binary file (looks like PDF)",
        "bad-empty.txt: empty file",
        "bad-encoding.txt: not valid UTF-8, UTF-16 or EUC-KR/CP949 text",
        "bad-nothing.html: HTML has no extractable text",
        "d.jsonl:2: malformed JSON (Expecting property name enclosed in double quotes at column 2)",
    ]
    assert [str(e) for e in errors] == [f"{tmp_path / 'missing.txt'}: no such file or folder"]
    stored = {Path(origin).name for origin in store.by_origin()}
    assert stored == {"a.txt", "b.md", "c.html", "d.jsonl:1", "e.txt", "f.txt"}


def test_ingest_of_a_clean_batch_is_ok(tmp_path: Path, store: DictStore) -> None:
    (tmp_path / "a.txt").write_text(STORY)
    summary = ingest(collect([str(tmp_path)])[0], store)
    assert (summary.new, summary.duplicate, summary.failed, summary.ok) == (1, 0, [], True)


def test_ingest_twice_counts_everything_as_duplicate(tmp_path: Path, store: DictStore) -> None:
    sources, _ = collect([str(_batch(tmp_path))])
    first = ingest(sources, store, max_bytes=4096)
    second = ingest(sources, store, max_bytes=4096)
    assert (second.new, second.duplicate) == (0, first.new)
    assert len(store.reports) == first.new


@pytest.mark.parametrize(
    ("name", "data"),
    [
        pytest.param("copy.txt", STORY.encode("utf-8"), id="same-text-other-file"),
        pytest.param("bom.txt", STORY.encode("utf-8-sig"), id="utf-8-bom"),
        pytest.param("u16.txt", STORY.encode("utf-16"), id="utf-16"),
        pytest.param("crlf.txt", STORY.replace("\n", "\r\n").encode(), id="crlf"),
        pytest.param("spaces.txt", f"  {STORY.replace(' ', '   ')}\n\n\n".encode(), id="spaces"),
        pytest.param("story.md", STORY.encode("utf-8"), id="markdown"),
        pytest.param(
            "story.jsonl", (json.dumps({"id": "s", "text": STORY}) + "\n").encode(), id="jsonl"
        ),
    ],
)
def test_ingest_counts_the_same_text_as_a_duplicate(
    tmp_path: Path, store: DictStore, name: str, data: bytes
) -> None:
    (tmp_path / "original.txt").write_text(STORY)
    (tmp_path / name).write_bytes(data)
    summary = ingest([Source(tmp_path / "original.txt", "o"), Source(tmp_path / name, "n")], store)
    assert (summary.new, summary.duplicate) == (1, 1)


def test_ingest_counts_the_same_text_in_another_unicode_form_as_a_duplicate(
    store: DictStore,
) -> None:
    text = "탈북민 다섯 명이 단둥에서 체포됐다. Café owner held."
    nfd = unicodedata.normalize("NFD", text)
    assert nfd != text
    first = ingest([Source(None, "-")], store, stdin=io.BytesIO(nfd.encode("utf-8")))
    assert first.new == 1
    summary = ingest([Source(None, "-")], store, stdin=io.BytesIO(text.encode("utf-16")))
    assert (summary.new, summary.duplicate) == (0, 1)


def test_ingest_applies_given_metadata(tmp_path: Path, store: DictStore) -> None:
    (tmp_path / "a.txt").write_text(STORY)
    ingest([Source(tmp_path / "a.txt", "a.txt")], store, metadata=Metadata(publisher="NKRPN"))
    (report,) = store.reports.values()
    assert report.publisher == "NKRPN"


def test_ingest_records_an_input_error_raised_by_the_store(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.txt").write_text("Another story.")

    def refuse_first(report: Report) -> bool:
        if report.origin == "a.txt":
            raise InputError("a.txt", "refused by the store")
        return True

    sources = [Source(tmp_path / "a.txt", "a.txt"), Source(tmp_path / "b.txt", "b.txt")]
    summary = ingest(sources, refuse_first)
    assert summary.new == 1
    assert [str(e) for e in summary.failed] == ["a.txt: refused by the store"]


def test_ingest_lets_other_store_errors_end_the_batch(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY)

    def broken(report: Report) -> bool:
        raise StoreError("database is locked")

    with pytest.raises(StoreError):
        ingest([Source(tmp_path / "a.txt", "a.txt")], broken)


def test_ingest_refuses_a_size_limit_of_nothing(store: DictStore) -> None:
    with pytest.raises(InputError, match="--max-size"):
        ingest([], store, max_bytes=0)
