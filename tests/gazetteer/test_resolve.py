"""resolve(): one phrase, read in context, to one place with an honest radius, or to none."""

from __future__ import annotations

import pytest

from repwatch.gazetteer import Gazetteer


@pytest.mark.parametrize(
    ("phrase", "place_id"),
    [
        pytest.param("Tumen", "cn-tumen", id="bare-name-is-the-city"),
        pytest.param("Tumen City", "cn-tumen", id="city-suffix"),
        pytest.param("the city of Tumen", "cn-tumen", id="city-of"),
        pytest.param("the Tumen River", "river-tumen", id="river-suffix"),
        pytest.param("the Tumen river", "river-tumen", id="river-lower-case"),
        pytest.param("the Tumen", "river-tumen", id="the-before-the-name-is-the-river"),
        pytest.param("the Tuman-gang", "river-tumen", id="korean-name-of-the-river"),
        pytest.param("두만강", "river-tumen", id="hangul-river"),
        pytest.param("图们江", "river-tumen", id="chinese-river"),
        pytest.param("图们", "cn-tumen", id="chinese-city"),
        pytest.param("the Yalu", "river-yalu", id="yalu-is-the-river"),
        pytest.param("Amnok River", "river-yalu", id="korean-name-of-the-yalu"),
        pytest.param("Namyang", "kp-namyang", id="namyang-defaults-to-the-border-town"),
        pytest.param("Jilin Province", "cn-jilin-province", id="jilin-province"),
        pytest.param("Jilin City", "cn-jilin", id="jilin-city"),
        pytest.param("Ji'an", "cn-jian", id="jian-defaults-to-the-border-city"),
        pytest.param("Friendship Bridge", "crossing-sino-korean-friendship-bridge", id="bridge"),
        pytest.param("the Tumen-Namyang bridge", "crossing-tumen-namyang", id="crossing"),
        pytest.param("Changbai Mountain", "mountain-paektu", id="mountain-not-county"),
    ],
)
def test_resolve_reads_the_words_around_a_name(
    gazetteer: Gazetteer, phrase: str, place_id: str
) -> None:
    resolution = gazetteer.resolve(phrase)
    assert resolution.place is not None
    assert resolution.place.id == place_id


def test_namyang_in_a_south_korean_context_is_the_south_korean_town(gazetteer: Gazetteer) -> None:
    context = "She now lives in Gyeonggi Province, south of Seoul."
    assert gazetteer.resolve("Namyang", context=context).place.id == "kr-namyang"  # type: ignore[union-attr]
    border = "She crossed from North Hamgyong Province."
    assert gazetteer.resolve("Namyang", context=border).place.id == "kp-namyang"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("phrase", "place_id"),
    [
        ("Nanping, Helong", "cn-nanping"),
        ("Sanhe (opposite Hoeryŏng)", "cn-sanhe"),
        ("the Chinese bank of the Yalu near Hyesan", "kp-hyesan"),
        ("Oudomxay Province, Laos", "la-oudomxay"),
    ],
)
def test_a_phrase_naming_several_places_resolves_to_the_most_precise(
    gazetteer: Gazetteer, phrase: str, place_id: str
) -> None:
    assert gazetteer.resolve(phrase).place == gazetteer.get(place_id)


def test_a_province_resolves_as_a_province_with_a_large_radius(gazetteer: Gazetteer) -> None:
    resolution = gazetteer.resolve("North Pyongan Province")
    assert resolution.place is not None
    assert resolution.place.kind == "province"
    assert resolution.place.id == "kp-north-pyongan"
    assert resolution.radius_km is not None and resolution.radius_km >= 50


def test_a_village_near_a_town_keeps_the_town_and_widens_the_radius(gazetteer: Gazetteer) -> None:
    phrase = "a village near Hyesan"
    resolution = gazetteer.resolve(phrase)
    hyesan = gazetteer.get("kp-hyesan")
    assert resolution.place == hyesan
    assert resolution.qualifier == "near"
    assert resolution.radius_km is not None and resolution.radius_km > hyesan.radius_km + 10
    assert phrase[resolution.start : resolution.end] == "near Hyesan"


def test_near_the_town_of_widens_the_radius_whatever_the_town_is_called(
    gazetteer: Gazetteer,
) -> None:
    for phrase in ("near the town of Musan", "near the North Korean town of Musan"):
        resolution = gazetteer.resolve(phrase)
        assert resolution.place == gazetteer.get("kp-musan")
        assert resolution.qualifier == "near"
        assert phrase[resolution.start : resolution.end] == phrase


def test_the_mouth_of_the_yalu_resolves_to_the_river_mouth(gazetteer: Gazetteer) -> None:
    for phrase in ("the mouth of the Yalu River", "the mouth of the Yalu", "Yalu River estuary"):
        resolution = gazetteer.resolve(phrase)
        assert resolution.place is not None, phrase
        assert resolution.place.id == "river-yalu-mouth", phrase
        assert resolution.place.kind == "river_mouth"


def test_across_the_river_from_a_town_keeps_the_town(gazetteer: Gazetteer) -> None:
    phrase = "across the river from Changbai"
    resolution = gazetteer.resolve(phrase)
    changbai = gazetteer.get("cn-changbai")
    assert resolution.place == changbai
    assert resolution.qualifier == "across_from"
    assert resolution.radius_km is not None and resolution.radius_km > changbai.radius_km
    assert (resolution.start, resolution.end) == (0, len(phrase))


@pytest.mark.parametrize(
    "phrase", ["Atlantis", "a farm somewhere in the hills", "Xanadu Province", "Zzyzx", ""]
)
def test_an_unknown_name_is_unresolved_with_its_span(gazetteer: Gazetteer, phrase: str) -> None:
    text = f"  {phrase} "
    resolution = gazetteer.resolve(text)
    assert resolution.place is None
    assert resolution.radius_km is None
    assert not resolution.resolved
    assert text[resolution.start : resolution.end] == phrase


def test_a_misspelt_border_city_resolves_to_the_close_curated_name(gazetteer: Gazetteer) -> None:
    resolution = gazetteer.resolve("Sinuju")
    assert resolution.place is not None and resolution.place.id == "kp-sinuiju"
    assert "close spelling" in resolution.why


def test_a_city_outside_the_curated_list_falls_back_to_geonames(gazetteer: Gazetteer) -> None:
    resolution = gazetteer.resolve("Jiamusi")
    assert resolution.place is not None
    assert resolution.place.country == "CN"
    assert resolution.confidence == "geonames"
    assert resolution.place.source.startswith("GeoNames ")


def test_a_village_near_a_city_outside_the_curated_list_keeps_the_cue(
    gazetteer: Gazetteer,
) -> None:
    phrase = "a village near Jiamusi"
    resolution = gazetteer.resolve(phrase)
    assert resolution.place is not None and resolution.place.country == "CN"
    assert resolution.confidence == "geonames"
    assert resolution.qualifier == "near"
    assert resolution.radius_km is not None and resolution.radius_km > resolution.place.radius_km
    assert phrase[resolution.start : resolution.end] == "near Jiamusi"


def test_the_geonames_fallback_is_limited_to_plausible_countries(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("Marseille").place is None
    assert gazetteer.resolve("Chicago").place is None
