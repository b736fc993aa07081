"""reconcile: the best independently supported value, conflicts, corroboration, fixed values."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from repwatch.errors import InputError
from repwatch.link import Backing, PlaceValue, Reconciled, reconcile
from repwatch.model import Act, DateRange, Mention, Modality, Perpetrator, VictimCount

from .conftest import mention, place, read_jsonl

TEXTS = {row["id"]: row["text"] for row in read_jsonl("reports.jsonl")}
WIRE = TEXTS["link-006"]  # an AP story; link-007 republishes it
REPUBLISHED = TEXTS["link-007"]


def backing(
    report_id: str, publisher: str | None, text: str | None = None, **values: Any
) -> Backing:
    return Backing(
        mention(report_id, **values), report_id, publisher, text or f"{report_id} tells it."
    )


def chosen(result: Reconciled, field: str) -> Any:
    return result.fields[field].value


def supporters(result: Reconciled, field: str) -> dict[Any, tuple[str, ...]]:
    return {v.value: v.supporters for v in result.fields[field].alternatives}


def test_reconcile_picks_the_value_with_most_independent_sources() -> None:
    # Two reports of one wire story say 12; two independent outlets say 13.
    items = [
        backing("ap", "Associated Press", WIRE, count=12),
        backing("yonhap", "Yonhap", REPUBLISHED, count=12),
        backing("dnk", "Daily NK", count=13),
        backing("rfa", "Radio Free Asia", count=13),
    ]

    result = reconcile(items)

    victims = result.fields["victims"]
    assert victims.value == VictimCount.exactly(13)
    assert victims.support == 2
    assert victims.conflict  # exactly 12 against exactly 13
    assert supporters(result, "victims") == {
        VictimCount.exactly(13): ("dnk", "rfa"),
        VictimCount.exactly(12): ("ap", "yonhap"),
    }
    assert victims.alternatives[0].value == victims.value


def test_reconcile_counts_reports_publishers_and_original_sources() -> None:
    items = [
        backing("ap", "Associated Press", WIRE),
        backing("yonhap", "Yonhap", REPUBLISHED),
        backing("dnk-1", "Daily NK"),
        backing("dnk-2", "daily nk "),  # a follow-up: the same publisher, spelled loosely
        backing("anon-1", None),
        backing("anon-2", None),
    ]

    corroboration = reconcile(items).corroboration

    assert corroboration.reports == 6
    assert corroboration.publishers == 5  # AP, Yonhap, Daily NK, and two unnamed
    assert corroboration.original_sources == 4  # the wire story, Daily NK, two unnamed


def test_reconcile_counts_one_report_once_however_many_mentions() -> None:
    items = [backing("a", "X", count=3), backing("a", "X", count=3)]

    result = reconcile(items)

    assert result.corroboration.reports == 1
    assert supporters(result, "victims") == {VictimCount.exactly(3): ("a",)}


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        pytest.param(12, 13, True, id="12-vs-13"),
        pytest.param((11, 13), 13, False, id="about-12-vs-13"),
        pytest.param(12, 12, False, id="12-vs-12"),
        pytest.param((24, None), 30, False, id="dozens-vs-30"),
        pytest.param((24, None), 20, True, id="dozens-vs-20"),
    ],
)
def test_reconcile_flags_counts_that_cannot_both_be_true(
    first: Any, second: Any, conflict: bool
) -> None:
    result = reconcile([backing("a", "A", count=first), backing("b", "B", count=second)])

    assert result.fields["victims"].conflict is conflict


def test_reconcile_does_not_flag_one_source_disagreeing_with_itself() -> None:
    items = [
        backing("ap", "Associated Press", WIRE, count=7),
        backing("yonhap", "Yonhap", REPUBLISHED, count=8),
    ]

    assert not reconcile(items).fields["victims"].conflict


def test_reconcile_breaks_ties_by_specificity() -> None:
    items = [
        backing("a", "A", count=(11, 13), at=place("Dandong", resolved=False), date="2010-03"),
        backing("b", "B", count=12, at="Dandong", date="2010-03-09"),
    ]

    result = reconcile(items)

    assert chosen(result, "victims") == VictimCount.exactly(12)
    assert chosen(result, "place").place_id == "dandong"
    assert chosen(result, "date") == DateRange(start="2010-03-09", end="2010-03-09")
    assert not any(f.conflict for f in result.fields.values())


@pytest.mark.parametrize(
    ("field", "first", "second", "conflict"),
    [
        pytest.param("at", "Dandong", "Sinuiju", False, id="places-3-km-apart"),
        pytest.param("at", "Dandong", "Shenyang", True, id="places-200-km-apart"),
        pytest.param("date", "2010-03", "2010-03-09", False, id="dates-overlap"),
        pytest.param("date", "2010-03-09", "2010-05-20", True, id="dates-apart"),
        pytest.param("perpetrator", "china", "north_korea", True, id="perpetrators"),
        pytest.param("acts", ("arrest",), ("arrest", "repatriation"), False, id="acts-nested"),
        pytest.param("acts", ("arrest", "repatriation"), ("arrest", "release"), True,
                     id="acts-differ"),
    ],
)  # fmt: skip
def test_reconcile_flags_substantive_disagreement(
    field: str, first: Any, second: Any, conflict: bool
) -> None:
    name = {"at": "place"}.get(field, field)

    result = reconcile([backing("a", "A", **{field: first}), backing("b", "B", **{field: second})])

    assert result.fields[name].conflict is conflict


def test_reconcile_lets_fixed_values_win_always() -> None:
    items = [backing(r, r, count=12, at="Dandong", perpetrator="china") for r in ("a", "b", "c")]
    fixed = {"victims": VictimCount.exactly(14), "perpetrator": "north_korea"}

    result = reconcile(items, fixed=fixed)

    victims = result.fields["victims"]
    assert victims.value == VictimCount.exactly(14) and victims.fixed
    assert victims.alternatives[0].supporters == ("analyst",)
    assert victims.support == 1
    assert supporters(result, "victims")[VictimCount.exactly(12)] == ("a", "b", "c")
    assert chosen(result, "perpetrator") is Perpetrator.NORTH_KOREA
    assert chosen(result, "place").name == "Dandong"  # not fixed: reconciled as usual


def test_reconcile_counts_sources_agreeing_with_a_fixed_value() -> None:
    items = [backing("a", "A", count=12), backing("b", "B", count=13)]

    victims = reconcile(items, fixed={"victims": {"min": 12, "max": 12}}).fields["victims"]

    assert victims.alternatives[0].supporters == ("analyst", "a")
    assert victims.support == 2
    assert victims.conflict  # the reports still disagree; the analyst has decided


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        pytest.param("acts", ["repatriation", "arrest"], (Act.ARREST, Act.REPATRIATION), id="acts"),
        pytest.param("modality", "expected", Modality.EXPECTED, id="modality"),
        pytest.param("victims", 3, VictimCount.exactly(3), id="victims-int"),
        pytest.param("date", {"start": "2010-03"}, DateRange(start="2010-03"), id="date-json"),
        pytest.param("place", "Hyesan", PlaceValue(name="Hyesan"), id="place-name"),
        pytest.param("place", {"name": "Hyesan", "lat": 41.4, "lon": 128.18},
                     PlaceValue(name="Hyesan", lat=41.4, lon=128.18), id="place-json"),
        pytest.param("perpetrator", None, None, id="cleared"),
    ],
)  # fmt: skip
def test_reconcile_accepts_fixed_values_in_json_form(field: str, value: Any, expected: Any) -> None:
    result = reconcile([backing("a", "A", count=12, at="Dandong")], fixed={field: value})

    assert result.fields[field].value == expected


@pytest.mark.parametrize(
    "fixed",
    [
        pytest.param({"victim_names": "x"}, id="unknown-field"),
        pytest.param({"acts": "arrest"}, id="acts-not-a-list"),
        pytest.param({"acts": ["kidnap"]}, id="unknown-act"),
        pytest.param({"perpetrator": "martians"}, id="unknown-perpetrator"),
        pytest.param({"victims": {"min": 5, "max": 2}}, id="bad-range"),
        pytest.param({"victims": True}, id="bool-count"),
    ],
)
def test_reconcile_rejects_bad_fixed_values(fixed: dict[str, Any]) -> None:
    with pytest.raises(InputError):
        reconcile([backing("a", "A")], fixed=fixed)


def test_reconcile_of_nothing_has_empty_fields() -> None:
    result = reconcile([])

    assert all(f.value is None and f.support == 0 for f in result.fields.values())
    assert (result.corroboration.reports, result.corroboration.original_sources) == (0, 0)


def test_reconcile_leaves_a_field_no_report_states_empty() -> None:
    result = reconcile([backing("a", "A", count=None, perpetrator=None)])

    assert result.fields["victims"].value is None
    assert result.fields["perpetrator"].alternatives == ()


def test_reconcile_keeps_expected_acts_apart() -> None:
    items: Sequence[Backing] = [
        Backing(mention("a", acts=("arrest",), expected=("repatriation",)), "a", "A", "a"),
        Backing(mention("b", acts=("arrest", "detention")), "b", "B", "b"),
    ]

    result = reconcile(items)

    assert chosen(result, "acts") == (Act.ARREST, Act.DETENTION)  # tie: the larger set
    assert chosen(result, "expected_acts") == (Act.REPATRIATION,)
    assert chosen(result, "modality") is Modality.OCCURRED


def test_reconcile_lists_mention_and_report_ids() -> None:
    first: Mention = mention("a", mention_id=4)
    items = [Backing(first, "a", "A", "a"), backing("b", "B")]

    result = reconcile(items)

    assert result.report_ids == ("a", "b")
    assert result.mention_ids == (4,)
