"""Calendar arithmetic for dates: month lengths, month and year ranges (with early / mid /
late parts), clipping to the publication date and inferring a missing year.
"""

from __future__ import annotations

import calendar
import datetime as dt

from repwatch.model import DatePrecision, DateRange

# --- calendar helpers -------------------------------------------------------------


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    if not (1 <= year <= 9999 and 1 <= month <= 12) or not 1 <= day <= last_day(year, month):
        return None
    return dt.date(year, month, day)


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def month_days(year: int, month: int, part: str | None) -> tuple[int, int]:
    last = last_day(year, month)
    return {
        "early": (1, 10), "mid": (11, 20), "late": (21, last),
        "first": (1, 15), "second": (16, last),
    }.get(part or "", (1, last))  # fmt: skip


YEAR_PARTS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12), "first": (1, 6), "second": (7, 12)}
SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 14)}


def span_of_days(start: dt.date, end: dt.date) -> DateRange:
    return DateRange.between(min(start, end), max(start, end))


def month_range(year: int, month: int, part: str | None = None) -> DateRange | None:
    if not 1 <= year <= 9999:
        return None
    if part not in ("early", "mid", "late", "first", "second"):
        part = None  # "earlier", "later", "so far" name no fixed part of a month
    if part is None:
        value = f"{year:04d}-{month:02d}"
        return DateRange(start=value, end=value, precision=DatePrecision.MONTH)
    first, last = month_days(year, month, part)
    return span_of_days(dt.date(year, month, first), dt.date(year, month, last))


def year_range(year: int, part: str | None = None) -> DateRange | None:
    if not 1 <= year <= 9999:
        return None
    if part in YEAR_PARTS:
        first, last = YEAR_PARTS[part]
        return DateRange(
            start=f"{year:04d}-{first:02d}",
            end=f"{year:04d}-{last:02d}",
            precision=DatePrecision.MONTH,
        )
    return DateRange(start=f"{year:04d}", end=f"{year:04d}", precision=DatePrecision.YEAR)


def clip(start: dt.date, end: dt.date, published: dt.date) -> DateRange:
    """A range that has happened by publication ends on the publication date at the latest."""
    return span_of_days(start, min(end, published) if start <= published else end)


def infer_year(published: dt.date, month: int, day: int, *, future: bool) -> int | None:
    """The latest year that puts month/day on or before publication (a future cue allows
    92 days after it); Feb 29 goes back to a leap year."""
    for year in range(published.year + 1, published.year - 9, -1):
        date = safe_date(year, month, day)
        if date is None:
            continue
        if date <= published or (future and (date - published).days <= 92):
            return year
    return None
