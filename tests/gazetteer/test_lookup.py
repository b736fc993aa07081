"""lookup(): ranked candidates for a name, each saying why it matched."""

from __future__ import annotations

from repwatch.gazetteer import Gazetteer


def test_lookup_says_which_romanisation_matched(gazetteer: Gazetteer) -> None:
    best = gazetteer.lookup("Sinŭiju")[0]
    assert best.place.id == "kp-sinuiju"
    assert best.why == "exact name 'Sinŭiju' (McCune–Reischauer)"
    assert best.confidence == "curated"
    assert gazetteer.lookup("Hoeryong")[0].why.startswith("exact name")
    assert "Revised Romanization" in gazetteer.lookup("Hoeryeong")[0].why
    assert "Hangul" in gazetteer.lookup("신의주")[0].why
    assert "traditional" in gazetteer.lookup("新義州")[0].why


def test_lookup_notes_a_spelling_without_diacritics(gazetteer: Gazetteer) -> None:
    best = gazetteer.lookup("Onsong")[0]
    assert best.place.id == "kp-onsong"
    assert best.why == "exact name 'Onsong' (English)"
    assert "without diacritics" in gazetteer.lookup("Hamgyong-pukto")[0].why


def test_lookup_ranks_every_place_sharing_a_name_best_first(gazetteer: Gazetteer) -> None:
    ranked = gazetteer.lookup("Tumen")
    assert [c.place.id for c in ranked[:2]] == ["cn-tumen", "river-tumen"]
    assert ranked[0].score > ranked[1].score
    assert [c.place.id for c in gazetteer.lookup("Namyang")[:2]] == ["kp-namyang", "kr-namyang"]


def test_lookup_of_a_phrase_finds_the_place_in_it(gazetteer: Gazetteer) -> None:
    best = gazetteer.lookup("the Tumen River near Namyang")[0]
    assert best.place.id in {"river-tumen", "kp-namyang"}
    assert best.score < 1.0


def test_lookup_respects_the_limit(gazetteer: Gazetteer) -> None:
    assert len(gazetteer.lookup("Tumen", limit=1)) == 1


def test_lookup_of_an_unknown_name_is_empty(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Atlantis") == []
    assert gazetteer.lookup("") == []
    assert gazetteer.lookup("   ") == []


def test_lookup_falls_back_to_geonames_only_without_a_curated_candidate(
    gazetteer: Gazetteer,
) -> None:
    fallback = gazetteer.lookup("Jiamusi")
    assert fallback and all(c.confidence == "geonames" for c in fallback)
    assert all(c.score < gazetteer.lookup("Yanji")[0].score for c in fallback)
    assert all(c.confidence == "curated" for c in gazetteer.lookup("Yanji"))


def test_lookup_without_a_fallback_knows_only_the_curated_list() -> None:
    curated_only = Gazetteer.from_csv(fallback=False)
    assert curated_only.lookup("Jiamusi") == []
    assert curated_only.resolve("Jiamusi").place is None
