"""Segmentation into incidents, and each incident's fields, on short texts."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from repwatch.extract import extract
from repwatch.model import Report


def incidents(text: str, published: str | None = "2014-03-04") -> list[dict[str, Any]]:
    day = dt.date.fromisoformat(published) if published else None
    return [m.to_eval() for m in extract(Report.from_text(text, published=day))]


def test_sentences_that_continue_a_case_join_it() -> None:
    found = incidents(
        "Two laborers from Sinuiju were arrested by Chinese police in Dandong. "
        "They were repatriated the day after they were questioned."
    )
    assert len(found) == 1
    assert set(found[0]["acts"]) == {"arrest", "repatriation", "interrogation"}


def test_another_incident_starts_a_new_case() -> None:
    found = incidents(
        "A defector was arrested by Chinese police in Dandong last week. "
        "Another similar incident occurred some time later. A woman was caught "
        "in Yanji and sent back."
    )
    assert [f["victims"]["min"] for f in found] == [1, 1]
    assert [f["place"]["name"] for f in found] == ["Dandong", "Yanji"]


@pytest.mark.parametrize(
    "text",
    [
        "In the past, many defectors could avoid being caught if they hid for a few days.",
        "Chinese police have strengthened their patrols along the border.",
        "Rights groups say over 8,000 North Koreans have been returned since 2000.",
        "China should stop sending defectors back, one analyst said.",
        "China returns those it catches under a 1986 agreement with Pyongyang.",
    ],
    ids=["generic", "measure", "tally", "opinion", "habitual"],
)
def test_statements_that_are_no_incident(text: str) -> None:
    assert incidents(text) == []


def test_summary_is_split_into_the_cases_it_sums() -> None:
    found = incidents(
        "Chinese police arrested 29 North Korean defectors in two cities last week and "
        "moved them to a detention facility. Twenty of them were picked up in Qingdao, "
        "and the other nine in Kunming."
    )
    assert sorted((f["victims"]["min"], f["place"]["name"]) for f in found) == [
        (9, "Kunming"),
        (20, "Qingdao"),
    ]
    assert all(set(f["acts"]) == {"arrest", "detention"} for f in found)


def test_group_killed_and_caught_together_is_one_incident() -> None:
    found = incidents(
        "North Korean border guards chased a group of seven people across the frozen Yalu "
        "River into China, killing five of them and dragging the two survivors back."
    )
    assert len(found) == 1
    assert found[0]["victims"] == {"min": 7, "max": 7}
    assert found[0]["perpetrator"] == "north_korea"
    assert {"crossing", "death", "arrest", "repatriation"} == set(found[0]["acts"])


def test_awaited_arrest_alone_is_an_expected_incident() -> None:
    found = incidents(
        "A second group of six that left Beijing for Erenhot has not been heard from, "
        "and aid workers fear they were caught."
    )
    assert found and found[0]["modality"] == "expected" and found[0]["acts"] == ["arrest"]


def test_awaited_return_of_people_caught_is_an_expected_act() -> None:
    found = incidents(
        "A family of four was nabbed by police in Yanji and is awaiting repatriation."
    )
    assert found[0]["modality"] == "occurred"
    assert found[0]["acts"] == ["arrest"] and found[0]["expected_acts"] == ["repatriation"]


def test_crossing_counts_only_when_caught_during_it() -> None:
    during = incidents("Three men who waded across the Tumen were caught on the Chinese bank.")
    later = incidents(
        "A soldier crossed the Yalu in mid-February and was caught by Chinese police in a "
        "village outside Dandong two days later."
    )
    assert "crossing" in during[0]["acts"]
    assert "crossing" not in later[0]["acts"]


def test_detention_implies_arrest() -> None:
    found = incidents("Five North Koreans are being held at a police station in Yanji.")
    assert set(found[0]["acts"]) == {"arrest", "detention"}


@pytest.mark.parametrize(
    ("text", "victims"),
    [
        ("A dozen North Koreans were arrested in Yanji.", (12, 12)),
        ("About 30 defectors were arrested in Shenyang.", (27, 33)),
        ("More than 20 North Koreans were arrested in Shenyang.", (21, None)),
        ("A family of four was arrested in Yanji.", (4, 4)),
        ("A woman and her two children were arrested in Yanji.", (3, 3)),
        ("A defector was arrested in Yanji.", (1, 1)),
        ("Police in Yanji arrested a 25-year-old man and held him for 10 days.", (1, 1)),
    ],
    ids=["dozen", "about", "more-than", "family-of", "woman-and-children", "singular", "age-days"],
)
def test_victim_count(text: str, victims: tuple[int, int | None]) -> None:
    found = incidents(text)
    assert (found[0]["victims"]["min"], found[0]["victims"]["max"]) == victims


@pytest.mark.parametrize(
    ("text", "published", "date"),
    [
        ("on March 2.", "2014-03-04", ("2014-03-02", "2014-03-02")),
        ("late last month.", "2014-03-04", ("2014-02-21", "2014-02-28")),
        ("last Tuesday.", "2014-03-07", ("2014-03-04", "2014-03-04")),
        ("in mid-August.", "2015-09-01", ("2015-08-11", "2015-08-20")),
        ("on 12 May 2009.", None, ("2009-05-12", "2009-05-12")),
    ],
    ids=["inferred-year", "late-last-month", "last-weekday", "mid-month", "no-publication"],
)
def test_date_of_the_main_act(text: str, published: str | None, date: tuple[str, str]) -> None:
    found = incidents("Two North Koreans were arrested in Yanji " + text, published)
    assert (found[0]["date"]["start"], found[0]["date"]["end"]) == date


def test_relative_date_is_anchored_on_an_earlier_date_of_the_case() -> None:
    found = incidents(
        "Two North Koreans were caught in Yanji on February 10, and two others were "
        "caught in Hunchun the following day."
    )
    assert [f["date"]["start"] for f in found] == ["2014-02-10", "2014-02-11"]


def test_date_without_year_and_without_publication_stays_unknown() -> None:
    found = incidents("Two North Koreans were arrested in Yanji on November 20.", None)
    assert found[0]["date"] is None


def test_date_a_source_spoke_bounds_the_incident() -> None:
    found = incidents(
        "About 30 defectors were caught in Shenyang, a source told Daily NK on November 30.",
        "2016-12-01",
    )
    assert found[0]["date"] == {"start": "2016-11-01", "end": "2016-11-30"}


@pytest.mark.parametrize(
    ("text", "perpetrator"),
    [
        ("Two defectors were arrested by Chinese public security in Yanji.", "china"),
        ("North Korean border guards caught two women crossing the Tumen.", "north_korea"),
        ("Russian authorities detained a logger in Vladivostok.", "russia"),
        ("Lao police detained nine North Koreans in Oudomxay.", "other"),
        ("Two women drowned while crossing the Tumen River near Musan.", None),
    ],
    ids=["china", "north-korea", "russia", "other", "drowning"],
)
def test_perpetrator(text: str, perpetrator: str | None) -> None:
    assert incidents(text)[0]["perpetrator"] == perpetrator


def test_sources_are_attributed() -> None:
    found = incidents(
        "Two defectors were arrested in Yanji, a source in North Hamgyong Province "
        "told Daily NK on March 3."
    )
    assert found[0]["sources"] == ["a source in North Hamgyong Province"]


def test_place_is_where_the_main_act_happened() -> None:
    found = incidents(
        "Twelve North Koreans were arrested in Shenyang, moved to Dandong and handed over "
        "at Sinuiju."
    )
    assert found[0]["place"]["name"] == "Shenyang"
