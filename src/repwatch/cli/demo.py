"""`repwatch demo`: the whole flow on the bundled sample corpus."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from repwatch.cli.common import out, report_error
from repwatch.cli.incidents import incidents_table
from repwatch.jobs import run_demo
from repwatch.sample import sample_reports_path
from repwatch.store import Store


def demo_command(
    folder: Annotated[
        Path, typer.Argument(help="Folder for the demo database and exports.")
    ] = Path("demo"),
) -> None:
    """Ingest the bundled sample corpus into a fresh database, extract, list and export."""
    result = run_demo(folder, sample_reports_path())
    for error in result.ingest.failed:
        report_error(error)
    out.print(
        f"Ingested {result.ingest.new} reports; extracted {result.extraction.incidents} incidents "
        f"from {result.extraction.reports} reports."
    )
    with Store.open(f"sqlite:///{result.database.resolve()}") as store:
        out.print(incidents_table(store.list_incidents()))
    for format, path in result.exports.items():
        out.print(f"{format:>8}: {escape(str(path))}")
    db = escape(str(result.database))
    out.print(
        f"\nExplore it (after [bold]source .venv/bin/activate[/bold]): "
        f"[bold]repwatch incidents --db {db}[/bold], [bold]repwatch show 1 --db {db}[/bold], "
        f"[bold]repwatch review --db {db}[/bold]"
    )
    out.print(
        f"Serve it in the browser: [bold]repwatch user add YOUR_NAME --role admin --db {db}[/bold] "
        f"(once), then [bold]repwatch serve --db {db}[/bold] and open http://127.0.0.1:8000/"
    )
