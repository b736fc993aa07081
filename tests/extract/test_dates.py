"""Dates: what ``find_dates`` reads, how it resolves it against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from repwatch.extract import extract
from repwatch.extract.dates import (
    KINDS,
    DateMention,
    bound_by_spoke,
    find_dates,
    resolve_anchored,
)
from repwatch.model import DatePrecision, DateRange, Report

TUESDAY = dt.date(2012, 2, 14)  # published on a Tuesday


def only(text: str, published: dt.date | None = TUESDAY) -> DateMention:
    found = find_dates(text, published)
    assert len(found) == 1, [(m.text, m.kind) for m in found]
    return found[0]


def span(mention: DateMention) -> tuple[str | None, str | None]:
    assert mention.range is not None
    return mention.range.start, mention.range.end


# (text, quoted span, kind, start, end); published TUESDAY
DATES = [
    (
        "They were caught on February 14, 2012.",
        "February 14, 2012",
        "absolute",
        "2012-02-14",
        "2012-02-14",
    ),
    (
        "They were caught on 14 February 2012.",
        "14 February 2012",
        "absolute",
        "2012-02-14",
        "2012-02-14",
    ),
    ("They were caught on 2012-02-14.", "2012-02-14", "absolute", "2012-02-14", "2012-02-14"),
    (
        "They were caught on Feb. 10 in Yanji.",
        "Feb. 10",
        "inferred_year",
        "2012-02-10",
        "2012-02-10",
    ),
    (
        "They were caught on Feb. 20 in Yanji.",
        "Feb. 20",
        "inferred_year",
        "2011-02-20",
        "2011-02-20",
    ),
    ("They were caught on Oct. 5 in Yanji.", "Oct. 5", "inferred_year", "2011-10-05", "2011-10-05"),
    (
        "They were caught between July 15 and 17.",
        "July 15 and 17",
        "inferred_year",
        "2011-07-15",
        "2011-07-17",
    ),
    ("They crossed in 2011 with a broker.", "2011", "absolute", "2011", "2011"),
    ("They crossed in March with a broker.", "March", "inferred_year", "2011-03", "2011-03"),
    ("They crossed in March 2013.", "March 2013", "absolute", "2013-03", "2013-03"),
    ("They crossed in mid-August 2015.", "mid-August 2015", "absolute", "2015-08-11", "2015-08-20"),
    ("They crossed in mid-August.", "mid-August", "inferred_year", "2011-08-11", "2011-08-20"),
    ("They crossed in the autumn of 2010.", "autumn of 2010", "absolute", "2010-09", "2010-11"),
    ("It began in the 1990s.", "1990s", "absolute", "1990", "1999"),
    (
        "She was caught in mid-December last year.",
        "mid-December last year",
        "relative",
        "2011-12-11",
        "2011-12-20",
    ),
    (
        "They were caught late last month.",
        "late last month",
        "relative",
        "2012-01-21",
        "2012-01-31",
    ),
    (
        "They were caught early this month.",
        "early this month",
        "relative",
        "2012-02-01",
        "2012-02-10",
    ),
    ("They were caught this month.", "this month", "relative", "2012-02-01", "2012-02-14"),
    ("They were caught last month.", "last month", "relative", "2012-01", "2012-01"),
    ("They were caught last Wednesday.", "last Wednesday", "relative", "2012-02-08", "2012-02-08"),
    ("They were caught last Tuesday.", "last Tuesday", "relative", "2012-02-07", "2012-02-07"),
    ("They were caught on Monday.", "on Monday", "relative", "2012-02-13", "2012-02-13"),
    ("They were caught on Tuesday.", "on Tuesday", "relative", "2012-02-14", "2012-02-14"),
    ("They were caught last week.", "last week", "relative", "2012-02-06", "2012-02-12"),
    ("They were caught late last week.", "late last week", "relative", "2012-02-09", "2012-02-12"),
    (
        "They were caught early last week.",
        "early last week",
        "relative",
        "2012-02-06",
        "2012-02-08",
    ),
    ("They were caught yesterday.", "yesterday", "relative", "2012-02-13", "2012-02-13"),
    ("They were caught two weeks ago.", "two weeks ago", "relative", "2012-01-30", "2012-02-05"),
    ("They were caught last year.", "last year", "relative", "2011", "2011"),
    (
        "They were caught earlier this year.",
        "earlier this year",
        "relative",
        "2012-01-01",
        "2012-02-14",
    ),
    ("They were caught on the 8th.", "the 8th", "relative", "2012-02-08", "2012-02-08"),
    ("They were caught on the 20th.", "the 20th", "relative", "2012-01-20", "2012-01-20"),
    (
        "탈북자들은 2012년 3월 8일 체포됐다.",
        "2012년 3월 8일",
        "absolute",
        "2012-03-08",
        "2012-03-08",
    ),
    ("지난달 말 체포됐다.", "지난달 말", "relative", "2012-01-21", "2012-01-31"),
]


@pytest.mark.parametrize(
    ("text", "quote", "kind", "start", "end"), DATES, ids=[case[1] for case in DATES]
)
def test_find_dates_resolves_against_the_publication_date(
    text: str, quote: str, kind: str, start: str, end: str
) -> None:
    mention = only(text)
    assert mention.text == quote
    assert text[mention.start : mention.end] == quote
    assert mention.kind == kind
    assert span(mention) == (start, end)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("They were returned the day after.", (1, 1)),
        ("They were returned the next day.", (1, 1)),
        ("They were returned the following day.", (1, 1)),
        ("They were returned three days later.", (3, 3)),
        ("They were returned a week later.", (7, 7)),
        ("Police had come the night before.", (-1, -1)),
        ("They were returned two days earlier.", (-2, -2)),
        ("They were returned that same day.", (0, 0)),
    ],
    ids=lambda value: str(value),
)
def test_find_dates_leaves_anchored_expressions_to_the_case(
    text: str, days: tuple[int, int]
) -> None:
    mention = only(text)
    assert (mention.kind, mention.range, mention.offset_days) == ("anchored", None, days)


def test_resolve_anchored_counts_from_a_day() -> None:
    later = only("They were returned three days later.")
    assert resolve_anchored(later, DateRange.day(dt.date(2012, 2, 8))) == DateRange.between(
        dt.date(2012, 2, 11), dt.date(2012, 2, 11)
    )


def test_resolve_anchored_counts_from_a_month() -> None:
    after = only("They were returned the day after.")
    anchor = DateRange(start="2009-08", end="2009-08", precision=DatePrecision.MONTH)
    assert resolve_anchored(after, anchor) == DateRange.between(
        dt.date(2009, 8, 2), dt.date(2009, 9, 1)
    )


def test_resolve_anchored_keeps_the_range_of_other_mentions() -> None:
    mention = only("They were caught last week.")
    assert resolve_anchored(mention, DateRange.day(dt.date(2000, 1, 1))) == mention.range


def test_find_dates_marks_the_day_a_source_spoke_and_it_bounds_the_incident() -> None:
    text = "The group was caught, a source in Hyesan told Daily NK on March 3."
    mention = only(text, dt.date(2014, 3, 4))
    assert (mention.kind, span(mention)) == ("spoke", ("2014-03-03", "2014-03-03"))
    assert bound_by_spoke(mention) == DateRange.between(dt.date(2014, 3, 1), dt.date(2014, 3, 3))


def test_find_dates_marks_a_weekday_of_reporting_as_spoke() -> None:
    mention = only("Police held 12 people, activists here said Tuesday.")
    assert (mention.kind, span(mention)) == ("spoke", ("2012-02-14", "2012-02-14"))


def test_bound_by_spoke_is_open_when_the_date_is_unresolved() -> None:
    mention = only("A source told Daily NK on March 3.", None)
    assert bound_by_spoke(mention) == DateRange()


def test_find_dates_marks_a_wire_dateline() -> None:
    found = find_dates("SEOUL, Feb. 14 (Yonhap) -- Police caught five people on Monday.", TUESDAY)
    assert [(m.text, m.kind) for m in found] == [("Feb. 14", "dateline"), ("on Monday", "relative")]


def test_find_dates_marks_the_start_of_a_tally() -> None:
    mention = only("China has returned thousands since 2000.")
    assert (mention.kind, span(mention)) == ("since", ("2000", "2000"))


def test_find_dates_lets_a_future_cue_pass_the_publication_date() -> None:
    mention = only("They will be handed over by Feb. 20 at the latest.")
    assert span(mention) == ("2012-02-20", "2012-02-20")


def test_find_dates_reads_a_bare_day_in_the_month_of_an_earlier_mention() -> None:
    text = "They left in December. They were caught on the 8th."
    december, eighth = find_dates(text, TUESDAY)
    assert span(december) == ("2011-12", "2011-12")
    assert span(eighth) == ("2011-12-08", "2011-12-08")


@pytest.mark.parametrize(
    ("text", "partial"),
    [("They were caught on August 15.", "--08-15"), ("They crossed in March.", "--03")],
    ids=["day", "month"],
)
def test_find_dates_without_a_year_anywhere_stays_partial(text: str, partial: str) -> None:
    mention = only(text, None)
    assert (mention.kind, mention.range, mention.partial) == ("partial", None, partial)


def test_find_dates_takes_a_missing_year_from_an_earlier_date_without_publication() -> None:
    first, second = find_dates("On March 3, 2013 they crossed. On March 5 they were caught.", None)
    assert (first.kind, span(first)) == ("absolute", ("2013-03-03", "2013-03-03"))
    assert (second.kind, span(second)) == ("inferred_year", ("2013-03-05", "2013-03-05"))


def test_find_dates_keeps_relative_kind_without_publication() -> None:
    mention = only("They were caught last week.", None)
    assert (mention.kind, mention.range) == ("relative", None)


NOT_DATES = {
    "age decade": "She is in her thirties.",
    "age range": "The women, aged 15-23, were sold.",
    "time of day": "The shot came at 6 p.m.",
    "duration": "They hid for three days.",
    "duration without for": "They hid three days in a barn.",
    "modal may": "Police may return them.",
    "verb march": "Soldiers march 20 miles.",
    "year as modifier": "It follows a 1986 agreement.",
    "floor": "He lives on the 5th floor.",
    "hyphenated unit": "It ended a year-long investigation.",
    "recently": "They were recently caught.",
}


@pytest.mark.parametrize("text", NOT_DATES.values(), ids=NOT_DATES.keys())
def test_find_dates_leaves_out_what_is_not_a_date(text: str) -> None:
    assert find_dates(text, TUESDAY) == []


def test_find_dates_searches_only_the_range_given_with_offsets_into_the_text() -> None:
    text = "On March 3 they left. They were caught on March 9. They were returned in April."
    start = text.index("They were caught")
    end = text.index("They were returned")
    found = find_dates(text, TUESDAY, start, end)
    assert [(m.text, m.start) for m in found] == [("March 9", text.index("March 9"))]


def test_find_dates_accepts_a_datetime_as_the_publication_date() -> None:
    mention = only("They were caught yesterday.", dt.datetime(2012, 2, 14, 9, 30))
    assert span(mention) == ("2012-02-13", "2012-02-13")


@settings(max_examples=300, deadline=None)
@given(
    st.text(),
    st.dates() | st.none(),
    st.integers(min_value=-5, max_value=400),
    st.integers(0, 400) | st.none(),
)
def test_find_dates_quotes_spans_inside_the_range_on_any_text(
    text: str, published: dt.date | None, start: int, end: int | None
) -> None:
    found = find_dates(text, published, start, end)
    low = max(0, start)
    high = len(text) if end is None else min(end, len(text))
    for mention in found:
        assert low <= mention.start < mention.end <= high
        assert text[mention.start : mention.end] == mention.text
        assert mention.kind in KINDS


WORDS = [
    *("on", "in", "the", "last", "this", "next", "early", "late", "mid-", "week", "month"),
    *("year", "March", "May", "Feb.", "14", "3", "8th", "2012", "1990s", "Monday", "days"),
    *("later", "ago", "two", "a", "day", "after", "before", "said", "told", "since", ","),
    *("SEOUL,", "(Yonhap)", "--", "winter", "spring", "of", "3월", "8일", "지난달", "말", "\n"),
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=25), st.dates() | st.none())
def test_find_dates_keeps_its_invariants_on_date_like_text(
    words: list[str], published: dt.date | None
) -> None:
    text = " ".join(words)
    for mention in find_dates(text, published):
        assert text[mention.start : mention.end] == mention.text
        if mention.kind == "anchored":
            assert mention.range is None and mention.offset_days is not None
            low, high = mention.offset_days
            assert low <= high
        if mention.range is not None:
            assert bound_by_spoke(mention).end is not None or mention.range.end is None


def test_a_date_after_another_verb_is_not_the_arrests() -> None:
    text = (
        "Russia has deported a North Korean timber worker, his lawyer said on Tuesday. The man, "
        "who was detained by police in Blagoveshchensk last month, was put on a flight to "
        "Pyongyang on Monday."
    )
    report = Report.from_text(text, published=dt.date(2010, 11, 23))
    (mention,) = extract(report)
    assert mention.to_eval()["date"] == {"start": "2010-10", "end": "2010-10"}


@pytest.mark.parametrize(
    ("text", "kind", "day"),
    [
        ("설 당일인 지난 10일 선양에서 체포됐다", "relative", "2024-02-10"),
        ("지난 16일 체포됐다고 소식통이 전했다", "relative", "2024-01-16"),
        ("북한 인권단체가 15일 밝혔다", "spoke", "2024-02-15"),
        ("소식통은 9일 데일리NK와의 통화에서", "spoke", "2024-02-09"),
    ],
)
def test_a_korean_day_of_the_month_is_the_latest_such_day(text: str, kind: str, day: str) -> None:
    (mention,) = find_dates(text, dt.date(2024, 2, 15))
    assert mention.kind == kind
    assert mention.range == DateRange(start=day, end=day, precision=DatePrecision.DAY)


def test_a_korean_count_of_days_is_no_date() -> None:
    assert find_dates("10일간 구금됐다가 3일 동안 조사를 받았다", dt.date(2024, 2, 15)) == []
