"""`repwatch places`: look up and list the places of the border gazetteer."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Column, Table

from repwatch.cli.common import HandledGroup, err, out
from repwatch.errors import InputError
from repwatch.gazetteer import KINDS, Candidate, default_gazetteer
from repwatch.model import Place

app = typer.Typer(
    cls=HandledGroup,
    help="Look up and list places of the border gazetteer.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def _place_record(place: Place) -> dict[str, Any]:
    return {
        "id": place.id,
        "name": place.name,
        "kind": place.kind,
        "country": place.country,
        "admin1": place.admin1,
        "lat": place.lat,
        "lon": place.lon,
        "radius_km": place.radius_km,
        "source": place.source,
    }


def _candidate_record(candidate: Candidate) -> dict[str, Any]:
    return {
        **_place_record(candidate.place),
        "score": round(candidate.score, 3),
        "confidence": candidate.confidence,
        "why": candidate.why,
    }


def _coordinate(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


@app.command("lookup")
def lookup_command(
    text: Annotated[str, typer.Argument(help="A place name in any spelling or script.")],
    limit: Annotated[int, typer.Option(help="Most candidates to show.", min=1)] = 10,
    as_json: JsonOption = False,
) -> None:
    """Rank the places TEXT may name, best first; exit code 1 if none."""
    candidates = default_gazetteer().lookup(text, limit=limit)
    if as_json:
        typer.echo(json.dumps([_candidate_record(c) for c in candidates], ensure_ascii=False))
    elif candidates:
        table = Table(
            Column("name", no_wrap=True),
            "kind",
            "country",
            "lat",
            "lon",
            "radius km",
            "score",
            "why",
        )
        for c in candidates:
            place = c.place
            why = c.why if c.confidence == "curated" else f"{c.why} [lower confidence]"
            table.add_row(
                escape(place.name),
                place.kind,
                place.country,
                _coordinate(place.lat),
                _coordinate(place.lon),
                f"{place.radius_km:g}",
                f"{c.score:.2f}",
                escape(why),
            )
        out.print(table)
    else:
        err.print(f"No place in the gazetteer matches {escape(repr(text))}.")
    if not candidates:
        raise typer.Exit(1)


@app.command("list")
def list_command(
    kind: Annotated[str | None, typer.Option(help="Only places of this kind.")] = None,
    country: Annotated[
        str | None, typer.Option(help="Only places in this country (ISO code, e.g. KP).")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """List the curated places, optionally of one kind and country."""
    if kind is not None and kind not in KINDS:
        raise InputError(
            "--kind", f"{kind!r} is not a kind; choose from {', '.join(sorted(KINDS))}"
        )
    places = default_gazetteer().places(kind=kind, country=country)
    if as_json:
        typer.echo(json.dumps([_place_record(p) for p in places], ensure_ascii=False))
        return
    table = Table(
        Column("id", no_wrap=True), "name", "kind", "country", "admin1", "lat", "lon", "radius km"
    )
    for place in places:
        table.add_row(
            place.id,
            escape(place.name),
            place.kind,
            place.country,
            escape(place.admin1 or ""),
            _coordinate(place.lat),
            _coordinate(place.lon),
            f"{place.radius_km:g}",
        )
    out.print(table)
    err.print(f"{len(places)} places")
