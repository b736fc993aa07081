"""`repwatch user …`: accounts of the web application."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from repwatch.cli.common import By, DbOption, default_actor, open_store, out
from repwatch.errors import InputError
from repwatch.protect.roles import Role, parse_role

app = typer.Typer(help="Accounts of the web application.", no_args_is_help=True)

RoleOption = Annotated[
    str, typer.Option("--role", help="viewer, analyst or admin.", show_default=True)
]
PasswordStdin = Annotated[
    bool,
    typer.Option("--password-stdin", help="Read the password from standard input (one line)."),
]


def _password(from_stdin: bool) -> str:
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise InputError("-", "no password on standard input")
        return password
    return str(typer.prompt("Password", hide_input=True, confirmation_prompt=True))


@app.command("add")
def add_command(
    name: Annotated[str, typer.Argument(help="The log-in name.")],
    role: RoleOption = Role.VIEWER.value,
    password_stdin: PasswordStdin = False,
    by: By = None,
    db: DbOption = None,
) -> None:
    """Add an account; asks for its password (at least 10 characters)."""
    chosen = parse_role(role)
    password = _password(password_stdin)
    with open_store(db) as store:
        user = store.add_user(name, password, chosen, by=by or default_actor())
    out.print(f"Added {escape(user.name)} ({user.role}).")


@app.command("list")
def list_command(db: DbOption = None) -> None:
    """List the accounts and their roles."""
    with open_store(db) as store:
        users = store.list_users()
    table = Table("name", "role", "state", "since")
    for user in users:
        state = "disabled" if user.disabled else "active"
        table.add_row(escape(user.name), user.role.value, state, f"{user.created_at:%Y-%m-%d}")
    out.print(table)


@app.command("role")
def role_command(
    name: str,
    role: Annotated[str, typer.Argument(help="viewer, analyst or admin.")],
    by: By = None,
    db: DbOption = None,
) -> None:
    """Change an account's role."""
    with open_store(db) as store:
        user = store.set_role(name, parse_role(role), by=by or default_actor())
    out.print(f"{escape(user.name)} is now {user.role}.")


@app.command("password")
def password_command(
    name: str, password_stdin: PasswordStdin = False, by: By = None, db: DbOption = None
) -> None:
    """Set an account's password; its open sessions end."""
    password = _password(password_stdin)
    with open_store(db) as store:
        store.set_password(name, password, by=by or default_actor())
    out.print(f"Password of {escape(name)} changed.")


@app.command("disable")
def disable_command(name: str, by: By = None, db: DbOption = None) -> None:
    """Disable an account; its open sessions end."""
    with open_store(db) as store:
        store.disable_user(name, by=by or default_actor())
    out.print(f"{escape(name)} is disabled.")
