"""How fast new mentions are linked against a large record.

    python benchmarks/link_speed.py [--stored 100000] [--new 10000] [--seed 1]

Synthesises ``--stored`` incidents (one or two mentions each: dates 2000-2020,
places drawn from the gazetteer's China-North Korea border places, a few at
province level, counts and acts) and ``--new`` mentions, about half of them
retellings of stored incidents (count, date and place a little off) and half new.
The stored incidents are indexed in memory by (month, 1-degree cell), plus
(month, country) for incidents placed only at a province or country, which is
what the store's query on the window's dates and box does with its indexes. Then
for each new mention: ``candidate_window``, the index lookup, ``window.admits``
on each hit, ``decide``. Prints mentions per second, total seconds, candidates
per mention and the decisions. Not a test. No report texts: the details feature
is not exercised here.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import random
import time
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass

from repwatch.gazetteer import default_gazetteer
from repwatch.link import CandidateWindow, candidate_window, date_bounds, decide
from repwatch.model import (
    Act,
    ActMention,
    DateRange,
    Incident,
    Mention,
    Modality,
    Perpetrator,
    Place,
    PlaceMention,
    PlaceRole,
    Sourced,
    VictimCount,
)

SYNTH = "synthetic"
FIRST_DAY = dt.date(2000, 1, 1).toordinal()
LAST_DAY = dt.date(2020, 12, 31).toordinal()
ACT_SETS = (
    (Act.ARREST,),
    (Act.ARREST, Act.REPATRIATION),
    (Act.ARREST, Act.DETENTION, Act.REPATRIATION),
    (Act.CROSSING, Act.ARREST),
    (Act.CROSSING, Act.DEATH),
    (Act.REPATRIATION, Act.PUNISHMENT),
)


def border_places() -> tuple[list[Place], list[Place]]:
    """Towns, cities and crossings of the border region, and its provinces."""
    places = default_gazetteer().places()
    region = [p for p in places if p.country in ("CN", "KP") and p.lat and p.lon]
    region = [p for p in region if 39.5 <= (p.lat or 0) <= 44.0 and 123.0 <= (p.lon or 0) <= 131]
    local = [p for p in region if p.kind in ("city", "town", "crossing", "village", "district")]
    wide = [p for p in region if p.kind in ("province", "prefecture")]
    return local, wide


def make_mention(
    rng: random.Random, report_id: str, place: Place, first: int, last: int, count: int
) -> Mention:
    acts = rng.choice(ACT_SETS)
    day = dt.date.fromordinal(first)
    date = (
        DateRange(start=day.isoformat(), end=dt.date.fromordinal(last).isoformat())
        if rng.random() < 0.75
        else DateRange(start=day.isoformat()[:7], end=day.isoformat()[:7])
    )
    return Mention(
        report_id=report_id,
        acts=tuple(ActMention(act=a, modality=Modality.OCCURRED, producer=SYNTH) for a in acts),
        victims=Sourced(value=VictimCount.exactly(count), producer=SYNTH),
        places=(
            PlaceMention(
                name=place.name,
                role=PlaceRole.CAUGHT,
                place_id=place.id,
                lat=place.lat,
                lon=place.lon,
                radius_km=place.radius_km,
                admin1=place.admin1,
                country=place.country,
                producer=SYNTH,
            ),
        ),
        date=Sourced(value=date, producer=SYNTH),
        perpetrator=Sourced(value=Perpetrator.CHINA, producer=SYNTH),
        extractor=SYNTH,
    )


def pick_place(rng: random.Random, local: list[Place], wide: list[Place]) -> Place:
    return rng.choice(wide) if rng.random() < 0.05 else rng.choice(local)


def random_mention(
    rng: random.Random, report_id: str, local: list[Place], wide: list[Place]
) -> Mention:
    first = rng.randint(FIRST_DAY, LAST_DAY)
    last = first + (0 if rng.random() < 0.7 else rng.randint(1, 10))
    count = max(1, int(rng.lognormvariate(1.3, 0.8)))
    return make_mention(rng, report_id, pick_place(rng, local, wide), first, last, count)


def retelling(rng: random.Random, report_id: str, of: Mention, places: list[Place]) -> Mention:
    """Another report of the same case: a day or two off, a count one off, maybe a
    neighbouring place."""
    lo, hi = date_bounds(of.date.value if of.date else None)
    assert lo is not None and hi is not None and of.victims is not None
    shift = rng.randint(-3, 3)
    count = max(1, (of.victims.value.min or 1) + rng.choice((-1, 0, 0, 0, 1)))
    place = of.places[0]
    near = [p for p in places if _km(p, place) < 15] if rng.random() < 0.3 else []
    chosen = rng.choice(near) if near else next(p for p in places if p.id == place.place_id)
    first, last = lo.toordinal() + shift, hi.toordinal() + shift
    return make_mention(rng, report_id, chosen, first, last, count)


def _km(place: Place, other: PlaceMention) -> float:
    dlat = (place.lat or 0) - (other.lat or 0)
    dlon = ((place.lon or 0) - (other.lon or 0)) * math.cos(math.radians(other.lat or 0))
    return 111.2 * math.hypot(dlat, dlon)


@dataclass
class Stored:
    mentions: list[Mention]
    incident: Incident

    def __post_init__(self) -> None:
        # The dates as the store's date_lo/date_hi columns hold them.
        self.date_lo, self.date_hi = date_bounds(self.incident.date)

    def admitted(self, window: CandidateWindow) -> bool:
        """``window.admits(incident)`` on the stored columns, as the store's query tests it."""
        i = self.incident
        return window.admits_values(
            date_lo=self.date_lo, date_hi=self.date_hi, lat=i.lat, lon=i.lon,
            admin1=i.admin1, country=i.country,
        )  # fmt: skip


class Index:
    """Stored incidents by (month, 1-degree cell), and by (month, country) for incidents
    with coordinates but no province (province- or country-wide places)."""

    def __init__(self) -> None:
        self.by_cell: dict[tuple[int, int, int], list[int]] = defaultdict(list)
        self.by_country: dict[tuple[int, str], list[int]] = defaultdict(list)
        self.stored: list[Stored] = []

    def add(self, stored: Stored) -> None:
        key = len(self.stored)
        self.stored.append(stored)
        incident = stored.incident
        for month in _months(*date_bounds(incident.date)):
            if incident.admin1 is None and incident.country:
                self.by_country[(month, incident.country)].append(key)
            if incident.lat is not None and incident.lon is not None:
                cell = (month, math.floor(incident.lat), math.floor(incident.lon))
                self.by_cell[cell].append(key)

    def candidates(self, window: CandidateWindow) -> dict[Hashable, Sequence[Mention]]:
        box = window.box
        assert box is not None and window.date_lo is not None and window.date_hi is not None
        hits: set[int] = set()
        for month in _months(window.date_lo, window.date_hi):
            for lat in range(math.floor(box[0]), math.floor(box[1]) + 1):
                for lon in range(math.floor(box[2]), math.floor(box[3]) + 1):
                    hits.update(self.by_cell.get((month, lat, lon), ()))
            if window.country:
                hits.update(self.by_country.get((month, window.country), ()))
        return {
            key: self.stored[key].mentions
            for key in sorted(hits)
            if self.stored[key].admitted(window)
        }


def _months(lo: dt.date | None, hi: dt.date | None) -> Iterator[int]:
    assert lo is not None and hi is not None
    yield from range(lo.year * 12 + lo.month - 1, hi.year * 12 + hi.month)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stored", type=int, default=100_000)
    parser.add_argument("--new", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    local, wide = border_places()
    everywhere = local + wide

    started = time.perf_counter()
    index = Index()
    for n in range(args.stored):
        first = random_mention(rng, f"stored-{n}", local, wide)
        mentions = [first]
        if rng.random() < 0.3:
            mentions.append(retelling(rng, f"stored-{n}b", first, everywhere))
        index.add(Stored(mentions, Incident.from_mention(first)))
    new = [
        retelling(rng, f"new-{n}", rng.choice(index.stored).mentions[0], everywhere)
        if n % 2 == 0
        else random_mention(rng, f"new-{n}", local, wide)
        for n in range(args.new)
    ]
    built = time.perf_counter() - started
    print(
        f"synthesised {args.stored:,} stored incidents over {len(everywhere)} border places "
        f"and {args.new:,} new mentions in {built:.1f} s"
    )

    actions: Counter[str] = Counter()
    found = 0
    started = time.perf_counter()
    for mention in new:
        window = candidate_window(mention)
        candidates = index.candidates(window)
        found += len(candidates)
        actions[decide(mention, candidates).action] += 1
    elapsed = time.perf_counter() - started
    print(
        f"linked {args.new:,} mentions in {elapsed:.1f} s ({args.new / elapsed:,.0f} mentions/s); "
        f"{found / args.new:.0f} candidate incidents per mention; "
        + ", ".join(f"{action} {n:,}" for action, n in sorted(actions.items()))
    )


if __name__ == "__main__":
    main()
