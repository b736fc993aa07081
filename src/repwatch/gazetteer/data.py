"""Reading the curated gazetteer (``places.csv``) into places and their name forms.

One row per place. Name columns hold ``|``-separated spellings, one column per
script or romanisation, so that a match can say which form it met. The first
``en`` form is also the place's display name unless ``name`` says otherwise.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from repwatch.errors import InputError
from repwatch.model import Place

# Name columns, in the order names are listed on a Place, with the label a
# match reports ("exact name 'Sinŭiju' (McCune–Reischauer)").
NAME_COLUMNS: dict[str, str] = {
    "en": "English",
    "mr": "McCune–Reischauer",
    "rr": "Revised Romanization",
    "variants": "common spelling",
    "pinyin": "pinyin",
    "local": "local name",
    "hangul": "Hangul",
    "zh_hans": "Chinese (simplified)",
    "zh_hant": "Chinese (traditional)",
}
COLUMNS = (
    "id",
    "name",
    "kind",
    "country",
    "admin1",
    "lat",
    "lon",
    "radius_km",
    "priority",
    *NAME_COLUMNS,
    "source",
)
KINDS = frozenset(
    {
        "country",
        "province",
        "prefecture",
        "county",
        "city",
        "town",
        "district",
        "village",
        "crossing",
        "river",
        "river_mouth",
        "sea",
        "mountain",
        "landmark",
        "camp",
    }
)


@dataclass(frozen=True, slots=True)
class NameForm:
    """One spelling of one place, and the script or romanisation it is in."""

    place_id: str
    text: str
    scheme: str  # a label from NAME_COLUMNS


@dataclass(frozen=True, slots=True)
class Entry:
    """A curated place with its name forms and its rank among places sharing a name."""

    place: Place
    forms: tuple[NameForm, ...]
    priority: int  # higher wins when a bare name fits several places ("Namyang")


def shipped_path() -> Path:
    """The gazetteer CSV shipped inside the package."""
    return Path(str(resources.files("repwatch.gazetteer").joinpath("places.csv")))


def load_entries(path: Path | None = None) -> list[Entry]:
    """Every row of the gazetteer CSV, checked; raises InputError naming the line."""
    path = path or shipped_path()
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(str(path), f"cannot read the gazetteer: {exc}") from exc
    entries: list[Entry] = []
    seen: set[str] = set()
    for line, row in enumerate(rows, start=2):
        entry = _entry(row, f"{path.name}:{line}")
        if entry.place.id in seen:
            raise InputError(f"{path.name}:{line}", f"duplicate place id {entry.place.id!r}")
        seen.add(entry.place.id)
        entries.append(entry)
    return entries


def _entry(row: dict[str, str | None], where: str) -> Entry:
    missing = [c for c in COLUMNS if c not in row]
    if missing:
        raise InputError(where, f"missing columns {', '.join(missing)}")
    values = {key: (value or "").strip() for key, value in row.items() if key}
    place_id, kind = values["id"], values["kind"]
    if not place_id:
        raise InputError(where, "a place needs an id")
    if kind not in KINDS:
        raise InputError(where, f"kind {kind!r} is not one of {', '.join(sorted(KINDS))}")
    if not values["source"]:
        raise InputError(where, f"place {place_id!r} does not say where its coordinates come from")
    forms = _forms(place_id, values)
    if not forms:
        raise InputError(where, f"place {place_id!r} has no name")
    try:
        lat = float(values["lat"]) if values["lat"] else None
        lon = float(values["lon"]) if values["lon"] else None
        radius = float(values["radius_km"])
        priority = int(values["priority"] or 0)
    except ValueError as exc:
        raise InputError(where, f"place {place_id!r}: {exc}") from exc
    if (lat is not None and not -90 <= lat <= 90) or (lon is not None and not -180 <= lon <= 180):
        raise InputError(where, f"place {place_id!r} has coordinates out of range")
    names = tuple(dict.fromkeys(f.text for f in forms))
    place = Place(
        id=place_id,
        name=values["name"] or names[0],
        kind=kind,
        country=values["country"].upper(),
        lat=lat,
        lon=lon,
        radius_km=radius,
        admin1=values["admin1"] or None,
        names=names,
        source=values["source"],
    )
    return Entry(place=place, forms=forms, priority=priority)


def _forms(place_id: str, values: dict[str, str]) -> tuple[NameForm, ...]:
    forms: list[NameForm] = []
    if values["name"]:
        forms.append(NameForm(place_id, values["name"], NAME_COLUMNS["en"]))
    for column, label in NAME_COLUMNS.items():
        for text in values[column].split("|"):
            text = text.strip()
            if text and all(f.text != text for f in forms):
                forms.append(NameForm(place_id, text, label))
    return tuple(forms)
