"""`repwatch extract` and `repwatch extract-file`."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from repwatch import extract as extracting
from repwatch.cli.common import DbOption, err, open_store, out, plural, report_error
from repwatch.evaluate import load_reports_jsonl
from repwatch.jobs import extract_into


def extract_command(
    report_ids: Annotated[
        list[str] | None,
        typer.Argument(help="Reports to (re-)extract; by default all not yet extracted."),
    ] = None,
    db: DbOption = None,
) -> None:
    """Extract incidents from stored reports and store them for review."""
    with (
        open_store(db) as store,
        Progress(
            TextColumn("Extracting"), BarColumn(), MofNCompleteColumn(), console=err, transient=True
        ) as progress,
    ):
        task = progress.add_task("extract", total=None)
        summary = extract_into(
            store,
            report_ids,
            on_start=lambda total: progress.update(task, total=total),
            on_progress=lambda _report: progress.update(task, advance=1),
        )
    for _, error in summary.failed:
        report_error(error)
    out.print(
        f"{plural(summary.reports, 'report')} extracted: {plural(summary.mentions, 'mention')}, "
        f"{plural(summary.incidents, 'incident')}"
        + (f", {len(summary.failed)} failed" if summary.failed else "")
    )
    if summary.failed:
        raise typer.Exit(1)


class FileFormat(StrEnum):
    EVAL = "eval"
    MENTIONS = "mentions"


def extract_file_command(
    reports: Annotated[Path, typer.Argument(help="A reports.jsonl file (FORMAT.md's shape).")],
    format: Annotated[
        FileFormat,
        typer.Option(
            "--format",
            help="eval: one line per report with incidents in FORMAT.md's shape; "
            "mentions: the full mentions with evidence spans.",
        ),
    ] = FileFormat.EVAL,
) -> None:
    """Print what the extractor finds in a JSONL file of reports, without any database."""
    loaded = load_reports_jsonl(reports)
    for report, found in extracting.extract_many(loaded):
        report_id = report.external_id or report.id
        if format is FileFormat.EVAL:
            line = {"id": report_id, "incidents": [m.to_eval() for m in found]}
        else:
            line = {"id": report_id, "mentions": [m.model_dump(mode="json") for m in found]}
        typer.echo(json.dumps(line, ensure_ascii=False))
