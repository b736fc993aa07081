from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

Run = Callable[..., Result]

ENGLISH = "Chinese police arrested two defectors in Dandong on March 3, 2019."
KOREAN = "중국 공안이 단둥에서 탈북자 두 명을 체포해 북송했다."


def stored(db_path: Path) -> int:
    with sqlite3.connect(db_path) as conn:
        return int(conn.execute("select count(*) from reports").fetchone()[0])


def test_ingest_stores_each_format_and_encoding(run: Run, tmp_path: Path, db_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "nested").mkdir(parents=True)
    (folder / "a.txt").write_bytes(ENGLISH.encode("utf-8-sig"))
    (folder / "b.md").write_text("# Returned at Hyesan\n\nThree women were sent back.\n")
    (folder / "nested" / "c.txt").write_bytes(KOREAN.encode("cp949"))
    (folder / "nested" / "d.txt").write_bytes("Two laborers were repatriated.".encode("utf-16"))
    (folder / "e.html").write_text(
        "<html lang='en'><head><title>Arrest in Tumen</title></head><body><article>"
        "<p>Border guards caught a family of four near Tumen on the night of May 2, 2015, "
        "and held them at a detention centre before sending them back across the river.</p>"
        "<p>A source in North Hamgyong Province said they were questioned for days.</p>"
        "</article></body></html>"
    )
    (folder / "f.jsonl").write_text(
        '{"id": "x-1", "title": "One", "text": "A defector was caught in Yanji."}\n'
        '{"id": "x-2", "title": "Two", "text": "Five people were returned via Namyang."}\n'
    )
    result = run("ingest", str(folder))
    assert result.exit_code == 0, result.output
    assert "7 new, 0 duplicate, 0 failed" in result.output
    assert stored(db_path) == 7
    with sqlite3.connect(db_path) as conn:
        texts = {row[0] for row in conn.execute("select text from reports")}
    assert KOREAN in texts


def test_ingest_twice_counts_duplicates(run: Run, tmp_path: Path, db_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ENGLISH)
    assert run("ingest", str(path)).exit_code == 0
    copy = tmp_path / "copy.txt"
    copy.write_text("  " + ENGLISH.replace(" ", "\n", 3) + "\n")  # same text, other whitespace
    result = run("ingest", str(path), str(copy))
    assert result.exit_code == 0
    assert "0 new, 2 duplicate, 0 failed" in result.output
    assert stored(db_path) == 1


def test_ingest_from_standard_input_with_metadata(run: Run, db_path: Path) -> None:
    result = run(
        "ingest",
        "-",
        "--publisher",
        "Daily NK",
        "--published",
        "2019-11-21",
        "--title",
        "Two returned",
        input=ENGLISH.encode(),
    )
    assert result.exit_code == 0, result.output
    with sqlite3.connect(db_path) as conn:
        row = conn.execute("select publisher, published, title from reports").fetchone()
    assert row == ("Daily NK", "2019-11-21", "Two returned")


BAD_INPUTS = [
    pytest.param("binary.txt", b"%PDF-1.4\x00\x01\x02binary", "binary", id="binary"),
    pytest.param("empty.txt", b"", "empty", id="empty"),
    pytest.param("blank.txt", b"  \n\t \n", "empty", id="whitespace-only"),
    pytest.param("latin.txt", bytes(range(0x80, 0xFF)) * 3, "not valid", id="undecodable"),
    pytest.param(
        "bad.jsonl",
        b'{"id": "ok", "text": "A defector was caught."}\n{broken\n',
        "bad.jsonl:2",
        id="malformed-jsonl-line",
    ),
    pytest.param(
        "nothing.html",
        b"<html><body><script>x()</script></body></html>",
        "text",
        id="html-without-text",
    ),
]


@pytest.mark.parametrize(("name", "content", "reason"), BAD_INPUTS)
def test_bad_input_is_named_and_the_batch_goes_on(
    run: Run, tmp_path: Path, db_path: Path, name: str, content: bytes, reason: str
) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ENGLISH)
    bad = tmp_path / name
    bad.write_bytes(content)
    result = run("ingest", str(bad), str(good))
    assert result.exit_code == 1
    error_lines = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(error_lines) == 1, result.output
    assert name in error_lines[0] and reason in error_lines[0].lower()
    assert "Traceback" not in result.output
    assert stored(db_path) >= 1
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("select count(*) from reports where text = ?", (ENGLISH,)).fetchone()[0]


def test_oversized_file_is_refused(run: Run, tmp_path: Path, db_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Defectors were arrested. " * 2000)
    result = run("ingest", str(big), "--max-size", "0.01")
    assert result.exit_code == 1
    assert "big.txt" in result.output and "limit" in result.output
    assert stored(db_path) == 0


def test_missing_path_is_named(run: Run, tmp_path: Path) -> None:
    result = run("ingest", str(tmp_path / "nowhere.txt"))
    assert result.exit_code == 1
    assert "nowhere.txt" in result.output
    assert "Traceback" not in result.output


def test_bad_published_date_is_a_clear_error(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ENGLISH)
    result = run("ingest", str(path), "--published", "21/11/2019")
    assert result.exit_code == 1
    assert "--published" in result.output and "YYYY-MM-DD" in result.output


def test_killed_ingest_leaves_a_consistent_database_and_a_rerun_completes(
    tmp_path: Path, db_path: Path
) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    total = 3000
    for n in range(total):
        (folder / f"r{n:05}.txt").write_text(f"Report {n}: {ENGLISH} Case number {n}.")
    command = [sys.executable, "-m", "repwatch", "ingest", str(folder), "--db", str(db_path)]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if db_path.exists():
            try:
                if stored(db_path) >= 50:
                    break
            except sqlite3.OperationalError:
                pass  # the schema is still being created
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL, "the batch ended before it could be killed"

    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        partial = conn.execute("select count(*) from reports").fetchone()[0]
        indexed = conn.execute("select count(*) from report_fts").fetchone()[0]
        assert 0 < partial < total
        assert indexed == partial

    rerun = subprocess.run(command, capture_output=True, text=True, check=False)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{total - partial} new, {partial} duplicate, 0 failed" in rerun.stdout
    assert stored(db_path) == total
