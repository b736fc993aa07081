"""The most specific place of the main act (FORMAT.md: "the most specific location").

When the place found for the main act is a whole country, province or river ("caught
in China's Jilin Province", "a few kilometres inside Mongolia", "tried to cross the
Yalu"), and the sentences that tell the case's acts also name a town inside it where
the people were ("taken from a house in Wangqing county", "held at a post in
Zamyn-Uud"), the town is where it happened. North Korean guards act on their own bank, so a North
Korean town the people set out from stands for a river there.
"""

from __future__ import annotations

from math import asin, cos, radians, sin, sqrt

from repwatch.extract.places import PlaceHit
from repwatch.model import MAIN_PLACE_ROLES, Place, PlaceRole

_COARSE = frozenset(("country", "province", "prefecture", "river", "sea"))
# Roles of a town that may stand for where the main act happened; never where people came
# from or were headed.
_TOWN_ROLES = frozenset((PlaceRole.CAUGHT, PlaceRole.HELD, PlaceRole.CROSSED, PlaceRole.OTHER))


def refined(hits: list[PlaceHit], acting: set[int], country: str | None) -> list[PlaceHit]:
    """``hits`` with a town inside a coarse main place put first in its role.

    ``acting`` holds the starts of the places named in clauses that tell the case's acts;
    ``country`` is the acting state's, which a town beside a border river must be in.
    """
    main = _main(hits)
    if main is None or main.place is None or main.place.kind not in _COARSE:
        return hits
    towns = [
        h
        for h in hits
        if h.start in acting
        and (h.role in _TOWN_ROLES or _home_bank(h, main, country))
        and not h.of_actor
        and h.place is not None
        and h.place.kind not in _COARSE
        and _inside(h.place, main.place, country)
    ]
    if not towns:
        return hits
    town = towns[0]
    moved = PlaceHit(
        town.start, town.end, town.text, town.name, town.place, town.radius_km, main.role
    )
    return [moved, *(h for h in hits if h is not town)]


def _home_bank(town: PlaceHit, main: PlaceHit, country: str | None) -> bool:
    """North Korean guards catch people on their own bank: the home town the people set
    out from ("three women from Hyesan … crossing the Yalu") is where they were caught."""
    return (
        town.role is PlaceRole.ORIGIN
        and country == "KP"
        and main.place is not None
        and main.place.kind == "river"
        and town.country == "KP"
    )


def _main(hits: list[PlaceHit]) -> PlaceHit | None:
    for role in MAIN_PLACE_ROLES:
        for hit in hits:
            if hit.role is role:
                return hit
    return None


def _inside(town: Place, area: Place, country: str | None) -> bool:
    if area.kind == "country":
        return town.country == area.country
    if area.kind in ("river", "sea") and country is not None and town.country != country:
        return False
    if area.kind in ("province", "prefecture") and town.country != area.country:
        return False
    if town.lat is None or town.lon is None or area.lat is None or area.lon is None:
        return False
    return _km(town.lat, town.lon, area.lat, area.lon) <= area.radius_km


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = radians(lat1), radians(lat2)
    dp, dl = p2 - p1, radians(lon2 - lon1)
    a = sin(dp / 2) ** 2 + cos(p1) * cos(p2) * sin(dl / 2) ** 2
    return 2 * 6371.0 * asin(sqrt(a))
