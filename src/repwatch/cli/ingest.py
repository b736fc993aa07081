"""`repwatch ingest`: read files, folders, JSONL and standard input into the store."""

from __future__ import annotations

import datetime as dt
import sys
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from repwatch import ingest as ingesting
from repwatch.cli.common import DbOption, err, open_store, out
from repwatch.errors import InputError
from repwatch.jobs import ingest_into

MEGABYTE = 1024 * 1024  # as the size messages count it


def parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError("--published", f"{value!r} is not a date (use YYYY-MM-DD)") from None


def ingest_command(
    paths: Annotated[
        list[str],
        typer.Argument(help="Files, folders (read recursively), JSONL files, or - for stdin."),
    ],
    publisher: Annotated[str | None, typer.Option(help="Publisher of these reports.")] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date, YYYY-MM-DD.", metavar="DATE")
    ] = None,
    url: Annotated[str | None, typer.Option(help="Address the report came from.")] = None,
    language: Annotated[str | None, typer.Option(help="Language code, e.g. en or ko.")] = None,
    title: Annotated[str | None, typer.Option(help="Title of the report.")] = None,
    max_size: Annotated[
        float, typer.Option("--max-size", help="Largest file accepted, in MB.", min=0.001)
    ] = ingesting.DEFAULT_MAX_BYTES / MEGABYTE,
    db: DbOption = None,
) -> None:
    """Store reports. The same text twice is stored once; exit code 1 if anything failed."""
    metadata = ingesting.Metadata(
        publisher=publisher,
        published=parse_date(published),
        url=url,
        language=language,
        title=title,
    )
    with (
        open_store(db) as store,
        Progress(
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            transient=True,
        ) as progress,
    ):
        task = progress.add_task("Ingesting", total=None)

        def started(total: int) -> None:
            progress.update(task, total=total)

        def advanced(source: ingesting.Source) -> None:
            progress.update(task, advance=1, description=f"Ingesting {escape(source.label)}")

        summary = ingest_into(
            store,
            paths,
            metadata=metadata,
            max_bytes=int(max_size * MEGABYTE),
            stdin=sys.stdin.buffer,
            on_start=started,
            on_progress=advanced,
            on_error=lambda error: progress.console.print(
                f"[red]Error:[/red] {escape(str(error))}"
            ),
        )
    out.print(f"{summary.new} new, {summary.duplicate} duplicate, {len(summary.failed)} failed")
    if summary.failed:
        raise typer.Exit(1)
