"""Where a statement's reach ends, and what the layout of a report says: general remarks
in a relative or coordinated clause, beliefs, circumstances fronted before their clause,
additions told with "also", in-text headings, background crossings, and a few words of
the act vocabulary (gunned down, dragged out of, crossing from). Every text here is
written for these tests."""

from __future__ import annotations

import datetime as dt

from repwatch.extract.acts import find_acts

from .reading import readers

PUBLISHED = dt.date(2014, 6, 20)


incidents, one = readers(PUBLISHED)


# --- the reach of general statements -----------------------------------------------


def test_a_general_relative_clause_leaves_the_case_before_it_specific() -> None:
    found = one(
        "Three North Korean women were arrested by Chinese police in Longjing on June 4 and "
        "are held in Tumen, from where North Koreans are routinely handed to the North."
    )
    assert set(found["acts"]) == {"arrest", "detention"}
    assert found["place"]["name"] == "Longjing"


def test_a_general_statement_goes_on_in_its_coordinated_clause() -> None:
    found = one(
        "Two North Korean men were arrested by Chinese police in Yanji on June 3. Returnees "
        "are usually questioned by the security police, and many are then held in camps "
        "where forced labour is common."
    )
    assert set(found["acts"]) == {"arrest"}


def test_a_coordinated_clause_with_its_own_date_is_not_general() -> None:
    found = one(
        "Border guards usually question people they stop, and on June 3 they caught two North "
        "Korean women near Hunchun."
    )
    assert "arrest" in found["acts"]


# --- beliefs and circumstances -----------------------------------------------------


def test_an_arrest_someone_believes_happened_is_only_expected() -> None:
    found = one(
        "A North Korean woman who worked at a hotel in Yanji has not been seen since June 2. "
        "Her manager believes she has been picked up by the police."
    )
    assert found["modality"] == "expected"
    assert found["acts"] == ["arrest"]


def test_an_act_noun_fronted_as_a_circumstance_is_the_subjects() -> None:
    found = one(
        "Chinese police caught four North Korean men in Tumen on June 5. After investigation, "
        "they were sent back to North Korea across the bridge."
    )
    assert {"arrest", "interrogation", "repatriation"} <= set(found["acts"])


def test_an_investigation_that_finds_people_is_not_their_interrogation() -> None:
    found = incidents(
        "Police broke up a trafficking ring in Yanji on June 5. Through the investigation, "
        "police found two North Korean women in Longjing and arrested them on June 7."
    )
    assert found and all("interrogation" not in f["acts"] for f in found)


# --- additions, headings -----------------------------------------------------------


def test_a_group_introduced_with_also_is_its_own_case() -> None:
    found = incidents(
        "A family of three was arrested by Chinese police in Yanji on June 9 and will be "
        "sent back within weeks. We also fear for a man who worked at a farm in Helong. His "
        "employer says he was picked up by the police, and he may be sent back with them."
    )
    assert len(found) == 2, found
    assert sorted(f["victims"]["min"] for f in found) == [1, 3]


def test_a_heading_inside_the_text_is_not_a_case_of_its_own() -> None:
    found = incidents(
        "[Hunchun] Two soldiers who crossed to steal food were caught\n\n"
        "Two North Korean soldiers crossed the frozen Tumen River at night on June 2 to steal "
        "food in a village near Hunchun. Chinese police caught them in the village the next "
        "morning and sent them back to North Korea."
    )
    assert len(found) == 1, found
    assert found[0]["place"]["name"].startswith("Hunchun")


def test_a_last_line_without_a_full_stop_is_no_heading() -> None:
    found = incidents(
        "Chinese police arrested five North Koreans in Dandong on June 8.\n\n"
        "Five North Koreans were sent back from Dandong on June 12"
    )
    assert found and any("repatriation" in f["acts"] for f in found)


# --- crossings told as background or as the act ------------------------------------


def test_a_crossing_before_an_arrest_elsewhere_is_background() -> None:
    found = one(
        "Six North Koreans who were detained in Laos after crossing from China were sent "
        "back this week, activists said."
    )
    assert "crossing" not in found["acts"]


def test_caught_shortly_after_crossing_is_caught_crossing() -> None:
    found = one(
        "Chinese soldiers caught four North Koreans shortly after crossing the Tumen River "
        "near Nanping on June 2."
    )
    assert "crossing" in found["acts"]


def test_crossing_from_a_town_names_where_they_crossed() -> None:
    found = one(
        "Two men were shot dead by North Korean guards on June 1 while crossing from the "
        "Hyesan area of Ryanggang Province."
    )
    assert set(found["acts"]) == {"crossing", "death"}
    assert found["place"]["name"] == "Hyesan"


# --- vocabulary ----------------------------------------------------------------------


def test_gunned_down_is_a_death() -> None:
    found = one(
        "Three North Korean men trying to cross the frozen Yalu River were gunned down by "
        "North Korean soldiers near Hyesan on June 7, a source said."
    )
    assert "death" in found["acts"]
    assert found["perpetrator"] == "north_korea"


def test_dragged_out_of_a_building_is_an_arrest() -> None:
    found = one(
        "Four North Koreans were dragged out of the Danish embassy in Beijing by Chinese "
        "police on June 10."
    )
    assert "arrest" in found["acts"]
    assert found["place"]["name"] == "Beijing"


def test_a_place_on_the_road_to_a_border_post_is_not_the_place_of_the_arrest() -> None:
    found = one(
        "Nine North Koreans were stopped at a checkpoint outside Mengla, on the road to the "
        "Mohan border crossing, on June 3, Chinese police said."
    )
    assert found["place"]["name"] == "Mengla"


def test_a_regime_named_by_its_capital_is_not_the_place_of_the_case() -> None:
    found = one(
        "Two North Korean women were shot dead by guards near Hyesan on June 2, in what an "
        "activist called a sign that the leadership in Pyongyang is clamping down."
    )
    assert found["place"]["name"] == "Hyesan"


def test_caught_after_crossing_a_river_is_caught_crossing() -> None:
    found = one(
        "Nine North Koreans were arrested by Thai police in Chiang Saen on June 4 after "
        "crossing the Mekong from Laos."
    )
    assert "crossing" in found["acts"]


# --- a release after the return --------------------------------------------------------


def test_a_release_from_a_camp_after_the_return_is_not_the_cases_release() -> None:
    found = one(
        "A North Korean woman was arrested in Yanji in May 2009. She was handed over to guards "
        "at Sanhe, sent to a labour camp and released a year later, she said."
    )
    assert "release" not in found["acts"]
    assert {"arrest", "repatriation"} <= set(found["acts"])


def test_a_release_before_any_return_stays() -> None:
    found = one(
        "Thai police arrested six North Koreans in Bangkok on June 3 and released them on "
        "June 9 to travel on to South Korea."
    )
    assert "release" in found["acts"]


def test_a_body_found_tells_a_death() -> None:
    found = one(
        "Two North Korean men were swept away while crossing the Tumen near Musan on June 3. "
        "One body was found two days later downstream, relatives said."
    )
    assert "death" in found["acts"]


def test_a_body_found_is_no_habit() -> None:
    (hit,) = find_acts("His body was found two days later downstream.")
    assert hit.acts == ("death",) and hit.counts


# --- set-off participles, possessive places, running tallies ---------------------------


def test_a_participle_set_off_after_the_group_tells_its_arrest() -> None:
    hits = find_acts(
        "The group, found late on Tuesday in a house in Vientiane, included ten children."
    )
    assert [(h.text, h.acts, h.counts) for h in hits] == [("found", ("arrest",), True)]


def test_a_place_named_after_its_citys_possessive_keeps_its_preposition() -> None:
    found = one(
        "Thirty North Koreans were arrested on June 4 in the capital's Huai Khwang district."
    )
    assert found["place"]["name"].startswith("Huai Khwang")


def test_a_tally_so_far_this_year_is_no_incident() -> None:
    found = incidents(
        "Thai police arrested 12 North Koreans in Chiang Saen on June 4. Police say they have "
        "arrested several hundred North Koreans for illegal entry so far this year."
    )
    assert len(found) == 1, found
    assert found[0]["victims"] == {"min": 12, "max": 12}


def test_acts_told_with_no_count_place_date_or_authority_are_no_case() -> None:
    # nothing places it anywhere or in time: a passing mention, not a case to record
    assert incidents("She said her husband had been arrested and that she missed him.") == []
    # an authority grounds it in a state: a case, if a thin one
    assert len(incidents("Chinese police arrested two North Koreans.")) == 1
