"""Reading one source: files and standard input, metadata, and every way a file can be bad."""

from __future__ import annotations

import datetime as dt
import io
import os
from pathlib import Path

import pytest

from repwatch.errors import InputError
from repwatch.ingest import Metadata, Source, read_source
from repwatch.model import Report, content_hash

from .conftest import only_error, only_report

MB = 1024 * 1024
LIMIT = 5 * MB
KOREAN = "중국 공안이 단둥에서 탈북민 다섯 명을 체포했다.\n\n이들은 곧 북송될 예정이다.\n"
ENGLISH = "Chinese police arrested five North Koreans in Dandong.\n\nThey face repatriation.\n"


def _read(
    path: Path, *, metadata: Metadata | None = None, max_bytes: int = LIMIT
) -> list[Report | InputError]:
    source = Source(path, path.name)
    return list(read_source(source, metadata=metadata or Metadata(), max_bytes=max_bytes))


def _read_stdin(data: bytes, *, max_bytes: int = LIMIT) -> list[Report | InputError]:
    source = Source(None, "-")
    stdin = io.BytesIO(data)
    return list(read_source(source, metadata=Metadata(), max_bytes=max_bytes, stdin=stdin))


def test_read_source_reads_a_text_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(ENGLISH.encode("utf-8"))
    report = only_report(_read(path))
    assert report.text == ENGLISH.strip()
    assert report.id == content_hash(ENGLISH)
    assert (report.origin, report.source_format, report.language) == ("a.txt", "text", "en")
    assert report.title is None


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "euc-kr", "cp949"]
)
def test_read_source_reads_korean_in_each_encoding(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "ko.txt"
    path.write_bytes(KOREAN.encode(encoding))
    report = only_report(_read(path))
    assert report.text == KOREAN.strip()
    assert report.language == "ko"


def test_read_source_normalises_line_ends_and_unicode(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    decomposed = "Cafe\u0301 owner arrested.\r\nSecond line.\r\n"
    path.write_bytes(decomposed.encode("utf-8"))
    report = only_report(_read(path))
    assert report.text == "Café owner arrested.\nSecond line."


def test_read_source_lets_given_metadata_override_the_file_only_where_given(
    tmp_path: Path,
) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: From file\npublisher: File Daily\n---\nBody text.\n")
    given = Metadata(title="From user", published=dt.date(2020, 5, 1), language="en")
    report = only_report(_read(path, metadata=given))
    assert report.title == "From user"
    assert report.publisher == "File Daily"
    assert report.published == dt.date(2020, 5, 1)
    assert report.language == "en"


def test_read_source_guesses_no_language_for_other_scripts(tmp_path: Path) -> None:
    path = tmp_path / "zh.txt"
    path.write_text("中国警方在丹东逮捕了五名朝鲜人。", encoding="utf-8")
    assert only_report(_read(path)).language is None


def test_read_source_sniffs_html_in_a_file_without_a_known_extension(tmp_path: Path) -> None:
    path = tmp_path / "saved"
    path.write_text("<html><body><p>Police in Yanji arrested five.</p></body></html>")
    report = only_report(_read(path))
    assert report.source_format == "html"
    assert report.text == "Police in Yanji arrested five."


@pytest.mark.parametrize(
    ("data", "source_format"),
    [
        pytest.param(ENGLISH.encode("utf-8"), "text", id="text"),
        pytest.param(KOREAN.encode("cp949"), "text", id="cp949-text"),
        pytest.param(b"<p>Police arrested two in Hunchun.</p>", "html", id="html"),
        pytest.param(b"# Two caught\n\nPolice arrested two.", "markdown", id="markdown"),
    ],
)
def test_read_source_reads_standard_input(data: bytes, source_format: str) -> None:
    report = only_report(_read_stdin(data))
    assert report.origin == "-"
    assert report.source_format == source_format


def test_read_source_reads_json_lines_from_standard_input() -> None:
    data = b'{"id": "a", "text": "One."}\n{"id": "b", "text": "Two."}\n'
    reports = [r for r in _read_stdin(data) if isinstance(r, Report)]
    assert [(r.external_id, r.origin) for r in reports] == [("a", "-:1"), ("b", "-:2")]


# --- bad input -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        pytest.param(b"", "empty file", id="empty"),
        pytest.param(b" \n\t\r\n  ", "empty file", id="whitespace"),
        pytest.param("\ufeff \u200b\n".encode(), "empty file", id="bom-and-zero-width"),
        pytest.param(" \n ".encode("utf-16"), "empty file", id="utf-16-whitespace"),
        pytest.param(b"%PDF-1.4\n", "binary file (looks like PDF)", id="pdf"),
        pytest.param(b"abc\x00\x01\x02\xff", "binary file (contains NUL bytes)", id="nul"),
        pytest.param(
            "r\u00e9sum\u00e9 \u00e0 la".encode("latin-1"),
            "not valid UTF-8, UTF-16 or EUC-KR/CP949 text",
            id="latin-1",
        ),
        pytest.param(b"<html><body></body></html>", "HTML has no extractable text", id="no-html"),
        pytest.param(b"---\ntitle: Only\n---\n", "empty file (front matter only)", id="front"),
    ],
)
def test_read_source_rejects_bad_file_with_its_reason(
    tmp_path: Path, data: bytes, reason: str
) -> None:
    path = tmp_path / ("bad.html" if data.startswith(b"<") else "bad.md")
    path.write_bytes(data)
    error = only_error(_read(path))
    assert str(error) == f"{path.name}: {reason}"


def test_read_source_rejects_a_file_over_the_size_limit_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:
        stream.truncate(int(6.2 * MB))  # sparse: the size is checked with stat, not by reading
    error = only_error(_read(path))
    assert str(error) == "huge.txt: file is 6.2 MB, over the 5 MB limit (--max-size)"


def test_read_source_uses_the_configured_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 1500)
    assert only_error(_read(path, max_bytes=1024)).reason == (
        "file is 1.5 KB, over the 1 KB limit (--max-size)"
    )
    assert only_report(_read(path, max_bytes=1500)).text == "x" * 1500


def test_read_source_shows_a_size_just_over_the_limit_as_over_it(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * (LIMIT + 10_000))
    assert only_error(_read(path)).reason == "file is 5.01 MB, over the 5 MB limit (--max-size)"


def test_read_source_rejects_standard_input_over_the_size_limit() -> None:
    error = only_error(_read_stdin(b"x" * 2049, max_bytes=2048))
    assert str(error) == "-: input is over the 2 KB limit (--max-size)"


def test_read_source_rejects_empty_standard_input() -> None:
    assert str(only_error(_read_stdin(b"\n"))) == "-: empty input"


def test_read_source_rejects_a_folder_given_as_a_file(tmp_path: Path) -> None:
    error = only_error(_read(tmp_path))
    assert error.reason == "is a folder, not a file"


def test_read_source_rejects_a_file_that_has_gone(tmp_path: Path) -> None:
    error = only_error(_read(tmp_path / "gone.txt"))
    assert str(error) == "gone.txt: no such file or folder"


def test_read_source_reports_an_unreadable_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(ENGLISH)

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    assert str(only_error(_read(path))) == "locked.txt: cannot read: permission denied"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_read_source_reports_a_file_without_read_permission(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(ENGLISH)
    path.chmod(0)
    try:
        assert only_error(_read(path)).reason == "cannot read: permission denied"
    finally:
        path.chmod(0o600)


def test_read_source_errors_never_quote_the_content(tmp_path: Path) -> None:
    path = tmp_path / "notes.jsonl"
    path.write_text('{"text": "Kim Chol-su hides in Yanji", "published": "last week"}\n')
    error = only_error(_read(path))
    assert "Kim" not in str(error)
    assert "last week" not in str(error)
    assert error.source == "notes.jsonl:1"


def test_read_source_reads_the_seed_report_from_shared() -> None:
    seeds = Path(__file__).parents[3] / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds is not here")
    for path in sorted(seeds.glob("*.txt")):
        report = only_report(_read(path))
        assert report.language == "en"
        assert report.id == content_hash(path.read_text(encoding="utf-8"))
