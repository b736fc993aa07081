"""Dates: when things happened, as a report writes it, resolved against its publication date.

``find_dates`` returns every date expression with its span, its resolved
:class:`~repwatch.model.DateRange` and a ``kind`` that tells the caller how to use it:

- ``absolute``: the year is written ("February 14, 2012", "in 2011", "the 1990s").
- ``inferred_year``: day or month without a year ("Feb. 14", "in March"); the year is the
  latest that puts the date on or before the publication date (a future cue such as "by
  Feb. 20" allows up to 92 days after it). With no publication date, the year of an
  earlier dated mention in the same call is used; right after a full date of an earlier
  year in the same sentence ("arrested in February 2014 and sent back in April"), that
  year (or the next, for an earlier month).
- ``relative``: counted from the publication date ("last week", "early this month",
  "on Monday", "two weeks ago"), or a bare day of the month ("on the 8th") read in the
  month of the nearest earlier mention (else the publication month).
- ``anchored``: counted from an earlier date of the same case ("the next day", "three
  days later"); ``range`` is None and ``offset_days`` holds the days after the anchor,
  for ``resolve_anchored``.
- ``spoke``: the day a source spoke or a paper reported ("told Daily NK on March 3",
  "said Tuesday"): not the incident's date, but its upper bound (``bound_by_spoke``).
- ``dateline``: a wire dateline ("SEOUL, Feb. 14 (Yonhap) --"): the publication date.
- ``since``: the start of a tally ("since 2000", "since last year"); skip it for incidents.
- ``partial``: no year can be found (no publication date, no earlier year): ``range`` is
  None and ``partial`` holds the ISO-8601 truncated form ("--08-15", "--08").

Relative expressions without a publication date keep their kind with ``range`` None.
Decisions beyond FORMAT.md: a bare weekday ("on Monday", "said Tuesday") is the most
recent such day on or before the publication date, "last Monday" the most recent before
it; "early/mid/late last week" are Mon–Wed / Tue–Thu / Thu–Sun; early/mid/late in a year
are Jan–Apr / May–Aug / Sep–Dec; seasons are northern (winter of 2010 = Dec 2010–Feb 2011).
Ages, times of day and durations ("for three days") are not dates.
"""

from __future__ import annotations

import datetime as dt
import re

from repwatch.extract.date_absolute import DateContext, Resolved, resolve_calendar, resolve_season
from repwatch.extract.date_calendar import last_day, safe_date, span_of_days, year_range
from repwatch.extract.date_finders import Expr
from repwatch.extract.date_patterns import (
    DATELINE_AFTER,
    DATELINE_BEFORE,
    FUTURE_BEFORE,
    KINDS,
    PRODUCER,
    SINCE_BEFORE,
    SPOKE_BEFORE,
    DateMention,
)
from repwatch.extract.date_relative import RELATIVE
from repwatch.extract.date_scan import find_candidates, select_longest
from repwatch.model import DatePrecision, DateRange

__all__ = ["KINDS", "PRODUCER", "DateMention", "bound_by_spoke", "find_dates", "resolve_anchored"]


# --- resolution dispatch ---------------------------------------------------------


def _resolve(
    expr: Expr, published: dt.date | None, context: DateContext, *, future: bool
) -> Resolved | None:
    """The range an expression names; None when it names no real date (Feb 30)."""
    if expr.form == "anchored":
        return Resolved(None, "anchored", expr.count)
    if expr.form in ("ymd", "ym", "dom"):
        return resolve_calendar(expr, published, context, future=future)
    if expr.form in ("y", "decade"):
        assert expr.year is not None
        if expr.form == "decade":
            end = f"{expr.year + 9:04d}"
            return Resolved(
                DateRange(start=f"{expr.year:04d}", end=end, precision=DatePrecision.YEAR),
                "absolute",
            )
        return Resolved(year_range(expr.year, expr.part), "absolute")
    if expr.form == "season":
        try:
            return resolve_season(expr, published)
        except (OverflowError, ValueError, StopIteration):  # seasons past year 1 or 9999
            return Resolved(None, "relative")
    if published is None:
        return Resolved(None, "relative")
    try:
        return Resolved(RELATIVE[expr.form](expr, published), "relative")
    except (OverflowError, ValueError):  # counted past year 1 or 9999
        return Resolved(None, "relative")


# --- the kind a mention's surroundings give it ---------------------------------------


# "인권단체가 15일 밝혔다", "소식통은 9일 데일리NK와의 통화에서": the day a source spoke.
_KOREAN_SPOKE_AFTER = re.compile(
    r"\s*(?:\S+(?:에|에게|와의|과의|와|과)\s+)?(?:밝혔|말했|전했|발표했|보도했|주장했|통화에서"
    r"|인터뷰에서)"
)


def _surrounding_kind(text: str, start: int, end: int) -> str | None:
    before = text[max(0, start - 120) : start]
    line_start = text.rfind("\n", 0, start) + 1
    if (
        start - line_start <= 60
        and DATELINE_BEFORE.fullmatch(text, line_start, start)
        and DATELINE_AFTER.match(text, end)
    ):
        return "dateline"
    if SPOKE_BEFORE.search(before) or _KOREAN_SPOKE_AFTER.match(text, end):
        return "spoke"
    if SINCE_BEFORE.search(before):
        return "since"
    return None


def _update(context: DateContext, expr: Expr, resolved: Resolved) -> None:
    value = resolved.range
    if value is not None and value.start and value.end:
        context.year = int(value.start[:4])
        if len(value.start) >= 7 and value.start[:7] == value.end[:7]:
            context.month = (int(value.start[:4]), int(value.start[5:7]))
    elif resolved.kind == "partial" and expr.month is not None:
        context.month = (None, expr.month)


# --- public API -------------------------------------------------------------------


def find_dates(
    text: str, published: dt.date | None, start: int = 0, end: int | None = None
) -> list[DateMention]:
    """Every date expression in ``text[start:end]``, in text order, resolved against
    ``published``. Context ("on the 8th", years when ``published`` is None) comes from
    earlier mentions in the same range: call it on the whole text."""
    if isinstance(published, dt.datetime):
        published = published.date()
    hi = len(text) if end is None else max(0, min(end, len(text)))
    lo = max(0, start)
    if lo >= hi:
        return []
    context = DateContext()
    mentions = []
    told: tuple[int, int, int] | None = None  # year, month and end of the last full date
    for candidate in select_longest(find_candidates(text, lo, hi)):
        before = text[max(0, candidate.start - 24) : candidate.start]
        future = bool(FUTURE_BEFORE.search(before))
        expr = candidate.expr
        story_year = _story_year(text, candidate.start, expr, told, published)
        if story_year is not None:
            resolved = resolve_calendar(expr, None, DateContext(year=story_year), future=False)
        else:
            resolved = _resolve(expr, published, context, future=future)
        if resolved is None:
            continue
        kind = resolved.kind
        if kind != "anchored":
            kind = _surrounding_kind(text, candidate.start, candidate.end) or kind
            _update(context, candidate.expr, resolved)
        if expr.form in ("ymd", "ym") and expr.year is not None and expr.month is not None:
            told = (expr.year, expr.month, candidate.end)
        mentions.append(
            DateMention(
                candidate.start,
                candidate.end,
                text[candidate.start : candidate.end],
                resolved.range,
                kind,
                resolved.offset_days,
                resolved.partial,
            )
        )
    return mentions


def _story_year(
    text: str,
    start: int,
    expr: Expr,
    told: tuple[int, int, int] | None,
    published: dt.date | None,
) -> int | None:
    """The year of a month written without one right after a full date of an earlier year,
    in the same sentence: "arrested in February 2014 and sent back in April" (April 2014,
    not the April before publication); a month before the told one runs into the next year."""
    if told is None or published is None or expr.year is not None or expr.which:
        return None
    if expr.form not in ("ymd", "ym") or expr.month is None:
        return None
    year, month, end = told
    if year >= published.year or start - end > 160 or _SENTENCE_END.search(text, end, start):
        return None
    return year + (expr.month < month)


_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def _bound(value: str | None, *, last: bool) -> dt.date | None:
    """The first (or last) day an ISO or partial date covers."""
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    year = parts[0]
    month = parts[1] if len(parts) > 1 else (12 if last else 1)
    if len(parts) > 2:
        return safe_date(year, month, parts[2])
    return safe_date(year, month, last_day(year, month) if last else 1)


def resolve_anchored(mention: DateMention, anchor: DateRange) -> DateRange | None:
    """The range an anchored expression ("three days later") names after ``anchor``, an
    earlier date of the same case; other mentions keep their own range."""
    if mention.offset_days is None:
        return mention.range
    first = _bound(anchor.start or anchor.end, last=False)
    last = _bound(anchor.end or anchor.start, last=True)
    if first is None or last is None:
        return None
    low, high = mention.offset_days
    try:
        return span_of_days(first + dt.timedelta(days=low), last + dt.timedelta(days=high))
    except OverflowError:
        return None


def bound_by_spoke(spoke: DateMention) -> DateRange:
    """The range a source's speaking date implies for the incident: from the start of that
    month to that day (FORMAT.md). Unbounded (start and end None) if the date is unresolved."""
    last = _bound(spoke.range.end, last=True) if spoke.range else None
    if last is None:
        return DateRange()
    return DateRange.between(last.replace(day=1), last)
