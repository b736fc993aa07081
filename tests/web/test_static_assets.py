"""The vendored scripts and the offline base map: present, licensed, unaltered, and
loading nothing from the network."""

from __future__ import annotations

import hashlib
import json
import math
import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from repwatch.gazetteer import default_gazetteer
from repwatch.web.app import STATIC

TEMPLATES = STATIC.parent / "templates"
VENDORED = STATIC / "vendor" / "VENDORED.md"
BASEMAP = STATIC / "basemap"

LOADED = [
    "vendor/leaflet/leaflet.js",
    "vendor/leaflet/leaflet.css",
    "vendor/leaflet.markercluster/leaflet.markercluster.js",
    "vendor/leaflet.markercluster/MarkerCluster.css",
    "vendor/leaflet.markercluster/MarkerCluster.Default.css",
    "vendor/htmx/htmx.min.js",
    "js/map.js",
]


def geojson(name: str) -> dict[str, Any]:
    data = json.loads((BASEMAP / name).read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        assert isinstance(feature["properties"], dict)
        assert feature["geometry"]["type"] in {
            "Point",
            "LineString",
            "MultiLineString",
            "MultiPolygon",
        }
        for lon, lat in points(feature["geometry"]):
            assert -180 <= lon <= 180 and -90 <= lat <= 90
    return data


def points(geometry: dict[str, Any]) -> list[tuple[float, float]]:
    def walk(value: Any) -> list[tuple[float, float]]:
        if isinstance(value[0], int | float):
            return [(value[0], value[1])]
        return [p for item in value for p in walk(item)]

    return walk(geometry["coordinates"])


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Distance between two (lon, lat) points, near enough for tens of kilometres."""
    dx = (a[0] - b[0]) * 111.32 * math.cos(math.radians((a[1] + b[1]) / 2))
    dy = (a[1] - b[1]) * 110.57
    return math.hypot(dx, dy)


def place(place_id: str) -> tuple[float, float]:
    found = default_gazetteer().get(place_id)
    assert found.lon is not None and found.lat is not None
    return (found.lon, found.lat)


@pytest.mark.parametrize("folder", ["leaflet", "leaflet.markercluster", "htmx"])
def test_each_vendored_package_keeps_its_licence(folder: str) -> None:
    licence = (STATIC / "vendor" / folder / "LICENSE").read_text(encoding="utf-8")
    assert re.search(r"permission|licen[cs]e|BSD", licence, re.IGNORECASE)
    assert (BASEMAP / "LICENSE").is_file()


def test_vendored_md_lists_every_file_with_its_hash() -> None:
    listed = dict(
        re.findall(r"^\| `([^`]+)` \| [^|]+ \| `([0-9a-f]{64})` \|$", VENDORED.read_text(), re.M)
    )
    on_disk = {
        p.relative_to(STATIC).as_posix()
        for folder in ("vendor", "basemap")
        for p in (STATIC / folder).rglob("*")
        if p.is_file() and p != VENDORED
    }
    assert set(listed) == on_disk
    for name, digest in listed.items():
        assert hashlib.sha256((STATIC / name).read_bytes()).hexdigest() == digest, name


def test_vendored_versions_are_the_pinned_ones() -> None:
    table = VENDORED.read_text()
    assert re.search(r"^\| leaflet \| 1\.9\.\d+ \|", table, re.M)
    assert re.search(r"^\| leaflet\.markercluster \| 1\.5\.\d+ \|", table, re.M)
    assert re.search(r"^\| htmx\.org \| 2\.\d+\.\d+ \|", table, re.M)
    assert 'version:"2.' in (STATIC / "vendor/htmx/htmx.min.js").read_text()


def test_nothing_the_pages_load_reaches_the_network() -> None:
    # Templates may link elsewhere, but never load a script, style or image from there.
    remote = r"""\s*=\s*["']?(https?:)?//"""
    for template in TEMPLATES.rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        assert not re.search(r"\ssrc" + remote, text), template
        assert not re.search(r"<link\b[^>]*\shref" + remote, text), template
    for name in LOADED:
        text = (STATIC / name).read_text(encoding="utf-8")
        if name.endswith(".css"):
            assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), name
            assert "@import" not in text, name
    # The map script names no host at all: online tiles come only from its data-tile-url.
    script = (STATIC / "js/map.js").read_text(encoding="utf-8")
    assert not re.search(r"https?:|[\"']//", script)


def test_map_script_writes_data_as_text_only() -> None:
    script = (STATIC / "js/map.js").read_text(encoding="utf-8")
    assert "data-markers-drawn" in script
    assert "textContent" in script
    assert not re.search(r"innerHTML\s*=|insertAdjacentHTML|outerHTML\s*=|document\.write", script)
    assert not re.search(r"\beval\(|new Function", script)
    assert 'setAttribute("style"' not in script


def test_base_map_is_small() -> None:
    size = sum(p.stat().st_size for p in BASEMAP.iterdir())
    assert size < 1.5 * 1024 * 1024


def test_base_map_has_the_china_north_korea_border() -> None:
    borders = geojson("borders.geojson")["features"]
    ours = [f for f in borders if f["properties"]["countries"] == ["CN", "KP"]]
    assert ours, "no CN–KP border"
    line = [p for f in ours for p in points(f["geometry"])]
    # The border runs from the Yalu's mouth by Sinuiju to the Tumen by Namyang.
    assert min(km(p, place("kp-sinuiju")) for p in line) < 10
    assert min(km(p, place("kp-hyesan")) for p in line) < 10
    assert min(km(p, place("cn-tumen")) for p in line) < 10


def test_base_map_has_the_yalu_and_the_tumen() -> None:
    rivers = {f["properties"]["name"]: f for f in geojson("rivers.geojson")["features"]}
    assert set(rivers) == {"Yalu", "Tumen"}
    yalu = points(rivers["Yalu"]["geometry"])
    tumen = points(rivers["Tumen"]["geometry"])
    # Each from its source on Mount Paektu to its mouth.
    paektu = place("mountain-paektu")
    assert km(yalu[0], paektu) < 15 and km(tumen[0], paektu) < 15
    assert km(yalu[-1], place("cn-dandong")) < 25
    assert min(km(p, place("cn-jian")) for p in yalu) < 10
    assert min(km(p, place("kp-hoeryong")) for p in tumen) < 10
    assert tumen[-1][0] > 130.5  # past Rason, at the sea


def test_base_map_has_the_countries_of_the_region() -> None:
    countries = {f["properties"]["iso_a2"] for f in geojson("countries.geojson")["features"]}
    assert {"CN", "KP", "KR", "RU", "MN", "JP", "LA", "TH", "VN"} <= countries


def test_base_map_cities_are_the_gazetteers() -> None:
    cities = geojson("cities.geojson")["features"]
    names = {f["properties"]["name"] for f in cities}
    assert {"Dandong", "Sinuiju", "Hyesan", "Yanji", "Pyongyang", "Shenyang"} <= names
    for city in cities:
        found = default_gazetteer().get(city["properties"]["id"])
        assert found.kind == "city"
        assert city["geometry"]["coordinates"] == [found.lon, found.lat]


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/static/vendor/leaflet/leaflet.js", "javascript"),
        ("/static/vendor/htmx/htmx.min.js", "javascript"),
        ("/static/js/map.js", "javascript"),
        ("/static/basemap/rivers.geojson", ""),
    ],
)
def test_the_app_serves_the_assets(anonymous: TestClient, path: str, kind: str) -> None:
    response = anonymous.get(path)
    assert response.status_code == 200
    assert kind in response.headers["content-type"]


def test_assets_ship_with_the_package() -> None:
    pyproject = (Path(__file__).resolve().parents[2] / "pyproject.toml").read_text()
    assert "web/static/**/*" in pyproject
