"""Every spelling of every border-pair city resolves within 5 km of the right point.

The reference points are written here, independently of places.csv: GeoNames
coordinates, or the dev corpus gold where that is where reports put the place.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from repwatch.gazetteer import Gazetteer

Distance = Callable[[float, float, float, float], float]

# place id: (reference lat, lon, spellings a report may use)
BORDER_PAIRS: dict[str, tuple[float, float, tuple[str, ...]]] = {
    "cn-dandong": (40.1292, 124.3947, ("Dandong", "DANDONG", "Tantung", "丹东", "丹東", "단둥")),
    "kp-sinuiju": (
        40.1006,
        124.3981,
        (
            "Sinuiju",
            "Sinŭiju",
            "Shinuiju",
            "Sin-uiju",
            "Sinuiju City",
            "신의주",
            "新义州",
            "新義州",
        ),
    ),
    "cn-changbai": (41.4177, 128.1962, ("Changbai", "Changbai County", "长白", "長白", "장백")),
    "kp-hyesan": (41.4017, 128.1778, ("Hyesan", "Hyesan City", "Hyesan-si", "혜산", "惠山")),
    "cn-jian": (41.1262, 126.1940, ("Ji'an", "Ji’an", "Jian", "Ji-an", "Ji'an City", "集安")),
    "kp-manpo": (
        41.1547,
        126.2894,
        ("Manpo", "Manp'o", "Manp’o", "Manpho", "만포", "满浦", "滿浦"),
    ),
    "cn-sanhe": (42.4700, 129.7100, ("Sanhe", "Sanhe Town", "三合镇", "삼합")),
    "kp-hoeryong": (
        42.4431,
        129.7508,
        ("Hoeryong", "Hoeryŏng", "Hoeryeong", "Hweryong", "회령", "會寧", "会宁"),
    ),
    "cn-nanping": (42.2400, 129.1900, ("Nanping", "Nanping Town", "南坪", "남평")),
    "kp-musan": (42.2261, 129.2078, ("Musan", "Musan-ŭp", "Musan-eup", "무산", "茂山")),
    "cn-tumen": (42.9667, 129.8431, ("Tumen", "Tumen City", "图们", "圖們", "도문")),
    "kp-namyang": (42.9504, 129.8557, ("Namyang", "Namyang Workers' District", "남양")),
    "cn-kaishantun": (42.7100, 129.7300, ("Kaishantun", "开山屯", "개산툰")),
    "kp-onsong": (42.9570, 129.9930, ("Onsong", "Onsŏng", "Onseong", "온성", "稳城", "穩城")),
    "cn-linjiang": (41.8069, 126.9078, ("Linjiang", "Linjiang City", "临江", "臨江")),
    "kp-junggang": (41.7772, 126.8736, ("Junggang", "Chunggang", "중강")),
    "cn-hunchun": (42.8679, 130.3570, ("Hunchun", "Hunchun City", "珲春", "琿春", "훈춘")),
    "kp-rason": (42.2556, 130.2831, ("Rason", "Rasŏn", "Raseon", "Rajin-Sonbong", "라선", "罗先")),
    "cn-kuandian": (40.7286, 124.7847, ("Kuandian", "Kuandian County", "宽甸", "寬甸")),
    "kp-uiju": (40.1994, 124.5317, ("Uiju", "Ŭiju", "의주", "義州")),
    "cn-helong": (42.5464, 129.0110, ("Helong", "Helong City", "和龙", "和龍", "화룡")),
    "kp-samjiyon": (41.8036, 128.3189, ("Samjiyon", "Samjiyŏn", "Samjiyeon", "삼지연")),
}

WRITTEN = [
    pytest.param(place_id, spelling, id=f"{place_id}-{spelling}")
    for place_id, (_, _, spellings) in BORDER_PAIRS.items()
    for spelling in spellings
]


@pytest.mark.parametrize(("place_id", "spelling"), WRITTEN)
def test_border_city_spelling_resolves_within_5_km(
    gazetteer: Gazetteer, km: Distance, place_id: str, spelling: str
) -> None:
    lat, lon, _ = BORDER_PAIRS[place_id]
    resolution = gazetteer.resolve(spelling)
    assert resolution.place is not None, spelling
    assert resolution.place.lat is not None and resolution.place.lon is not None
    assert km(lat, lon, resolution.place.lat, resolution.place.lon) <= 5.0
    assert resolution.place.id == place_id


@pytest.mark.parametrize("place_id", sorted(BORDER_PAIRS))
def test_every_listed_name_of_a_border_city_is_its_best_candidate(
    gazetteer: Gazetteer, km: Distance, place_id: str
) -> None:
    lat, lon, _ = BORDER_PAIRS[place_id]
    for name in gazetteer.get(place_id).names:
        best = gazetteer.lookup(name, limit=1)
        assert best, name
        place = best[0].place
        assert place.lat is not None and place.lon is not None
        assert km(lat, lon, place.lat, place.lon) <= 5.0, name


@pytest.mark.parametrize("place_id", sorted(BORDER_PAIRS))
def test_border_city_is_found_in_running_text(gazetteer: Gazetteer, place_id: str) -> None:
    spelling = BORDER_PAIRS[place_id][2][0]
    text = f"Police detained them in {spelling} last week."
    matches = gazetteer.find(text)
    assert [m.place.id for m in matches if m.place] == [place_id]
    assert text[matches[0].name_start : matches[0].name_end] == spelling
