"""The repwatch command line: thin commands that parse, call the library and print."""

from __future__ import annotations

import typer

from repwatch import __version__
from repwatch.cli.common import HandledGroup
from repwatch.cli.demo import demo_command
from repwatch.cli.evaluate import eval_command
from repwatch.cli.extract import extract_command, extract_file_command
from repwatch.cli.incidents import export_command, incidents_command, show_command
from repwatch.cli.ingest import ingest_command
from repwatch.cli.places import app as places_app
from repwatch.cli.reports import reports_command
from repwatch.cli.review import audit_app, incident_app, review_command
from repwatch.cli.serve import serve_command
from repwatch.cli.users import app as user_app

app = typer.Typer(
    name="repwatch",
    cls=HandledGroup,
    help="A verified, mapped record of North Koreans arrested in China and forcibly returned.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"repwatch {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """A verified, mapped record of North Koreans arrested in China and forcibly returned."""


app.command("ingest")(ingest_command)
app.command("extract")(extract_command)
app.command("extract-file")(extract_file_command)
app.command("eval")(eval_command)
app.command("reports")(reports_command)
app.command("incidents")(incidents_command)
app.command("show")(show_command)
app.command("export")(export_command)
app.command("demo")(demo_command)
app.add_typer(places_app, name="places")
app.command("review")(review_command)
app.add_typer(incident_app, name="incident")
app.add_typer(audit_app, name="audit")
app.command("serve")(serve_command)
app.add_typer(user_app, name="user")
