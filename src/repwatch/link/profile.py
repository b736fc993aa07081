"""What linking compares of a mention, computed once: acts, count range, day range, places.

Scoring a new mention against every candidate of its window reads the same few
values of each stored mention over and over; a ``Profile`` holds them as plain
numbers. Profiles are kept while their (immutable) mention lives.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from repwatch.gazetteer.normalise import fold
from repwatch.link.memo import MentionMemo
from repwatch.model import (
    MAIN_PLACE_ROLES,
    Act,
    Mention,
    Perpetrator,
    PlaceMention,
    date_bounds,
)

# A place given without a radius is taken to be a town of about this size.
DEFAULT_RADIUS_KM = 5.0
EARTH_RADIUS_KM = 6371.0


@dataclass(frozen=True, slots=True)
class Spot:
    """One place of a case: coordinates (when resolved), precision and folded name."""

    key: str  # folded name as written
    place_id: str | None
    point: tuple[float, float] | None  # (lat, lon)
    radius_km: float
    # The point in radians and the cosine of its latitude, for fast distances.
    lat_rad: float = 0.0
    lon_rad: float = 0.0
    cos_lat: float = 1.0


@dataclass(frozen=True, slots=True)
class Profile:
    acts: frozenset[Act]
    count: tuple[int, float] | None  # min, max (math.inf when open-ended)
    days: tuple[int, int] | None  # first and last day as proleptic ordinals
    spots: tuple[Spot, ...]  # the places of the main act
    perpetrator: Perpetrator | None


def case_places(mention: Mention) -> tuple[PlaceMention, ...]:
    """The places where the case's acts happened (caught, returned, crossed, held);
    every place the mention names when it names none in those roles."""
    main = tuple(p for p in mention.places if p.role in MAIN_PLACE_ROLES)
    return main or mention.places


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (lat, lon) points."""
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    return _haversine(p1, math.radians(a[1]), math.cos(p1), p2, math.radians(b[1]), math.cos(p2))


def spot_distance_km(a: Spot, b: Spot) -> float:
    """Great-circle distance between two resolved spots."""
    return _haversine(a.lat_rad, a.lon_rad, a.cos_lat, b.lat_rad, b.lon_rad, b.cos_lat)


def _haversine(
    lat1: float, lon1: float, cos1: float, lat2: float, lon2: float, cos2: float
) -> float:
    # Symmetric: swapping the points negates the differences, which are squared.
    h = math.sin((lat2 - lat1) / 2) ** 2 + cos1 * cos2 * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def _spot(place: PlaceMention) -> Spot:
    radius = place.radius_km if place.radius_km is not None else DEFAULT_RADIUS_KM
    if place.lat is None or place.lon is None:
        return Spot(fold(place.name), place.place_id, None, radius)
    lat = math.radians(place.lat)
    return Spot(
        fold(place.name), place.place_id, (place.lat, place.lon), radius,
        lat, math.radians(place.lon), math.cos(lat),
    )  # fmt: skip


def _build(mention: Mention) -> Profile:
    count = None
    if mention.victims is not None and mention.victims.value.min is not None:
        value = mention.victims.value
        count = (value.min or 0, math.inf if value.max is None else float(value.max))
    elif mention.victims is not None and mention.victims.value.max is not None:
        count = (0, float(mention.victims.value.max))
    lo, hi = date_bounds(mention.date.value if mention.date else None)
    return Profile(
        acts=frozenset(a.act for a in mention.acts),
        count=count,
        days=(lo.toordinal(), hi.toordinal()) if lo and hi else None,
        spots=tuple(_spot(p) for p in case_places(mention)),
        perpetrator=mention.perpetrator.value if mention.perpetrator else None,
    )


_profiles: MentionMemo[Profile] = MentionMemo()


def profile(mention: Mention) -> Profile:
    """The mention's profile, computed once per mention object."""
    return _profiles.get(mention, None, lambda: _build(mention))
