"""Date finders: each turns a pattern match into a parsed expression (``Expr``), and
``FINDERS`` lists them in priority order.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from repwatch.extract.date_patterns import (
    AFTER_DAY_OF_MONTH_OK,
    AGO,
    ANCHOR_AFTER,
    ANCHOR_DAY,
    ANCHOR_LATER,
    ANCHOR_NEXT,
    ANCHOR_THAT_DAY,
    DAY_OF_MONTH,
    DAY_WORDS,
    DECADE,
    DMY,
    DURATION_BEFORE,
    ISO_DATE,
    KOREAN_DATE,
    KOREAN_DAY,
    KOREAN_RELATIVE,
    KOREAN_YEAR,
    MDY,
    MONTH_NUMBERS,
    MY,
    NEXT_WORD,
    PAST,
    PREPOSITION_BEFORE,
    SEASON,
    WEEKDAY_EXPR,
    WEEKDAYS,
    WHICH_PERIOD,
    YEAR_ONLY,
)
from repwatch.extract.quantity_words import parse_number

# --- parsed expressions ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Expr:
    """What a pattern read, before it is resolved against the publication date."""

    form: str  # ymd, ym, y, decade, season, day, weekday, period, past, ago, anchored, dom
    year: int | None = None
    month: int | None = None
    day: int | None = None
    month2: int | None = None
    day2: int | None = None
    part: str | None = None  # early, mid, late, earlier, later, sofar, first, second
    which: str | None = None  # last, this, next; or a unit / key for some forms
    count: tuple[int, int] | None = None  # a number range ("three or four") or day offsets


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    rank: int  # the pattern's place in FINDERS, to break ties between equal spans
    expr: Expr


def _part_of(raw: str | None) -> str | None:
    if not raw:
        return None
    low = " ".join(raw.lower().split())
    for key, part in (
        ("first half", "first"), ("second half", "second"), ("last half", "second"),
        ("beginning", "early"), ("start", "early"), ("middle", "mid"), ("end", "late"),
        ("first", "early"), ("opening", "early"), ("last", "late"), ("final", "late"),
        ("closing", "late"),
        ("초", "early"), ("상순", "early"), ("중순", "mid"), ("하순", "late"), ("말", "late"),
    ):  # fmt: skip
        if key in low:
            return part
    return low


def _month(raw: str) -> int:
    return MONTH_NUMBERS[raw.rstrip(".")]


def _day(raw: str) -> int:
    return int(raw.rstrip("stndrh"))


def _how_many(match: re.Match[str]) -> tuple[int, int] | None:
    raw = " ".join(match.group("n").lower().split())
    if raw in ("a", "an"):
        return (1, 1)
    if raw in ("a few", "few"):
        return (2, 7)
    if raw == "several":
        return (3, 9)
    if raw == "a couple of":
        return (2, 3)
    value, length = parse_number(raw)
    if value is None or length != len(raw):
        return None
    high = value
    if match.groupdict().get("n2"):
        high_value, high_length = parse_number(match.group("n2"))
        if high_value is not None and high_length == len(match.group("n2")) and high_value > value:
            high = high_value
    return (value, high)


# --- finders: each turns a match into an expression (or None to skip it) ------------


def _iso(text: str, m: re.Match[str]) -> Expr | None:
    return Expr("ymd", int(m["y"]), int(m["m"]), int(m["d"]))


def _mdy(text: str, m: re.Match[str]) -> Expr | None:
    month = _month(m["mon"])
    month2 = _month(m["mon2"]) if m["mon2"] else None
    day2 = _day(m["d2"]) if m["d2"] else None
    return Expr("ymd", int(m["y"]) if m["y"] else None, month, _day(m["d"]), month2, day2)


def _dmy(text: str, m: re.Match[str]) -> Expr | None:
    day2 = _day(m["d2"]) if m["d2"] else None
    return Expr("ymd", int(m["y"]) if m["y"] else None, _month(m["mon"]), _day(m["d"]), None, day2)


def _my(text: str, m: re.Match[str]) -> Expr | None:
    qualified = m["part"] or m["lmod"] or m["y"] or m["rel"]
    if not qualified and not PREPOSITION_BEFORE.search(text, max(0, m.start() - 12), m.start()):
        return None  # a bare "May" or "March" is too often not a month
    which = (m["lmod"] or "").lower() or None
    rel = (m["rel"] or "").lower() or None
    return Expr(
        "ym",
        int(m["y"]) if m["y"] else None,
        _month(m["mon"]),
        part=_part_of(m["part"]),
        which=f"month_{which}" if which else (f"year_{rel}" if rel else None),
    )


def _year(text: str, m: re.Match[str]) -> Expr | None:
    return Expr("y", int(m["y"]), part=_part_of(m["part"]))


def _decade(text: str, m: re.Match[str]) -> Expr | None:
    return Expr("decade", int(m["y"]))


def _season(text: str, m: re.Match[str]) -> Expr | None:
    if not (m["y"] or m["rel"] or m["part"] or _SEASON_PREPOSITION.search(text, 0, m.start())):
        return None  # "the spring harvest": no time of the case
    season = m["season"].lower()
    return Expr(
        "season",
        int(m["y"]) if m["y"] else None,
        part=_part_of(m["part"]),
        which=f"{(m['rel'] or '').lower()}:{'autumn' if season == 'fall' else season}",
    )


# Before a season with no year: "in the autumn", "during winter".
_SEASON_PREPOSITION = re.compile(
    r"\b(?:in|during|through|throughout|until|by|that|over)\s+(?:the\s+)?\Z", re.IGNORECASE
)


def _day_word(text: str, m: re.Match[str]) -> Expr | None:
    key = " ".join(m["k"].lower().split())
    offsets = {"the day before yesterday": (-2, -2), "yesterday": (-1, -1), "last night": (-1, 0)}
    return Expr("day", count=offsets.get(key, (0, 0)))


def _weekday(text: str, m: re.Match[str]) -> Expr | None:
    mod = (m["mod"] or "").lower()
    which = "last" if mod == "last" else "next" if mod == "next" else "on"
    return Expr("weekday", day=WEEKDAYS.index(m["wd"]), which=which)


def _period(text: str, m: re.Match[str]) -> Expr | None:
    part = "sofar" if m["sofar"] else _part_of(m["part"] or m["part2"])
    return Expr("period", part=part, which=f"{m['which'].lower()}_{m['period'].lower()}")


def _past(text: str, m: re.Match[str]) -> Expr | None:
    raw = (m["n"] or "").lower()
    if not raw and not m["the"]:
        return None  # "last week" is a period, not a span back from publication
    if raw in ("few", "several"):
        count: tuple[int, int] | None = (7, 7) if raw == "several" else (3, 3)
    else:
        value, length = parse_number(raw) if raw else (1, len(raw))
        count = (value, value) if value is not None and length == len(raw) else None
    if count is None:
        return None
    return Expr("past", which=m["unit"].lower(), count=count)


def _ago(text: str, m: re.Match[str]) -> Expr | None:
    count = _how_many(m)
    return Expr("ago", which=m["unit"].lower(), count=count) if count else None


_UNIT_DAYS = {"day": (1, 1), "week": (7, 7), "month": (28, 31), "year": (365, 366)}


def _anchor_next(text: str, m: re.Match[str]) -> Expr | None:
    which, unit = m["which"].lower(), m["unit"].lower()
    if which == "same":
        return Expr("anchored", count=(0, 0))
    days = {"week": (1, 13), "month": (1, 61)}.get(unit, (1, 1))
    if which in ("previous", "preceding"):
        days = (-days[1], -days[0])
    return Expr("anchored", count=days)


def _anchor_day(text: str, m: re.Match[str]) -> Expr | None:
    return Expr("anchored", count=(1, 1) if m["dir"].lower() == "after" else (-1, -1))


def _anchor_later(text: str, m: re.Match[str]) -> Expr | None:
    if DURATION_BEFORE.search(text, max(0, m.start() - 10), m.start()):
        return None  # "for three days after": a duration
    count = _how_many(m)
    if count is None:
        return None
    low, high = _UNIT_DAYS[m["unit"].lower()]
    days = (count[0] * low, count[1] * high)
    if m.groupdict().get("dir") and m["dir"].lower() in ("earlier", "before", "previously"):
        days = (-days[1], -days[0])
    return Expr("anchored", count=days)


def _anchor_that_day(text: str, m: re.Match[str]) -> Expr | None:
    return Expr("anchored", count=(0, 0))


def _day_of_month(text: str, m: re.Match[str]) -> Expr | None:
    after = NEXT_WORD.match(text, m.end())
    if after and after.group(1) not in AFTER_DAY_OF_MONTH_OK:
        return None  # "on the 5th floor"
    return Expr("dom", day=int(m["d"]), which=m["which"].lower() if m["which"] else None)


def _korean_date(text: str, m: re.Match[str]) -> Expr | None:
    year = int(m["y"]) if m["y"] else None
    if m["d"]:
        return Expr("ymd", year, int(m["m"]), int(m["d"]))
    return Expr("ym", year, int(m["m"]), part=_part_of(m["part"]))


def _korean_day(text: str, m: re.Match[str]) -> Expr | None:
    return Expr("dom", day=int(m["d"]))


def _korean_year(text: str, m: re.Match[str]) -> Expr | None:
    return Expr("y", int(m["y"]))


_KOREAN_KEYS = {
    "지난달": "last_month", "이달": "this_month", "이번달": "this_month",
    "지난해": "last_year", "작년": "last_year", "올해": "this_year",
    "지난주": "last_week", "이번주": "this_week",
}  # fmt: skip


def _korean_relative(text: str, m: re.Match[str]) -> Expr | None:
    key = m["k"].replace(" ", "")
    if key in ("어제", "그제", "그저께"):
        offset = -1 if key == "어제" else -2
        return Expr("day", count=(offset, offset))
    return Expr("period", part=_part_of(m["part"]), which=_KOREAN_KEYS[key])


_Finder = Callable[[str, re.Match[str]], Expr | None]
# Each pattern, what reads it, and the groups its span starts at when not at the match
# ("in 2011" quotes "2011"). In order of preference when two read the same span.
FINDERS: dict[str, tuple[re.Pattern[str], _Finder, str | None]] = {
    "iso": (ISO_DATE, _iso, None),
    "mdy": (MDY, _mdy, None),
    "dmy": (DMY, _dmy, None),
    "my": (MY, _my, None),
    "season": (SEASON, _season, None),
    "year": (YEAR_ONLY, _year, "part|y"),
    "decade": (DECADE, _decade, None),
    "day": (DAY_WORDS, _day_word, None),
    "weekday": (WEEKDAY_EXPR, _weekday, None),
    "period": (WHICH_PERIOD, _period, None),
    "past": (PAST, _past, None),
    "ago": (AGO, _ago, None),
    "next": (ANCHOR_NEXT, _anchor_next, None),
    "day_after": (ANCHOR_DAY, _anchor_day, None),
    "later": (ANCHOR_LATER, _anchor_later, None),
    "after": (ANCHOR_AFTER, _anchor_later, None),
    "that_day": (ANCHOR_THAT_DAY, _anchor_that_day, None),
    "dom": (DAY_OF_MONTH, _day_of_month, "the|d"),
    "korean_date": (KOREAN_DATE, _korean_date, None),
    "korean_year": (KOREAN_YEAR, _korean_year, None),
    "korean_day": (KOREAN_DAY, _korean_day, None),
    "korean_relative": (KOREAN_RELATIVE, _korean_relative, None),
}
RANK = {name: rank for rank, name in enumerate(FINDERS)}
KOREAN_FINDERS = ("korean_date", "korean_year", "korean_relative", "korean_day")
HANGUL = re.compile("[\uac00-\ud7a3]")
