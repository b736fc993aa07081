"""find(): every place a report names, with offsets into it, and nothing else."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from repwatch.gazetteer import Gazetteer

Distance = Callable[[float, float, float, float], float]

DEV = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "dev"


def ids(gazetteer: Gazetteer, text: str) -> list[str]:
    return [m.place.id for m in gazetteer.find(text) if m.place is not None]


def test_find_returns_spans_that_quote_the_text(gazetteer: Gazetteer) -> None:
    text = "Five were caught near Hyesan and handed over at the Friendship Bridge in Dandong."
    matches = gazetteer.find(text)
    assert [m.place.id for m in matches if m.place] == [
        "kp-hyesan",
        "crossing-sino-korean-friendship-bridge",
        "cn-dandong",
    ]
    for match in matches:
        assert text[match.start : match.end] == match.text
        assert text[match.name_start : match.name_end] == match.name
    assert matches[0].text == "near Hyesan" and matches[0].name == "Hyesan"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("They waded across the Tumen River at night.", ["river-tumen"], id="river"),
        pytest.param("They waded across the Tumen at night.", ["river-tumen"], id="the-tumen"),
        pytest.param("They were held in Tumen for a week.", ["cn-tumen"], id="city"),
        pytest.param("Police in Tumen City said so.", ["cn-tumen"], id="tumen-city"),
        pytest.param("held at the Tumen detention centre", ["cn-tumen"], id="town-noun"),
        pytest.param(
            "Both the Yalu and Tumen freeze in winter.",
            ["river-yalu", "river-tumen"],
            id="river-list",
        ),
        pytest.param("The Yalu was low.", ["river-yalu"], id="yalu"),
        pytest.param("They were sent back via Namyang.", ["kp-namyang"], id="namyang"),
        pytest.param(
            "A source in North Hamgyong Province said so.", ["kp-north-hamgyong"], id="province"
        ),
        pytest.param(
            "the mouth of the Yalu River near Donggang",
            ["river-yalu-mouth", "cn-donggang"],
            id="mouth",
        ),
        pytest.param("Dandong's border police", ["cn-dandong"], id="possessive"),
        pytest.param("Sinŭiju and Shinuiju and SINUIJU", ["kp-sinuiju"] * 3, id="spellings"),
        pytest.param("혜산에서 잡혔다", ["kp-hyesan"], id="hangul-with-particle"),
        pytest.param("他们在图们江边被抓", ["river-tumen"], id="chinese"),
    ],
)
def test_find_reads_each_name_in_context(
    gazetteer: Gazetteer, text: str, expected: list[str]
) -> None:
    assert ids(gazetteer, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The Musanite ore was long gone; Changbaiite too.", id="inside-words"),
        pytest.param("a long journey to a china shop", id="lower-case-words"),
        pytest.param("The Tumen River Refugee Aid group said so.", id="organisation-name"),
        pytest.param("a Tumen Border Report correspondent", id="publication-name"),
        pytest.param("무산계급 and 위원회", id="hangul-inside-words"),
        pytest.param("He spoke Korean and Chinese.", id="adjectives"),
        pytest.param("a Seoul-based group said", id="based-in"),
    ],
)
def test_find_matches_no_place_in_ordinary_words(gazetteer: Gazetteer, text: str) -> None:
    assert ids(gazetteer, text) == []


def test_find_adds_a_geonames_city_only_after_a_locative_word(gazetteer: Gazetteer) -> None:
    matches = gazetteer.find("She was arrested in Jiamusi last year.")
    assert len(matches) == 1
    assert matches[0].confidence == "geonames"
    assert matches[0].place is not None and matches[0].place.country == "CN"
    assert gazetteer.find("Jiamusi officials said nothing.") == []
    assert gazetteer.find("She was arrested in Paris.") == []


def test_find_adds_a_geonames_city_named_as_the_city_of(gazetteer: Gazetteer) -> None:
    [match] = gazetteer.find("He was detained in the Amur region city of Blagoveshchensk.")
    assert match.confidence == "geonames"
    assert match.place is not None and match.place.country == "RU"
    # "of" after anything but a settlement's noun is no cue
    assert gazetteer.find("the memory of Blagoveshchensk") == []


def test_find_reads_a_korean_cue_after_a_hangul_name(gazetteer: Gazetteer) -> None:
    text = "혜산 인근에서 체포된 주민"
    [match] = gazetteer.find(text)
    assert match.place is not None and match.place.id == "kp-hyesan"
    assert match.qualifier == "near"
    assert text[match.start : match.end] == "혜산 인근"


def test_find_on_a_text_without_places_is_empty(gazetteer: Gazetteer) -> None:
    assert gazetteer.find("") == []
    assert gazetteer.find("Nothing happened here, and no one said where.") == []


def dev_reports() -> list[tuple[str, str, list[dict[str, object]]]]:
    if not (DEV / "reports.jsonl").exists():
        return []
    with (DEV / "reports.jsonl").open(encoding="utf-8") as handle:
        texts = {r["id"]: r["text"] for r in map(json.loads, handle)}
    with (DEV / "gold.jsonl").open(encoding="utf-8") as handle:
        gold = [json.loads(line) for line in handle]
    return [(g["id"], texts[g["id"]], g["incidents"]) for g in gold if g["incidents"]]


@pytest.mark.skipif(not (DEV / "gold.jsonl").exists(), reason="the shared dev corpus is absent")
@pytest.mark.parametrize(("report_id", "text", "incidents"), dev_reports())
def test_every_gold_place_of_the_dev_corpus_is_found_within_25_km(
    gazetteer: Gazetteer,
    km: Distance,
    report_id: str,
    text: str,
    incidents: list[dict[str, object]],
) -> None:
    matches = gazetteer.find(text)
    points = [(m.place.lat, m.place.lon) for m in matches if m.place and m.place.lat is not None]
    for incident in incidents:
        place = incident["place"]
        assert isinstance(place, dict)
        if place.get("lat") is None:
            names = {m.place.name for m in matches if m.place}
            assert any(n.split()[0] in place["name"] for n in names), place["name"]
            continue
        nearest = min(km(place["lat"], place["lon"], lat, lon) for lat, lon in points)
        assert nearest <= 25.0, (report_id, place["name"])


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        ("선양의 한 아파트를 급습해", "cn-shenyang"),
        ("창바이에서 체포된", "cn-changbai"),
        ("룽징 인근에서", "cn-longjing"),
        ("옌볜 일대에서", "cn-yanbian"),
        ("취안허 세관을 통해", "crossing-quanhe-wonjong"),
    ],
)
def test_find_reads_the_transliterations_south_korean_media_use(
    gazetteer: Gazetteer, text: str, place_id: str
) -> None:
    [match] = gazetteer.find(text)
    assert match.place is not None and match.place.id == place_id


def test_a_korean_word_that_is_no_place_name_is_not_read_as_one(gazetteer: Gazetteer) -> None:
    assert gazetteer.find("안도의 한숨을 쉬었다") == []
