"""`repwatch reports`: the stored reports, or those matching a full-text search."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from repwatch.cli.common import DbOption, open_store, out


def reports_command(
    search: Annotated[
        str | None, typer.Option("--search", "-s", help="Words to find in titles and texts.")
    ] = None,
    limit: Annotated[int, typer.Option(help="Show at most this many.", min=1)] = 50,
    db: DbOption = None,
) -> None:
    """List stored reports, newest first, or search their text."""
    table = Table()
    for column in ("id", "corpus id", "published", "publisher", "title" if not search else "match"):
        table.add_column(column, overflow="fold", no_wrap=column == "id")
    with open_store(db) as store:
        if search:
            hits = store.search_reports(search, limit=limit)
            rows = [(store.get_report(report_id), snippet) for report_id, snippet in hits]
        else:
            rows = [(report, report.title or "") for report in store.list_reports(limit=limit)]
    for report, shown in rows:
        table.add_row(
            report.id[:12],
            escape(report.external_id or ""),
            str(report.published or ""),
            escape(report.publisher or ""),
            escape(shown),
        )
    out.print(table)
    out.print(f"{len(rows)} reports" + (f" matching {escape(search)!r}" if search else ""))
