"""The fields of an incident as one mention states them, and how two values of a field relate.

For each field: the value a mention gives (None when it says nothing), a key
(equal keys are one value), whether two values are compatible (could both be
true of one case), and how specific a value is (ties between equally supported
values go to the more specific).
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import Any

from repwatch.errors import InputError
from repwatch.gazetteer.normalise import fold
from repwatch.link.profile import date_bounds, distance_km
from repwatch.model import (
    Act,
    DateRange,
    Mention,
    Modality,
    Perpetrator,
    Place,
    PlaceMention,
    VictimCount,
)

FIELDS = ("acts", "expected_acts", "modality", "victims", "place", "date", "perpetrator")
# Places this close (km), or within the larger one's radius, are one place (FORMAT.md).
SAME_PLACE_KM = 25.0
_ACT_ORDER = {act: i for i, act in enumerate(Act)}


@dataclass(frozen=True)
class PlaceValue:
    """A place as an incident holds it."""

    name: str
    place_id: str | None = None
    lat: float | None = None
    lon: float | None = None
    radius_km: float | None = None
    admin1: str | None = None
    country: str | None = None

    @classmethod
    def of(cls, place: PlaceValue | PlaceMention | Place | str) -> PlaceValue:
        if isinstance(place, PlaceValue):
            return place
        if isinstance(place, str):
            return cls(name=place)
        place_id = place.id if isinstance(place, Place) else place.place_id
        return cls(
            name=place.name,
            place_id=place_id,
            lat=place.lat,
            lon=place.lon,
            radius_km=place.radius_km,
            admin1=place.admin1,
            country=place.country,
        )


def acts_tuple(acts: Iterable[Act | str]) -> tuple[Act, ...]:
    """Acts without repeats, in the vocabulary's order."""
    return tuple(sorted({Act(a) for a in acts}, key=_ACT_ORDER.__getitem__))


def values_of(mention: Mention) -> dict[str, Any]:
    """Each field's value as this mention states it; None where it says nothing."""
    occurred = mention.acts_with(Modality.OCCURRED)
    expected = mention.acts_with(Modality.EXPECTED)
    awaited = [a for a in expected if a not in occurred] if occurred else []
    place = mention.main_place
    return {
        "acts": acts_tuple(occurred or expected) or None,
        "expected_acts": acts_tuple(awaited) or None,
        "modality": mention.modality if mention.acts else None,
        "victims": mention.victims.value if mention.victims else None,
        "place": PlaceValue.of(place) if place else None,
        "date": mention.date.value if mention.date else None,
        "perpetrator": mention.perpetrator.value if mention.perpetrator else None,
    }


def key_of(field: str, value: Any) -> Hashable:
    """What makes two values of ``field`` one value."""
    if field == "victims":
        return (value.min, value.max)
    if field == "date":
        return (value.start, value.end)
    if field == "place":
        return value.place_id or ("name", fold(value.name))
    return value  # tuples of acts, enums


def compatible(field: str, a: Any, b: Any) -> bool:
    """True if both values could be true of one case: counts or dates that overlap,
    places within 25 km, act lists one of which holds the other."""
    if field in ("acts", "expected_acts"):
        return set(a) <= set(b) or set(b) <= set(a)
    if field == "modality":
        return True  # "awaiting return" then "returned": the case moved on
    if field == "victims":
        a_hi = math.inf if a.max is None else a.max
        b_hi = math.inf if b.max is None else b.max
        return (a.min or 0) <= b_hi and (b.min or 0) <= a_hi
    if field == "date":
        (alo, ahi), (blo, bhi) = date_bounds(a), date_bounds(b)
        if alo is None or ahi is None or blo is None or bhi is None:
            return True
        return alo <= bhi and blo <= ahi
    if field == "place":
        return _same_place(a, b)
    return bool(a == b)


def _same_place(a: PlaceValue, b: PlaceValue) -> bool:
    if a.place_id is not None and a.place_id == b.place_id:
        return True
    if a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None:
        slack = max(SAME_PLACE_KM, a.radius_km or 0.0, b.radius_km or 0.0)
        return distance_km((a.lat, a.lon), (b.lat, b.lon)) <= slack
    ka, kb = fold(a.name), fold(b.name)
    return bool(ka and kb) and (ka in kb or kb in ka)


def specificity(field: str, value: Any) -> tuple[float, ...]:
    """Larger is more specific: more acts, an exact count, a resolved and smaller
    place, a shorter date range, an act that happened over one awaited."""
    if field in ("acts", "expected_acts"):
        return (len(value),)
    if field == "modality":
        return (1.0 if value is Modality.OCCURRED else 0.0,)
    if field == "victims":
        return (-math.inf if value.max is None else -(value.max - (value.min or 0)),)
    if field == "place":
        radius = value.radius_km if value.radius_km is not None else 1e4
        return (1.0 if value.place_id else 0.0, -radius)
    if field == "date":
        lo, hi = date_bounds(value)
        return (-(hi - lo).days if lo and hi else -math.inf,)
    return (0.0,)


def fixed_value(field: str, value: Any) -> Any:
    """An analyst's value for ``field`` in the type the incident holds; raises InputError.
    JSON forms are accepted: a list of act names, "china", {"min": 12, "max": 12},
    {"start": "2010-03-09", "end": "2010-03-09"}, a dict of PlaceValue's fields."""
    if field not in FIELDS:
        raise InputError("fixed", f"unknown incident field {field!r}; valid: {', '.join(FIELDS)}")
    if value is None:
        return None
    try:
        return _coerce(field, value)
    except (ValueError, TypeError) as exc:  # pydantic's ValidationError is a ValueError
        raise InputError("fixed", f"not a valid value for {field!r}") from exc


def _coerce(field: str, value: Any) -> Any:
    if field in ("acts", "expected_acts"):
        if isinstance(value, str):
            raise TypeError("acts must be a list")
        return acts_tuple(value)
    if field == "modality":
        return Modality(value)
    if field == "perpetrator":
        return Perpetrator(value)
    if field == "victims":
        if isinstance(value, bool):
            raise TypeError("victims must be a count")
        if isinstance(value, int):
            return VictimCount.exactly(value)
        return value if isinstance(value, VictimCount) else VictimCount.model_validate(value)
    if field == "date":
        return value if isinstance(value, DateRange) else DateRange.model_validate(value)
    if isinstance(value, dict):  # as stored in JSON: PlaceValue's fields
        return PlaceValue(**value)
    if isinstance(value, PlaceValue | PlaceMention | Place | str):
        return PlaceValue.of(value)
    raise TypeError("place must be a Place, PlaceMention, PlaceValue, dict or name")
