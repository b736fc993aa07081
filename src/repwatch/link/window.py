"""Which stored incidents a new mention could belong to: a date window and a region.

The store asks only for incidents inside the window, so the cost of linking a
mention grows with how busy its place and time were, not with the whole record.

How the window is drawn:

- **When.** The mention's date range widened by ``DATE_MARGIN_DAYS`` either side
  (reports of one case disagree by days, and "last week" or "in mid-March" are
  approximate). A mention without a date uses the year before its report's
  ``published`` date (a report tells of recent events). Without either, the window
  has no date bounds and is held by its region alone.
- **Where.** A box around every place of the case (where caught, returned, crossed
  or held; else every place named): the place's radius plus ``REGION_MARGIN_KM``.
  The places' province (``admin1``) and country, when they share one, also admit
  stored incidents that cannot be placed in the box: an incident placed only at a
  province or country (stored without ``admin1``) in the same country, and an
  incident without coordinates in the same province. A mention whose places have
  no coordinates is bounded by province and country alone. A mention without any
  place has no region bounds and is held by its dates alone.
- A mention with no date, no published date and no place cannot be bounded:
  ``linkable`` is False and it becomes an incident of its own (an analyst may merge it).

``CandidateWindow.admits`` is the exact rule the store's query implements on
incidents' ``date_lo``/``date_hi``, ``lat``/``lon``, ``admin1`` and ``country``:

    linkable
    AND (date_lo IS NOT NULL OR lat IS NOT NULL OR admin1 IS NOT NULL OR country IS NOT NULL)
    AND (date_lo IS NULL OR (date_hi >= :date_lo AND date_lo <= :date_hi))
    AND (no place on the incident OR no region on the window
         OR lat BETWEEN :lat_min AND :lat_max AND lon BETWEEN :lon_min AND :lon_max
         OR (admin1 IS NULL AND country = :country)
         OR ((lat IS NULL OR no box) AND admin1 = :admin1))

(a NULL bound on the window drops its comparison). An incident without a date
passes the date test, one without a place the region test; one with neither is
never a candidate, since it would match anything.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from repwatch.link.profile import DEFAULT_RADIUS_KM, case_places, date_bounds
from repwatch.model import Incident, Mention

DATE_MARGIN_DAYS = 31
UNDATED_LOOKBACK_DAYS = 365
REGION_MARGIN_KM = 50.0
_KM_PER_DEGREE = 111.32


@dataclass(frozen=True)
class CandidateWindow:
    """Bounds for the store's candidate query; ``None`` is unbounded on that side."""

    date_lo: dt.date | None = None
    date_hi: dt.date | None = None
    lat_min: float | None = None
    lat_max: float | None = None
    lon_min: float | None = None
    lon_max: float | None = None
    admin1: str | None = None  # for incidents (or a mention) without coordinates
    country: str | None = None
    margin_km: float = REGION_MARGIN_KM
    linkable: bool = True

    @property
    def box(self) -> tuple[float, float, float, float] | None:
        """(lat_min, lat_max, lon_min, lon_max), or None when unbounded."""
        if self.lat_min is None or self.lat_max is None:
            return None
        if self.lon_min is None or self.lon_max is None:
            return None
        return self.lat_min, self.lat_max, self.lon_min, self.lon_max

    @property
    def has_region(self) -> bool:
        return self.box is not None or self.admin1 is not None or self.country is not None

    def admits(self, incident: Incident) -> bool:
        """True if ``incident`` falls inside this window (the rule the store's query follows)."""
        lo, hi = date_bounds(incident.date)
        return self.admits_values(
            date_lo=lo,
            date_hi=hi,
            lat=incident.lat,
            lon=incident.lon,
            admin1=incident.admin1,
            country=incident.country,
        )

    def admits_values(
        self,
        *,
        date_lo: dt.date | None,
        date_hi: dt.date | None,
        lat: float | None,
        lon: float | None,
        admin1: str | None,
        country: str | None,
    ) -> bool:
        """``admits`` on an incident's stored columns."""
        if not self.linkable:
            return False
        dated = date_lo is not None and date_hi is not None
        placed = lat is not None or admin1 is not None or country is not None
        if not dated and not placed:
            return False
        if dated and not self._admits_dates(date_lo, date_hi):
            return False
        return not placed or self._admits_region(lat, lon, admin1, country)

    def _admits_dates(self, lo: dt.date | None, hi: dt.date | None) -> bool:
        if self.date_lo is not None and hi is not None and hi < self.date_lo:
            return False
        return not (self.date_hi is not None and lo is not None and lo > self.date_hi)

    def _admits_region(
        self, lat: float | None, lon: float | None, admin1: str | None, country: str | None
    ) -> bool:
        if not self.has_region:
            return True
        box = self.box
        if box is not None and lat is not None and lon is not None:
            if box[0] <= lat <= box[1] and box[2] <= lon <= box[3]:
                return True
        if admin1 is None:  # a province- or country-wide incident may contain the mention
            return country is not None and country == self.country
        if lat is None or box is None:  # no coordinates on one side: compare provinces
            return admin1 == self.admin1
        return False


def candidate_window(mention: Mention, *, published: dt.date | None = None) -> CandidateWindow:
    """The date window and region in which to look for incidents ``mention`` may join;
    ``published`` (its report's date) bounds a mention without a date of its own."""
    date_lo, date_hi = _dates(mention, published)
    box, admin1, country = _region(mention)
    if date_lo is None and date_hi is None and box is None and admin1 is None and not country:
        return CandidateWindow(linkable=False)
    lat_min, lat_max, lon_min, lon_max = box if box else (None, None, None, None)
    return CandidateWindow(
        date_lo=date_lo,
        date_hi=date_hi,
        lat_min=lat_min,
        lat_max=lat_max,
        lon_min=lon_min,
        lon_max=lon_max,
        admin1=admin1,
        country=country,
    )


def _dates(mention: Mention, published: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
    lo, hi = date_bounds(mention.date.value if mention.date else None)
    margin = dt.timedelta(days=DATE_MARGIN_DAYS)
    if lo is not None and hi is not None:
        return lo - margin, hi + margin
    if published is not None:
        return published - dt.timedelta(days=UNDATED_LOOKBACK_DAYS), published
    return None, None


Box = tuple[float, float, float, float]


def _region(mention: Mention) -> tuple[Box | None, str | None, str | None]:
    """A bounding box around the case's places, and their province and country (when
    they all share one), for incidents stored without coordinates."""
    places = case_places(mention)
    box: Box | None = None
    for place in places:
        if place.lat is None or place.lon is None:
            continue
        radius = (place.radius_km or DEFAULT_RADIUS_KM) + REGION_MARGIN_KM
        dlat = radius / _KM_PER_DEGREE
        dlon = radius / (_KM_PER_DEGREE * max(0.01, math.cos(math.radians(place.lat))))
        edges = (place.lat - dlat, place.lat + dlat, place.lon - dlon, place.lon + dlon)
        box = edges if box is None else _union(box, edges)
    admin1s = {p.admin1 for p in places if p.admin1}
    countries = {p.country for p in places if p.country}
    admin1 = admin1s.pop() if len(admin1s) == 1 else None
    country = countries.pop() if len(countries) == 1 else None
    return (_clamp(box) if box else None), admin1, country


def _union(a: Box, b: Box) -> Box:
    return min(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), max(a[3], b[3])


def _clamp(box: Box) -> Box:
    return max(-90.0, box[0]), min(90.0, box[1]), max(-180.0, box[2]), min(180.0, box[3])
