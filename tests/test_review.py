from __future__ import annotations

import pytest

from repwatch.errors import InputError
from repwatch.model import Act, DatePrecision, DateRange, Perpetrator, VictimCount
from repwatch.review import parse_field_value


@pytest.mark.parametrize(
    ("field", "text", "value"),
    [
        ("victims", "12", VictimCount(min=12, max=12)),
        ("victims", "11-13", VictimCount(min=11, max=13)),
        ("victims", "25+", VictimCount(min=25, max=None)),
        (
            "date",
            "2019-11",
            DateRange(start="2019-11", end="2019-11", precision=DatePrecision.MONTH),
        ),
        ("date", "2019-11-19..2019-11-20", DateRange(start="2019-11-19", end="2019-11-20")),
        ("acts", "arrest, repatriation", (Act.ARREST, Act.REPATRIATION)),
        ("perpetrator", "North Korea", Perpetrator.NORTH_KOREA),
        ("victims", "none", None),
    ],
)
def test_analyst_values_are_parsed(field: str, text: str, value: object) -> None:
    assert parse_field_value(field, text) == value


def test_place_is_resolved_through_the_gazetteer() -> None:
    place = parse_field_value("place", "Sinŭiju")
    assert place.place_id == "kp-sinuiju" and place.lat == pytest.approx(40.1, abs=0.05)
    unknown = parse_field_value("place", "Xyzzy Farm")
    assert unknown.name == "Xyzzy Farm" and unknown.lat is None  # kept, not guessed


@pytest.mark.parametrize(
    ("field", "text", "reason"),
    [
        ("victims", "a dozen", "not a count"),
        ("victims", "13-12", "ends below"),
        ("date", "2019-13-01", "not a real date"),
        ("date", "last week", "not a date"),
        ("acts", "arrest, kidnap", "not one of"),
        ("colour", "red", "not an incident field"),
    ],
)
def test_bad_values_say_why(field: str, text: str, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        parse_field_value(field, text)
