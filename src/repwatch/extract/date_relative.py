"""Resolution of relative dates against the publication date: "yesterday", weekdays,
"last month", "early this month", "the past two weeks", "three days ago".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from repwatch.extract.date_calendar import (
    YEAR_PARTS,
    clip,
    last_day,
    month_days,
    month_range,
    shift_month,
    span_of_days,
    year_range,
)
from repwatch.extract.date_finders import Expr
from repwatch.model import DatePrecision, DateRange


def _day_range(expr: Expr, published: dt.date) -> DateRange | None:
    low, high = expr.count or (0, 0)
    return span_of_days(published + dt.timedelta(days=low), published + dt.timedelta(days=high))


def _weekday_range(expr: Expr, published: dt.date) -> DateRange | None:
    target, today = expr.day or 0, published.weekday()
    if expr.which == "last":
        return DateRange.day(published - dt.timedelta(days=(today - target) % 7 or 7))
    if expr.which == "next":
        return DateRange.day(published + dt.timedelta(days=(target - today) % 7 or 7))
    return DateRange.day(published - dt.timedelta(days=(today - target) % 7))


_WEEK_PARTS = {"early": (0, 2), "mid": (1, 3), "late": (3, 6), "first": (0, 3), "second": (3, 6)}


def _period_range(expr: Expr, published: dt.date) -> DateRange | None:
    which, period = (expr.which or "this_week").split("_")
    shift = {"last": -1, "this": 0, "next": 1}[which]
    part = expr.part
    if period == "week":
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=shift)
        today = (published - monday).days
        first, last = _WEEK_PARTS.get(part or "", (0, 6))
        if which == "this" and part in ("earlier", "sofar"):
            first, last = 0, today
        elif which == "this" and part == "later":
            first, last = today, 6
        start, end = monday + dt.timedelta(days=first), monday + dt.timedelta(days=last)
    elif period == "month":
        year, month = shift_month(published.year, published.month, shift)
        if part is None and which != "this":
            return month_range(year, month)
        first, last = month_days(year, month, part)
        if which == "this" and part in (None, "earlier", "sofar"):
            first, last = 1, published.day
        elif part == "later":
            first = published.day if which == "this" else first
        start, end = dt.date(year, month, first), dt.date(year, month, last)
    else:
        year = published.year + shift
        if part is None and which != "this":
            return year_range(year)
        first_month, last_month = YEAR_PARTS.get(part or "", (1, 12))
        start = dt.date(year, first_month, 1)
        end = dt.date(year, last_month, last_day(year, last_month))
        if which == "this" and part in (None, "earlier", "sofar"):
            start, end = dt.date(year, 1, 1), published
        elif which == "this" and part == "later":
            start = published
    if which == "this" and part != "later":
        return clip(start, end, published)
    return span_of_days(start, end)


def _past_range(expr: Expr, published: dt.date) -> DateRange | None:
    n = (expr.count or (1, 1))[1]
    unit = expr.which
    if unit in ("day", "week"):
        start = published - dt.timedelta(days=n * (7 if unit == "week" else 1))
    else:
        months = n * (12 if unit == "year" else 1)
        year, month = shift_month(published.year, published.month, -months)
        start = dt.date(year, month, min(published.day, last_day(year, month)))
    return span_of_days(start, published)


def _ago_range(expr: Expr, published: dt.date) -> DateRange | None:
    low, high = expr.count or (1, 1)
    unit = expr.which
    if unit == "day":
        return span_of_days(published - dt.timedelta(days=high), published - dt.timedelta(days=low))
    if unit == "week":
        monday = published - dt.timedelta(days=published.weekday())
        start = monday - dt.timedelta(weeks=high)
        return span_of_days(start, monday - dt.timedelta(weeks=low) + dt.timedelta(days=6))
    if unit == "month":
        y1, m1 = shift_month(published.year, published.month, -high)
        y2, m2 = shift_month(published.year, published.month, -low)
        return DateRange(
            start=f"{y1:04d}-{m1:02d}", end=f"{y2:04d}-{m2:02d}", precision=DatePrecision.MONTH
        )
    return DateRange(
        start=f"{published.year - high:04d}",
        end=f"{published.year - low:04d}",
        precision=DatePrecision.YEAR,
    )


RELATIVE: dict[str, Callable[[Expr, dt.date], DateRange | None]] = {
    "day": _day_range,
    "weekday": _weekday_range,
    "period": _period_range,
    "past": _past_range,
    "ago": _ago_range,
}
