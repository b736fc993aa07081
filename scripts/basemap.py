"""The offline base map, made from Natural Earth's TopoJSON (world-atlas on npm).

Used by ``vendor_static.py``. Country shapes are fills only (no outline), so the
edges that clipping leaves along a box never show; land borders are lines made
from the arcs the topology shares between two countries. The border region is
drawn from the 1:10m data, the wider region of the escape routes (Mongolia,
South-East Asia) from the 1:50m data around it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

Point = tuple[float, float]
Ring = list[Point]
DECIMALS = 4  # about 10 m: finer than the 1:10m source


@dataclass(frozen=True)
class Box:
    west: float
    south: float
    east: float
    north: float

    def contains(self, p: Point) -> bool:
        return self.west <= p[0] <= self.east and self.south <= p[1] <= self.north

    def clip_ring(self, ring: Ring) -> Ring:
        """Sutherland–Hodgman: fine for a fill, whose edges along the box are not drawn."""
        edges = (
            (lambda p: p[0] >= self.west, lambda a, b: _at_x(a, b, self.west)),
            (lambda p: p[0] <= self.east, lambda a, b: _at_x(a, b, self.east)),
            (lambda p: p[1] >= self.south, lambda a, b: _at_y(a, b, self.south)),
            (lambda p: p[1] <= self.north, lambda a, b: _at_y(a, b, self.north)),
        )
        points = ring[:-1] if ring and ring[0] == ring[-1] else ring
        for keep, cut in edges:
            out: Ring = []
            previous = points[-1] if points else (0.0, 0.0)
            for point in points:
                if keep(point):
                    if not keep(previous):
                        out.append(cut(previous, point))
                    out.append(point)
                elif keep(previous):
                    out.append(cut(previous, point))
                previous = point
            points = out
        return [*points, points[0]] if len(points) >= 3 else []

    def clip_line(self, line: Sequence[Point]) -> list[list[Point]]:
        """The parts of a line inside the box."""
        parts: list[list[Point]] = []
        current: list[Point] = []
        for a, b in pairwise(line):
            segment = self._clip_segment(a, b)
            if segment is None or (current and current[-1] != segment[0]):
                if len(current) > 1:
                    parts.append(current)
                current = []
            if segment is None:
                continue
            if not current:
                current = [segment[0]]
            current.append(segment[1])
        if len(current) > 1:
            parts.append(current)
        return parts

    def _clip_segment(self, a: Point, b: Point) -> tuple[Point, Point] | None:
        # Liang–Barsky.
        dx, dy = b[0] - a[0], b[1] - a[1]
        lo, hi = 0.0, 1.0
        for p, q in (
            (-dx, a[0] - self.west),
            (dx, self.east - a[0]),
            (-dy, a[1] - self.south),
            (dy, self.north - a[1]),
        ):
            if p == 0:
                if q < 0:
                    return None
                continue
            t = q / p
            if p < 0:
                lo = max(lo, t)
            else:
                hi = min(hi, t)
            if lo > hi:
                return None
        start = a if lo == 0 else (a[0] + lo * dx, a[1] + lo * dy)
        end = b if hi == 1 else (a[0] + hi * dx, a[1] + hi * dy)
        return start, end


def _at_x(a: Point, b: Point, x: float) -> Point:
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def _at_y(a: Point, b: Point, y: float) -> Point:
    t = (y - a[1]) / (b[1] - a[1])
    return (a[0] + t * (b[0] - a[0]), y)


# The whole China–North Korea border, Beijing, Seoul, Harbin and the Russian Far East.
DETAILED = Box(115.0, 33.0, 137.0, 49.0)
# The escape routes (Mongolia, China's south-west, Laos, Thailand, Vietnam, Cambodia), with
# room enough that the map shows no edge when it is zoomed out to all of them.
WIDE = Box(60.0, -5.0, 160.0, 60.0)
# The wide box less the detailed one, as four boxes.
AROUND = (
    Box(WIDE.west, WIDE.south, DETAILED.west, WIDE.north),
    Box(DETAILED.east, WIDE.south, WIDE.east, WIDE.north),
    Box(DETAILED.west, WIDE.south, DETAILED.east, DETAILED.south),
    Box(DETAILED.west, DETAILED.north, DETAILED.east, WIDE.north),
)
# Mount Paektu's summit, where the boundary passes from the Yalu's head to the Tumen's.
PAEKTU = (128.0775, 41.9933)


# --- TopoJSON ----------------------------------------------------------------------------


@dataclass
class Topology:
    """A world-atlas countries topology: its arcs decoded, its countries by ISO code."""

    arcs: list[list[Point]]
    countries: list[dict[str, Any]]

    @classmethod
    def read(cls, path: Path, iso_codes: dict[str, str]) -> Topology:
        data = json.loads(path.read_text())
        countries = []
        for geometry in data["objects"]["countries"]["geometries"]:
            code = iso_codes.get(str(geometry.get("id", "")).lstrip("0"))
            if code and geometry["type"] in ("Polygon", "MultiPolygon"):
                countries.append({**geometry, "iso_a2": code})
        return cls(decode_arcs(data), countries)

    def arc(self, index: int) -> list[Point]:
        # A negative index ~i means arc i walked backwards.
        return list(reversed(self.arcs[~index])) if index < 0 else self.arcs[index]

    def ring(self, indexes: Sequence[int]) -> Ring:
        ring: Ring = []
        for i in indexes:
            points = self.arc(i)
            ring.extend(points[1:] if ring else points)  # arcs share their end points
        return ring

    def shared_arcs(self) -> dict[int, list[str]]:
        """Arc index → the two countries it divides: the land borders."""
        owners: dict[int, set[str]] = defaultdict(set)
        for country in self.countries:
            for i in arc_ids(country):
                owners[i].add(country["iso_a2"])
        return {i: sorted(c) for i, c in owners.items() if len(c) == 2}

    def boundary(self, pair: list[str]) -> Ring:
        """The boundary between two countries as one line, its arcs joined end to end."""
        pieces = [self.arcs[i] for i, p in self.shared_arcs().items() if p == sorted(pair)]
        line = list(pieces.pop(0))
        while pieces:
            for k, piece in enumerate(pieces):
                if piece[0] == line[-1]:
                    line += piece[1:]
                elif piece[-1] == line[-1]:
                    line += list(reversed(piece))[1:]
                elif piece[-1] == line[0]:
                    line = piece[:-1] + line
                elif piece[0] == line[0]:
                    line = list(reversed(piece))[:-1] + line
                else:
                    continue
                pieces.pop(k)
                break
            else:
                raise ValueError(f"the {pair} boundary is not one line")
        return line


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """The arcs as absolute (lon, lat) points (they are quantised and delta-encoded)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def polygons_of(geometry: dict[str, Any]) -> list[list[list[int]]]:
    return [geometry["arcs"]] if geometry["type"] == "Polygon" else list(geometry["arcs"])


def arc_ids(geometry: dict[str, Any]) -> set[int]:
    return {i if i >= 0 else ~i for polygon in polygons_of(geometry) for r in polygon for i in r}


# --- features ------------------------------------------------------------------------------


def country_features(topology: Topology, boxes: Sequence[Box], detail: str) -> Iterator[Any]:
    for country in topology.countries:
        polygons = []
        for polygon in polygons_of(country):
            rings = [topology.ring(r) for r in polygon]
            for box in boxes:
                clipped = [rounded(box.clip_ring(r)) for r in rings]
                if len(clipped[0]) >= 4:
                    polygons.append([r for r in clipped if len(r) >= 4])
        if polygons:
            yield feature(
                {"type": "MultiPolygon", "coordinates": polygons},
                {
                    "iso_a2": country["iso_a2"],
                    "name": country["properties"]["name"],
                    "detail": detail,
                },
            )


def border_features(topology: Topology, boxes: Sequence[Box], detail: str) -> Iterator[Any]:
    names = {c["iso_a2"]: c["properties"]["name"] for c in topology.countries}
    for i, pair in sorted(topology.shared_arcs().items()):
        parts = [rounded(part) for box in boxes for part in box.clip_line(topology.arcs[i])]
        parts = [p for p in parts if len(p) > 1]
        if parts:
            yield feature(
                {"type": "MultiLineString", "coordinates": parts},
                {"countries": pair, "name": " – ".join(names[c] for c in pair), "detail": detail},
            )


def river_features(topology: Topology) -> Iterator[Any]:
    """The Yalu and the Tumen, drawn along the boundary they form.

    The China–North Korea boundary follows the Yalu from its mouth to Mount Paektu
    and the Tumen from Paektu towards the sea; the Tumen's last reach is the
    Russia–North Korea boundary. Each river runs from its source to its mouth.
    """
    china = topology.boundary(["CN", "KP"])
    if china[0][0] > china[-1][0]:
        china.reverse()  # west (the Yalu's mouth) to east
    split = min(range(len(china)), key=lambda k: _distance2(china[k], PAEKTU))
    russia = topology.boundary(["KP", "RU"])
    if _distance2(russia[0], china[-1]) > _distance2(russia[-1], china[-1]):
        russia.reverse()
    rivers = (
        ("Yalu", "압록강", "鸭绿江", list(reversed(china[: split + 1]))),
        ("Tumen", "두만강", "图们江", china[split:] + russia[1:]),
    )
    for name, hangul, chinese, line in rivers:
        yield feature(
            {"type": "LineString", "coordinates": rounded(line)},
            {
                "name": name,
                "name_ko": hangul,
                "name_zh": chinese,
                "drawn_as": "the international boundary it forms (Natural Earth 1:10m)",
            },
        )


def _distance2(a: Point, b: Point) -> float:
    return (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2


def rounded(points: Iterable[Point]) -> list[list[float]]:
    out: list[list[float]] = []
    for x, y in points:
        point = [round(x, DECIMALS), round(y, DECIMALS)]
        if not out or out[-1] != point:
            out.append(point)
    return out


def feature(geometry: dict[str, Any], properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": "Feature", "properties": properties, "geometry": geometry}


def collection(features: Iterable[dict[str, Any]]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": list(features)}


def write_json(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")
    return path


def write_basemap(fine: Topology, coarse: Topology, folder: Path) -> list[Path]:
    """countries, borders and rivers: 1:10m in the border region, 1:50m around it."""
    files = {
        "countries.geojson": [
            *country_features(coarse, AROUND, "50m"),
            *country_features(fine, [DETAILED], "10m"),
        ],
        "borders.geojson": [
            *border_features(coarse, AROUND, "50m"),
            *border_features(fine, [DETAILED], "10m"),
        ],
        "rivers.geojson": list(river_features(fine)),
    }
    folder.mkdir(parents=True, exist_ok=True)
    return [write_json(folder / name, collection(found)) for name, found in files.items()]


def write_cities(folder: Path) -> Path:
    """The gazetteer's cities inside the map's extent, as labels."""
    from repwatch.gazetteer import default_gazetteer

    features = [
        feature(
            {"type": "Point", "coordinates": [place.lon, place.lat]},
            {"id": place.id, "name": place.name, "country": place.country},
        )
        for place in default_gazetteer().places(kind="city")
        if place.lat is not None and place.lon is not None and WIDE.contains((place.lon, place.lat))
    ]
    return write_json(folder / "cities.geojson", collection(features))
