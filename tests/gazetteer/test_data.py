"""The shipped gazetteer data: complete, honest about its sources, and checked on load."""

from __future__ import annotations

import csv
import time
from pathlib import Path

import pytest

from repwatch.errors import InputError, NotFound
from repwatch.gazetteer import KINDS, Gazetteer
from repwatch.gazetteer.data import COLUMNS, load_entries, shipped_path

# Rough boxes around each country's territory: a point outside its own box
# means swapped coordinates or a typo.
BOXES = {
    "KP": (37.6, 43.1, 124.1, 130.8),
    "KR": (33.0, 38.7, 124.5, 131.0),
    "CN": (18.0, 53.6, 73.0, 135.1),
    "RU": (41.1, 82.0, 19.0, 180.0),
    "MN": (41.5, 52.2, 87.7, 120.0),
    "LA": (13.9, 22.6, 100.0, 107.7),
    "VN": (8.4, 23.4, 102.1, 109.5),
    "TH": (5.6, 20.5, 97.3, 105.7),
    "MM": (9.6, 28.6, 92.1, 101.2),
    "KH": (10.4, 14.7, 102.3, 107.7),
}
# Both banks end to end; crossings and the corner; rivers, provinces, routes, countries.
IN_SCOPE = """
    cn-dandong cn-kuandian cn-jian cn-linjiang cn-changbai cn-helong cn-longjing cn-tumen
    cn-hunchun kp-sinuiju kp-uiju kp-sakju kp-manpo kp-junggang kp-hyesan kp-samjiyon
    kp-musan kp-hoeryong kp-onsong kp-namyang kp-saebyol kp-rason

    crossing-sino-korean-friendship-bridge crossing-new-yalu-river-bridge
    crossing-tumen-namyang crossing-quanhe-wonjong crossing-changbai-hyesan
    crossing-jian-manpo crossing-nanping-musan crossing-sanhe-hoeryong
    crossing-kaishantun-onsong ru-khasan kp-tumangang

    river-yalu river-tumen river-yalu-mouth river-tumen-mouth cn-yanbian kp-north-pyongan
    kp-chagang kp-ryanggang kp-north-hamgyong cn-liaoning cn-jilin-province cn-shenyang
    cn-changchun cn-yanji cn-qingdao cn-beijing cn-kunming cn-nanning cn-pingxiang
    cn-xishuangbanna cn-mengla cn-erenhot la-laos vn-vietnam th-thailand mn-mongolia ru-russia
"""
SCOPE = IN_SCOPE.split()


def test_the_shipped_gazetteer_loads_fast(gazetteer: Gazetteer) -> None:
    started = time.perf_counter()
    Gazetteer.from_csv()
    assert time.perf_counter() - started < 0.5


@pytest.mark.parametrize("place_id", SCOPE)
def test_the_gazetteer_covers_the_border_end_to_end(gazetteer: Gazetteer, place_id: str) -> None:
    place = gazetteer.get(place_id)
    assert place.lat is not None and place.lon is not None


def test_every_place_says_where_its_coordinates_come_from(gazetteer: Gazetteer) -> None:
    for place in gazetteer.places():
        assert place.source.startswith(("GeoNames ", "curated")), place.id
        assert place.kind in KINDS


def test_every_place_lies_inside_its_country(gazetteer: Gazetteer) -> None:
    for place in gazetteer.places():
        south, north, west, east = BOXES[place.country]
        assert place.lat is not None and place.lon is not None
        assert south <= place.lat <= north and west <= place.lon <= east, place.id


def test_border_places_carry_names_in_every_script(gazetteer: Gazetteer) -> None:
    for place_id in ("kp-sinuiju", "kp-hyesan", "kp-hoeryong", "kp-onsong"):
        names = gazetteer.get(place_id).names
        assert any("\uac00" <= c <= "\ud7a3" for n in names for c in n), place_id  # Hangul
        assert any("\u4e00" <= c <= "\u9fff" for n in names for c in n), place_id  # Chinese
        assert any(not n.isascii() and n.isalpha() for n in names if " " not in n), place_id


def test_north_korean_places_name_their_province_as_the_province_is_named(
    gazetteer: Gazetteer,
) -> None:
    provinces = {name for p in gazetteer.places(kind="province", country="KP") for name in p.names}
    for place in gazetteer.places(country="KP"):
        if place.admin1 not in (None, "Rason", "Pyongyang"):
            assert place.admin1 in provinces, place.id


def test_places_filter_by_kind_and_country(gazetteer: Gazetteer) -> None:
    provinces = gazetteer.places(kind="province", country="kp")
    assert provinces and all(p.kind == "province" and p.country == "KP" for p in provinces)
    assert {"kp-north-pyongan", "kp-north-hamgyong"} <= {p.id for p in provinces}


def test_get_raises_not_found_for_an_unknown_id(gazetteer: Gazetteer) -> None:
    with pytest.raises(NotFound):
        gazetteer.get("kp-atlantis")


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


def row(**values: str) -> dict[str, str]:
    base = {column: "" for column in COLUMNS}
    base.update(id="xx-a", name="A", kind="city", country="CN", lat="40", lon="120")
    base.update(radius_km="5", source="curated")
    base.update(values)
    return base


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        pytest.param({"kind": "planet"}, "kind 'planet'", id="unknown-kind"),
        pytest.param({"source": ""}, "where its coordinates come from", id="no-source"),
        pytest.param({"lat": "north"}, "xx-a", id="bad-number"),
        pytest.param({"lat": "140"}, "out of range", id="out-of-range"),
        pytest.param({"name": "", "en": ""}, "has no name", id="no-name"),
    ],
)
def test_loading_a_bad_row_names_the_line_and_the_reason(
    tmp_path: Path, bad: dict[str, str], reason: str
) -> None:
    path = write_csv(tmp_path / "places.csv", [row(id="xx-ok"), row(**bad)])
    with pytest.raises(InputError) as caught:
        load_entries(path)
    assert caught.value.source == "places.csv:3"
    assert reason in caught.value.reason


def test_loading_rejects_a_duplicate_id(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "places.csv", [row(), row()])
    with pytest.raises(InputError, match="duplicate place id"):
        load_entries(path)


def test_loading_a_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        load_entries(tmp_path / "absent.csv")


def test_a_place_added_to_the_csv_is_looked_up_by_every_name(tmp_path: Path) -> None:
    added = row(id="cn-test", name="Testville", en="Testville", hangul="테스트", zh_hans="测试镇")
    gazetteer = Gazetteer.from_csv(write_csv(tmp_path / "places.csv", [added]), fallback=False)
    for name in ("Testville", "테스트", "测试镇"):
        assert gazetteer.resolve(name).place == gazetteer.get("cn-test")


def test_the_shipped_csv_is_inside_the_package() -> None:
    assert shipped_path().name == "places.csv"
    assert shipped_path().is_file()
