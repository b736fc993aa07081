"""What every command shares: consoles, the database option, and the one error handler."""

from __future__ import annotations

import getpass
import os
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from typer.core import TyperGroup

from repwatch import config
from repwatch.errors import RepwatchError
from repwatch.store import Store

# Output that goes to a file or a pipe gets a width fit for tables, not 80 columns.
PIPED_WIDTH = 160
out = Console(highlight=False, soft_wrap=True)
if not out.is_terminal:
    out.width = PIPED_WIDTH
err = Console(stderr=True, highlight=False, soft_wrap=True)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help=f"Database: a SQLite file path or a database URL "
        f"[default: ${config.DATABASE_URL_ENV}, else {config.data_dir() / 'repwatch.db'}]",
        show_default=False,
    ),
]


USER_ENV = "REPWATCH_USER"

By = Annotated[
    str | None,
    typer.Option("--by", help=f"Who is acting [default: ${USER_ENV}, else your login name]"),
]


def default_actor() -> str:
    return os.environ.get(USER_ENV) or getpass.getuser()


def open_store(db: str | None) -> Store:
    return Store.open(config.database_url(db))


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def report_error(error: Exception) -> None:
    err.print(f"[red]Error:[/red] {escape(str(error))}")


class HandledGroup(TyperGroup):
    """The command-line edge: a repwatch error becomes one line and exit code 1."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except RepwatchError as error:
            report_error(error)
            raise typer.Exit(1) from None
        except OSError as error:  # e.g. an output file that cannot be written
            report_error(RepwatchError(f"{error.filename or ''}: {error.strerror}"))
            raise typer.Exit(1) from None
