"""`repwatch review`, `repwatch incident …` and `repwatch audit verify`: the analyst's desk."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from repwatch.cli.common import By, DbOption, default_actor, open_store, out
from repwatch.cli.incidents import incidents_table
from repwatch.model import IncidentStatus
from repwatch.review import parse_field_value

incident_app = typer.Typer(help="Verify, reject, correct, merge or split an incident.")
audit_app = typer.Typer(help="The audit log of every change to incidents.")


IncidentId = Annotated[int, typer.Argument(help="The incident's id.")]


def review_command(
    limit: Annotated[int, typer.Option(help="Show at most this many of each.", min=1)] = 20,
    db: DbOption = None,
) -> None:
    """The review queue: possible duplicates, then proposed incidents, most corroborated first."""
    with open_store(db) as store:
        queue = store.review_queue(limit=limit)
    if queue.duplicates:
        table = Table(title="Possible duplicates")
        for column in ("incident", "may be", "score", "why"):
            table.add_column(column, overflow="fold")
        for d in queue.duplicates:
            table.add_row(
                str(d.incident_id),
                str(d.candidate_id),
                f"{d.score:.2f}",
                escape("; ".join(d.reasons)),
            )
        out.print(table)
        out.print(
            "Merge with [bold]repwatch incident merge A B[/bold], or keep apart with "
            "[bold]repwatch incident distinct A B[/bold].\n"
        )
    table = incidents_table(queue.incidents)
    table.title = "Proposed incidents"
    out.print(table)
    out.print(
        "Verify with [bold]repwatch incident verify ID[/bold]; see the evidence with "
        "[bold]repwatch show ID[/bold]."
    )


def _status(incident_id: int, status: IncidentStatus, by: str | None, db: str | None) -> None:
    with open_store(db) as store:
        incident = store.set_status(incident_id, status, actor=by or default_actor())
    out.print(f"Incident {incident.id} is now {incident.status.value}.")


@incident_app.command("verify")
def verify_command(incident_id: IncidentId, by: By = None, db: DbOption = None) -> None:
    """Mark an incident verified."""
    _status(incident_id, IncidentStatus.VERIFIED, by, db)


@incident_app.command("reject")
def reject_command(incident_id: IncidentId, by: By = None, db: DbOption = None) -> None:
    """Mark an incident rejected (not a real case, or out of scope)."""
    _status(incident_id, IncidentStatus.REJECTED, by, db)


@incident_app.command("reopen")
def reopen_command(incident_id: IncidentId, by: By = None, db: DbOption = None) -> None:
    """Send a verified or rejected incident back to proposed."""
    _status(incident_id, IncidentStatus.PROPOSED, by, db)


@incident_app.command("set")
def set_command(
    incident_id: IncidentId,
    field: Annotated[
        str,
        typer.Argument(help="acts, expected_acts, modality, victims, place, date or perpetrator."),
    ],
    value: Annotated[
        str,
        typer.Argument(
            help="e.g. 12, 11-13, 12+; 2019-11-19, 2019-11, A..B; a place name; "
            "arrest,repatriation; none to clear."
        ),
    ],
    by: By = None,
    db: DbOption = None,
) -> None:
    """Set a field; extraction and linking never overwrite what a person set."""
    typed = parse_field_value(field, value)
    with open_store(db) as store:
        incident = store.set_field(incident_id, field, typed, actor=by or default_actor())
    out.print(incidents_table([incident]))


@incident_app.command("merge")
def merge_command(
    incident_id: Annotated[int, typer.Argument(help="The incident to keep.")],
    others: Annotated[list[int], typer.Argument(help="Incidents to merge into it.")],
    by: By = None,
    db: DbOption = None,
) -> None:
    """Merge incidents that are one case into the first."""
    with open_store(db) as store:
        incident = store.merge(incident_id, others, actor=by or default_actor())
    out.print(incidents_table([incident]))


@incident_app.command("split")
def split_command(
    incident_id: IncidentId,
    mention_ids: Annotated[list[int], typer.Argument(help="Mentions to move to a new incident.")],
    by: By = None,
    db: DbOption = None,
) -> None:
    """Move some of an incident's mentions (ids from `repwatch show`) to a new incident."""
    with open_store(db) as store:
        incident = store.split(incident_id, mention_ids, actor=by or default_actor())
    out.print(f"New incident {incident.id}:")
    out.print(incidents_table([incident]))


@incident_app.command("distinct")
def distinct_command(
    incident_id: IncidentId,
    other_id: Annotated[int, typer.Argument(help="The incident proposed as its duplicate.")],
    by: By = None,
    db: DbOption = None,
) -> None:
    """Record that two incidents proposed as duplicates are different cases."""
    with open_store(db) as store:
        store.mark_distinct(incident_id, other_id, actor=by or default_actor())
    out.print(f"Incidents {incident_id} and {other_id} are recorded as different cases.")


@incident_app.command("history")
def history_command(incident_id: IncidentId, db: DbOption = None) -> None:
    """Every change to an incident: what, who and when."""
    with open_store(db) as store:
        entries = store.history(incident_id)
    table = Table(title=f"Incident {incident_id}")
    for column in ("when", "who", "what", "detail"):
        table.add_column(column, overflow="fold")
    for e in entries:
        table.add_row(
            e.at.strftime("%Y-%m-%d %H:%M:%S"),
            escape(e.actor),
            e.action,
            escape(json.dumps(e.detail, ensure_ascii=False)),
        )
    out.print(table)


@audit_app.command("verify")
def audit_verify_command(db: DbOption = None) -> None:
    """Check the audit log's hash chain; exit code 1 if an entry was altered or removed."""
    with open_store(db) as store:
        check = store.verify_audit_chain()
    if check.ok:
        out.print(f"Audit log intact: {check.entries} entries.")
        return
    out.print(
        f"[red]Audit log broken[/red] at entry {check.first_broken}: it was altered, "
        "or an entry before it was removed."
    )
    raise typer.Exit(1)
