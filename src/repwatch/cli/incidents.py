"""`repwatch incidents`, `repwatch show` and `repwatch export`."""

from __future__ import annotations

import datetime as dt
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from repwatch.cli.common import DbOption, open_store, out, plural
from repwatch.errors import InputError
from repwatch.evidence import in_context, mention_values, value_text
from repwatch.export import export_file, incident_record, write_incidents
from repwatch.model import (
    Act,
    EvidenceSpan,
    Incident,
    IncidentStatus,
    Modality,
)
from repwatch.store import IncidentQuery


def _date(option: str, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(option, f"{value!r} is not a date (use YYYY-MM-DD)") from None


Since = Annotated[str | None, typer.Option(help="Only incidents on or after this date.")]
Until = Annotated[str | None, typer.Option(help="Only incidents on or before this date.")]
PlaceFilter = Annotated[
    str | None, typer.Option(help="Only incidents whose place or province contains this text.")
]
ActFilter = Annotated[Act | None, typer.Option(help="Only incidents with this act.")]
StatusFilter = Annotated[IncidentStatus | None, typer.Option(help="Only incidents in this status.")]
ModalityFilter = Annotated[Modality | None, typer.Option(help="Only occurred or expected ones.")]
MinVictims = Annotated[int | None, typer.Option(help="Only incidents of at least this many.")]


def build_query(
    since: str | None,
    until: str | None,
    place: str | None,
    act: Act | None,
    status: IncidentStatus | None,
    modality: Modality | None,
    min_victims: int | None,
    limit: int | None = None,
) -> IncidentQuery:
    return IncidentQuery(
        since=_date("--since", since),
        until=_date("--until", until),
        place=place,
        act=act,
        status=status,
        modality=modality,
        min_victims=min_victims,
        limit=limit,
    )


def victims_text(incident: Incident) -> str:
    v = incident.victims
    if v is None:
        return ""
    if v.min == v.max:
        return str(v.min)
    if v.max is None:
        return f"{v.min}+"
    return f"{v.min}–{v.max}"


def date_text(incident: Incident) -> str:
    d = incident.date
    if d is None:
        return ""
    if d.start == d.end:
        return d.start or ""
    if d.start and d.end and d.start[:8] == d.end[:8] and len(d.start) == len(d.end) == 10:
        return f"{d.start}–{d.end[8:]}"  # same month: 2019-11-19–20
    return f"{d.start or '?'} … {d.end or '?'}"


def acts_text(incident: Incident) -> str:
    text = ", ".join(a.value for a in incident.acts)
    if incident.expected_acts:
        text += " (expected: " + ", ".join(a.value for a in incident.expected_acts) + ")"
    return text


def incidents_table(incidents: list[Incident]) -> Table:
    table = Table(show_lines=False)
    columns = ("id", "date", "place", "people", "acts", "modality", "by", "status", "sources")
    for column in columns:
        table.add_column(column, overflow="fold", no_wrap=column == "id")
    for i in incidents:
        table.add_row(
            str(i.id),
            date_text(i),
            escape(i.place_name or ""),
            victims_text(i),
            acts_text(i),
            i.modality.value,
            i.perpetrator.value if i.perpetrator else "",
            i.status.value,
            # independent sources, and distinct publishers when they differ
            str(i.sources_count)
            + (
                f" ({i.publishers_count} publishers)"
                if i.publishers_count != i.sources_count
                else ""
            ),
        )
    return table


def incidents_command(
    since: Since = None,
    until: Until = None,
    place: PlaceFilter = None,
    act: ActFilter = None,
    status: StatusFilter = None,
    modality: ModalityFilter = None,
    min_victims: MinVictims = None,
    limit: Annotated[int | None, typer.Option(help="Show at most this many.", min=1)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON records.")] = False,
    db: DbOption = None,
) -> None:
    """List incidents, filtered by date, place, act, status or size."""
    query = build_query(since, until, place, act, status, modality, min_victims, limit)
    with open_store(db) as store:
        found = store.list_incidents(query)
        if as_json:
            records = []
            for incident in found:
                record = incident_record(incident)
                record["mention_ids"] = list(incident.mention_ids)
                records.append(record)
            typer.echo(json.dumps(records, ensure_ascii=False, indent=2))
            return
    out.print(incidents_table(found))
    out.print(f"{len(found)} incidents")


def _quote(text: str, spans: tuple[EvidenceSpan, ...]) -> str:
    return "\n".join(
        f"    “{escape(before)}[bold yellow]{escape(quoted)}[/bold yellow]{escape(after)}”"
        for before, quoted, after in in_context(text, spans)
    )


def show_command(
    incident_id: Annotated[int, typer.Argument(help="The incident's id.")],
    db: DbOption = None,
) -> None:
    """Show an incident: each field with the sentence it came from."""
    with open_store(db) as store:
        incident = store.get_incident(incident_id)
        backing = [(m, store.get_report(m.report_id)) for m in store.mentions_of(incident_id)]
        reconciled = store.reconciliation(incident_id)
        set_by = store.overrides(incident_id)
    out.print(f"[bold]Incident {incident.id}[/bold]  ({incident.status.value})")
    out.print(incidents_table([incident]))
    c = reconciled.corroboration
    out.print(
        f"Corroboration: {plural(c.reports, 'report')} from {plural(c.publishers, 'publisher')}, "
        f"{plural(c.original_sources, 'independent source')}"
    )
    for field, (_value, who, when) in set_by.items():
        out.print(f"  [green]{field}[/green] set by {escape(who)} on {when:%Y-%m-%d %H:%M}")
    titles = {r.id: r.publisher or r.external_id or r.id[:12] for _, r in backing}
    for reconciled_field in reconciled.fields.values():
        if not reconciled_field.conflict:
            continue
        out.print(f"  [red]conflict[/red] in {reconciled_field.name}:")
        for alternative in reconciled_field.alternatives:
            who = ", ".join(titles.get(s, s) for s in alternative.supporters)
            out.print(f"    {escape(value_text(alternative.value))} — {escape(who)}")
    for mention, report in backing:
        heading = report.title or report.external_id or report.id[:12]
        out.print(
            f"\n[bold]{escape(heading)}[/bold] — {escape(report.publisher or 'unknown publisher')}"
            f", {report.published or 'undated'}  (report {report.id[:12]}, mention {mention.id}, "
            f"{mention.extractor})"
        )
        # The command line is the analyst's own machine: every field is shown.
        for value in mention_values(mention, sensitive=True):
            out.print(
                f"  [cyan]{value.label}[/cyan]: {escape(value.text)}  [dim]{value.producer}[/dim]"
            )
            if value.spans:
                out.print(_quote(report.text, value.spans))


class ExportFormat(StrEnum):
    CSV = "csv"
    JSON = "json"
    GEOJSON = "geojson"


def export_command(
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format.")] = (
        ExportFormat.CSV
    ),
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write; standard output if none.")
    ] = None,
    since: Since = None,
    until: Until = None,
    place: PlaceFilter = None,
    act: ActFilter = None,
    status: StatusFilter = None,
    modality: ModalityFilter = None,
    min_victims: MinVictims = None,
    db: DbOption = None,
) -> None:
    """Export incidents as CSV, JSON or GeoJSON (no report texts or sensitive fields)."""
    query = build_query(since, until, place, act, status, modality, min_victims)
    with open_store(db) as store:
        found = store.list_incidents(query)
    if output is None:
        write_incidents(found, sys.stdout, format=format.value)
        return
    count = export_file(found, output, format=format.value)
    out.print(f"{count} incidents written to {escape(str(output))}", style="dim")
