"""Resolution of absolute dates: calendar dates with a year inferred from the publication
date or the context, partial dates, and seasons.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from repwatch.extract.date_calendar import (
    SEASON_MONTHS,
    infer_year,
    last_day,
    month_days,
    month_range,
    safe_date,
    shift_month,
    span_of_days,
)
from repwatch.extract.date_finders import Expr
from repwatch.model import DatePrecision, DateRange

# --- resolution -------------------------------------------------------------------


@dataclass(slots=True)
class DateContext:
    """What earlier mentions of the same call tell later ones."""

    year: int | None = None  # for dates without a year when there is no publication date
    month: tuple[int | None, int] | None = None  # for "on the 8th"


@dataclass(frozen=True, slots=True)
class Resolved:
    range: DateRange | None
    kind: str
    offset_days: tuple[int, int] | None = None
    partial: str | None = None


def resolve_calendar(
    expr: Expr, published: dt.date | None, context: DateContext, *, future: bool
) -> Resolved | None:
    month, day = expr.month, expr.day
    year: int | None
    if expr.form == "dom":
        assert day is not None
        if expr.which is not None and published is not None:
            shift = {"last": -1, "next": 1}.get(expr.which, 0)
            year, month = shift_month(published.year, published.month, shift)
        elif context.month is not None:
            year, month = context.month
        elif published is not None:
            year, month = published.year, published.month
            if day > published.day:
                year, month = shift_month(year, month, -1)
        else:
            return Resolved(None, "partial", partial=f"---{day:02d}")
        kind = "relative"
    else:
        year, kind = expr.year, "absolute"
    assert month is not None
    if year is None:
        year, kind = _year_for(expr, month, published, context, future=future)
        if year is None:
            return Resolved(None, kind, partial=_partial(expr, month))
    if expr.form == "ym":
        return Resolved(month_range(year, month, expr.part), kind)
    assert day is not None
    start = safe_date(year, month, day)
    if start is None:
        return None
    end = start
    if expr.day2 is not None:
        end = safe_date(year, expr.month2 or month, expr.day2) or start
    return Resolved(span_of_days(start, end), kind)


def _year_for(
    expr: Expr, month: int, published: dt.date | None, context: DateContext, *, future: bool
) -> tuple[int | None, str]:
    """The year of a date written without one, and the kind that makes the mention."""
    which = expr.which or ""
    if which:  # "last March", "December last year"
        if published is None:
            return None, "relative"
        year = published.year
        shift = {
            "month_last": -(month >= published.month),
            "month_next": int(month <= published.month),
            "year_last": -1,
            "year_next": 1,
        }.get(which, 0)
        return year + shift, "relative"
    if published is not None:
        first = expr.day if expr.day is not None else month_days(2000, month, expr.part)[0]
        if expr.form == "ym" and expr.part in ("late", "second"):
            first = 21 if expr.part == "late" else 16
        return infer_year(published, month, min(first, 28), future=future), "inferred_year"
    if context.year is not None:
        return context.year, "inferred_year"
    return None, "partial"


def _partial(expr: Expr, month: int) -> str:
    if expr.day is None:
        return f"--{month:02d}"
    value = f"--{month:02d}-{expr.day:02d}"
    if expr.day2 is not None:
        value += f"/--{(expr.month2 or month):02d}-{expr.day2:02d}"
    return value


def resolve_season(expr: Expr, published: dt.date | None) -> Resolved:
    rel, season = (expr.which or ":").split(":")
    first, last = SEASON_MONTHS[season]
    if expr.part:  # early / mid / late in a season: its first, middle or last month
        index = {"early": 0, "mid": 1, "late": 2}.get(expr.part, 1)
        first = last = first + index
    kind = "absolute"
    year = expr.year
    if year is None:
        kind = "relative"
        if published is None:
            return Resolved(None, kind)
        year = _season_year(rel, first, last, published)

    def month_of(index: int) -> str:
        y, m = shift_month(year, 1, index - 1)
        return f"{y:04d}-{m:02d}"

    return Resolved(
        DateRange(start=month_of(first), end=month_of(last), precision=DatePrecision.MONTH), kind
    )


def _season_year(rel: str, first: int, last: int, published: dt.date) -> int:
    def bounds(year: int) -> tuple[dt.date, dt.date]:
        y1, m1 = shift_month(year, 1, first - 1)
        y2, m2 = shift_month(year, 1, last - 1)
        return dt.date(y1, m1, 1), dt.date(y2, m2, last_day(y2, m2))

    if rel == "last":
        return next(
            y for y in range(published.year, published.year - 3, -1) if bounds(y)[1] < published
        )
    if rel == "next":
        return next(
            y for y in range(published.year - 1, published.year + 2) if bounds(y)[0] > published
        )
    if first == 12 and rel == "this":  # "this winter": the one around the publication date
        return published.year - 1 if published.month <= 6 else published.year
    if rel == "this":
        return published.year
    # a season with no year: the latest that had begun by the publication date
    begun = (y for y in range(published.year, published.year - 3, -1) if bounds(y)[0] <= published)
    return next(begun)
