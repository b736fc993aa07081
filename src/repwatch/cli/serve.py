"""`repwatch serve`: the web application on this machine."""

from __future__ import annotations

import ipaddress
from typing import Annotated

import typer
import uvicorn
from rich.markup import escape

from repwatch.cli.common import DbOption, err, open_store, out
from repwatch.web import WebSettings, create_app


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve_command(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option(help="Address to listen on; only this machine by default.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
    tile_url: Annotated[
        str | None,
        typer.Option(
            help="Online map tiles, e.g. https://tile.example.org/{z}/{x}/{y}.png; "
            "without it the map uses the shipped offline base layer."
        ),
    ] = None,
    tile_attribution: Annotated[str, typer.Option(help="Credit line for the tiles.")] = "",
    secure_cookies: Annotated[
        bool, typer.Option(help="Mark cookies Secure: set when served behind HTTPS.")
    ] = False,
    access_log: Annotated[
        bool,
        typer.Option(help="Log every request. Off by default: search terms can be sensitive."),
    ] = False,
) -> None:
    """Serve the map, timeline, evidence and review pages, and the /api/v1 API."""
    settings = WebSettings(
        tile_url=tile_url, tile_attribution=tile_attribution, secure_cookies=secure_cookies
    )
    with open_store(db) as store:
        if not store.list_users():
            err.print(
                "No accounts yet: add one with [bold]repwatch user add NAME --role admin"
                + (f" --db {escape(db)}" if db else "")
                + "[/bold]"
            )
        if not _is_loopback(host):
            err.print(
                f"[yellow]Listening on {escape(host)}:[/yellow] other machines can reach this "
                "server. Serve it behind HTTPS and pass --secure-cookies."
            )
        out.print(f"repwatch on http://{escape(host)}:{port}/ (Ctrl+C to stop)")
        uvicorn.run(
            create_app(store, settings=settings),
            host=host,
            port=port,
            access_log=access_log,
            log_level="warning",
        )
