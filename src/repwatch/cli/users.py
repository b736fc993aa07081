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


@app.command("token")
def token_command(
    name: str,
    label: Annotated[str, typer.Option("--label", help="What the token is for.")] = "api",
    by: By = None,
    db: DbOption = None,
) -> None:
    """Make an API token for a program acting as NAME; it is shown once."""
    with open_store(db) as store:
        token = store.create_token(name, label, by=by or default_actor())
    out.print(f"Token {escape(label)!r} of {escape(name)} (shown once; keep it secret):")
    typer.echo(token)


@app.command("tokens")
def tokens_command(name: str, db: DbOption = None) -> None:
    """List an account's API tokens (their labels, never the tokens)."""
    with open_store(db) as store:
        tokens = store.list_tokens(name)
    table = Table("label", "made", "state")
    for label, made, revoked in tokens:
        table.add_row(escape(label), f"{made:%Y-%m-%d}", "revoked" if revoked else "live")
    out.print(table)


@app.command("revoke")
def revoke_command(name: str, label: str, by: By = None, db: DbOption = None) -> None:
    """Revoke an account's API token."""
    with open_store(db) as store:
        store.revoke_token(name, label, by=by or default_actor())
    out.print(f"Token {escape(label)!r} of {escape(name)} is revoked.")
