"""Helpers for the linking tests: mentions made by hand, and the linking test corpus."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from repwatch.model import (
    Act,
    ActMention,
    DateRange,
    EvidenceSpan,
    Mention,
    Modality,
    Perpetrator,
    PlaceMention,
    PlaceRole,
    Sourced,
    VictimCount,
)

DATA = Path(__file__).parent / "data"
HAND = "test"

# (lat, lon, radius km, admin1, country) of the places the tests name.
PLACES: dict[str, tuple[float, float, float, str | None, str]] = {
    "Dandong": (40.1292, 124.3947, 10, "Liaoning", "CN"),
    "Sinuiju": (40.1006, 124.3981, 8, "North Pyongan", "KP"),
    "Hyesan": (41.4017, 128.1778, 6, "Ryanggang", "KP"),
    "Changbai": (41.4187, 128.2003, 4, "Jilin", "CN"),
    "Tumen": (42.9656, 129.842, 5, "Jilin", "CN"),
    "Yanji": (42.9048, 129.5139, 8, "Jilin", "CN"),
    "Hunchun": (42.8679, 130.357, 6, "Jilin", "CN"),
    "Shenyang": (41.8057, 123.4315, 20, "Liaoning", "CN"),
    "Qingdao": (36.0671, 120.3826, 15, "Shandong", "CN"),
    "Dalian": (38.9122, 121.6022, 20, "Liaoning", "CN"),
    "Laos": (18.2, 103.9, 550, None, "LA"),
    "Oudomxay Province": (20.6923, 101.9837, 120, None, "LA"),
}


def place(name: str, role: PlaceRole = PlaceRole.CAUGHT, *, resolved: bool = True) -> PlaceMention:
    """A place of ``PLACES``, resolved with its coordinates, or only named."""
    if not resolved or name not in PLACES:
        return PlaceMention(name=name, role=role, producer=HAND)
    lat, lon, radius, admin1, country = PLACES[name]
    return PlaceMention(
        name=name, role=role, place_id=name.lower(), lat=lat, lon=lon, radius_km=radius,
        admin1=admin1, country=country, producer=HAND,
    )  # fmt: skip


def mention(
    report_id: str = "r1",
    *,
    acts: tuple[str, ...] = ("arrest", "repatriation"),
    expected: tuple[str, ...] = (),
    count: int | tuple[int | None, int | None] | None = None,
    at: str | PlaceMention | None = None,
    date: str | tuple[str, str] | None = None,
    perpetrator: str | None = "china",
    spans: tuple[EvidenceSpan, ...] = (),
    mention_id: int | None = None,
) -> Mention:
    """A mention made by hand: ``count`` exact or (min, max); ``date`` one (partial) date
    or (start, end); ``at`` a name in ``PLACES`` or a PlaceMention."""
    act_mentions = [ActMention(act=Act(a), spans=spans, producer=HAND) for a in acts]
    act_mentions += [
        ActMention(act=Act(a), modality=Modality.EXPECTED, producer=HAND) for a in expected
    ]
    victims = None
    if count is not None:
        low, high = (count, count) if isinstance(count, int) else count
        victims = Sourced(value=VictimCount(min=low, max=high), producer=HAND)
    places = (place(at) if isinstance(at, str) else at,) if at is not None else ()
    when = None
    if date is not None:
        start, end = (date, date) if isinstance(date, str) else date
        when = Sourced(value=DateRange(start=start, end=end), producer=HAND)
    return Mention(
        report_id=report_id,
        acts=tuple(act_mentions),
        victims=victims,
        places=places,
        date=when,
        perpetrator=Sourced(value=Perpetrator(perpetrator), producer=HAND) if perpetrator else None,
        extractor=HAND,
        id=mention_id,
    )


def read_jsonl(name: str) -> list[dict[str, Any]]:
    with (DATA / name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def gold_mention(report_id: str, incident: dict[str, Any]) -> Mention:
    """A gold INCIDENT of the corpus as a mention (its place resolved from ``PLACES`` when
    listed there, else by its coordinates alone)."""
    where = incident.get("place")
    at: PlaceMention | None = None
    if where:
        at = place(where["name"])
        if at.lat is None and where.get("lat") is not None:
            at = at.model_copy(update={"lat": where["lat"], "lon": where["lon"]})
    occurred = incident["modality"] == "occurred"
    date = incident.get("date")
    count = incident.get("victims")
    return mention(
        report_id,
        acts=tuple(incident["acts"]) if occurred else (),
        expected=tuple(incident.get("expected_acts") or ())
        if occurred
        else tuple(incident["acts"]),
        count=(count["min"], count["max"]) if count else None,
        at=at,
        date=(date["start"], date["end"]) if date else None,
        perpetrator=incident.get("perpetrator"),
    )
