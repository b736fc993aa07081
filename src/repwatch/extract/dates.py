"""Dates: when things happened, as a report writes it, resolved against its publication date.

``find_dates`` returns every date expression with its span, its resolved
:class:`~repwatch.model.DateRange` and a ``kind`` that tells the caller how to use it:

- ``absolute``: the year is written ("February 14, 2012", "in 2011", "the 1990s").
- ``inferred_year``: day or month without a year ("Feb. 14", "in March"); the year is the
  latest that puts the date on or before the publication date (a future cue such as "by
  Feb. 20" allows up to 92 days after it). With no publication date, the year of an
  earlier dated mention in the same call is used.
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

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from repwatch.extract.quantities import NUMBER, Scan, parse_number, word_alternation
from repwatch.model import DatePrecision, DateRange

PRODUCER = "dates.v1"

KINDS = (
    "absolute", "inferred_year", "relative", "anchored", "spoke", "dateline", "since", "partial"
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression quoting ``text[start:end]``."""

    start: int
    end: int
    text: str
    range: DateRange | None  # None when unresolvable, and for "anchored"
    kind: str  # one of KINDS
    offset_days: tuple[int, int] | None = None  # for "anchored": days after the anchor
    partial: str | None = None  # for "partial": "--08-15", "--08", "---15"


# --- patterns --------------------------------------------------------------------

_MONTH_NUMBERS = {
    name: number
    for number, names in enumerate(
        [
            ("January", "Jan"), ("February", "Feb"), ("March", "Mar"), ("April", "Apr"),
            ("May",), ("June", "Jun"), ("July", "Jul"), ("August", "Aug"),
            ("September", "Sept", "Sep"), ("October", "Oct"), ("November", "Nov"),
            ("December", "Dec"),
        ],
        start=1,
    )
    for name in names
}  # fmt: skip
_FULL = "|".join(n for n in _MONTH_NUMBERS if len(n) > 4 or n in ("May", "June", "July"))
_ABBR = "|".join(n for n in _MONTH_NUMBERS if len(n) <= 4 and n not in ("May", "June", "July"))
# Month names are capitalised in prose: "may" and "march" are verbs.
_MON = rf"(?:(?:{_FULL})\b|(?:{_ABBR})(?:\.|\b))"
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY = "|".join(_WEEKDAYS)
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
_YEAR = r"(?:19|20)\d{2}(?![\d,]\d)"
_PART = (
    r"(?i:early|mid|late|the\s+(?:beginning|start|middle|end)\s+of"
    r"|(?:the\s+)?(?:first|second|last)\s+half\s+of)"
)
_UNIT = r"(?i:(?P<unit>day|week|month|year)s?)(?![\w-])"
_HOW_MANY = (
    rf"(?i:(?P<n>{NUMBER}|an?|a\s+few|several|a\s+couple\s+of)(?:\s+or\s+(?P<n2>{NUMBER}))?)"
)
_NIGHT = r"(?:\s+(?i:morning|afternoon|evening|night))?"

_ISO = re.compile(  # 2012-02-14, 2012.2.14, 2012/02/14
    r"(?<![\w./-])(?P<y>(?:19|20)\d{2})([-./])(?P<m>1[0-2]|0?[1-9])\2"
    r"(?P<d>3[01]|[12]\d|0?[1-9])(?![\w]|[./-]\d)"
)
_MDY = re.compile(
    rf"(?<!\w)(?:(?P<wd>{_WEEKDAY}),?\s+)?(?P<mon>{_MON})\s*(?P<d>{_DAY})"
    rf"(?:\s*(?:-|–|to|and|through)\s*(?:(?P<mon2>{_MON})\s*)?(?P<d2>{_DAY}))?"
    rf"(?:,?\s+(?P<y>{_YEAR}))?"
)
_DMY = re.compile(
    rf"(?<![\w.,])(?P<d>{_DAY})(?:\s*(?:-|–|to|and)\s*(?P<d2>{_DAY}))?\s+(?:of\s+)?"
    rf"(?P<mon>{_MON})(?:,?\s+(?P<y>{_YEAR}))?"
)
_MY = re.compile(
    rf"(?<![\w-])(?:(?P<part>{_PART})[\s-]+|(?P<lmod>(?i:last|this|next))\s+)?"
    rf"(?P<mon>(?:{_FULL})\b|(?:{_ABBR})\.)"
    rf"(?:,?\s+(?:of\s+)?(?P<y>{_YEAR})|,?\s+(?:of\s+)?(?P<rel>(?i:last|this|next))\s+year\b)?"
)
_YEAR_ONLY = re.compile(
    rf"(?<![\w-])(?:(?P<part>{_PART})[\s-]+|(?P<prep>(?i:in|since|during|until|till|by|from"
    r"|to|through|throughout|before|after|between|and|around|circa|the\s+year))\s+)"
    rf"(?P<y>{_YEAR})(?![\w-])"
)
_DECADE = re.compile(r"(?<![\w'’])(?P<y>(?:19|20)\d0)['’]?s\b")
_SEASON = re.compile(
    r"(?<![\w-])(?i:(?P<part>early|late|mid)[\s-]+)?(?i:(?P<rel>last|this|next)\s+)?"
    r"(?P<season>(?i:spring|summer|autumn|fall|winter))"
    rf"(?:\s+(?:of\s+)?(?P<y>{_YEAR}))?"
)
_WEEKDAY_EXPR = re.compile(
    r"(?<!\w)(?i:(?P<mod>last|this|next|on|early|late|early\s+on|late\s+on"
    r"|the\s+early\s+hours\s+of|the\s+(?:morning|evening|night|afternoon)\s+of)\s+)?"
    rf"(?P<wd>{_WEEKDAY})\b{_NIGHT}"
)
_DAY_WORDS = re.compile(
    r"(?<!\w)(?i:(?P<k>the\s+day\s+before\s+yesterday|yesterday|today|tonight|last\s+night"
    r"|this\s+morning|this\s+afternoon|earlier\s+today))\b"
)
_WHICH_PERIOD = re.compile(
    r"(?<!\w)(?i:(?:(?P<part>early|mid|late|earlier|later)[\s-]+"
    r"|the\s+(?P<part2>beginning|start|middle|end)\s+of\s+|(?P<sofar>so\s+far)\s+)?"
    r"(?P<which>last|this|next)\s+(?P<period>week|month|year))\b"
)
_PAST = re.compile(
    r"(?<!\w)(?i:(?P<the>the\s+)?(?:past|last)\s+(?:(?P<n>" + NUMBER + r"|few|several)\s+)?"
    r"(?P<unit>day|week|month|year)s?)\b"
)
_AGO = re.compile(rf"(?<!\w){_HOW_MANY}\s+{_UNIT}\s+(?i:ago)\b")
_ANCHOR_NEXT = re.compile(
    r"(?<!\w)(?i:(?:the|that)\s+(?P<which>next|following|previous|preceding|same)\s+"
    r"(?P<unit>day|morning|afternoon|evening|night|week|month))\b"
)
_ANCHOR_DAY = re.compile(
    r"(?<!\w)(?i:the\s+(?:day|night|morning|evening)\s+(?P<dir>after|before))\b"
    r"(?!\s+(?i:yesterday|tomorrow))"
)
_ANCHOR_LATER = re.compile(
    rf"(?<!\w){_HOW_MANY}\s+{_UNIT}\s+(?i:(?P<dir>later|afterwards?|after|earlier|before"
    r"|previously))\b"
)
_ANCHOR_AFTER = re.compile(rf"(?<!\w)(?i:after)\s+{_HOW_MANY}\s+{_UNIT}\b")
_ANCHOR_THAT_DAY = re.compile(
    r"(?<!\w)(?i:(?:later\s+)?that\s+(?:same\s+)?(?:day|night|evening|morning)"
    r"|the\s+same\s+(?:day|night|evening|morning))\b"
)
_DAY_OF_MONTH = re.compile(
    r"(?<!\w)(?i:on|by|since|until|till|from|before|after)\s+(?P<the>(?i:the)\s+)?"
    r"(?P<d>3[01]|[12]\d|0?[1-9])(?i:st|nd|rd|th)\b"
    # "on the 1st of this month": the month named, not the one the text spoke of last
    r"(?:\s+(?i:of)\s+(?P<which>(?i:this|last|next))\s+(?i:month)\b)?"
)
_KOREAN_DATE = re.compile(
    r"(?:(?P<y>(?:19|20)\d{2})\s*년\s*)?(?P<m>1[0-2]|0?[1-9])\s*월"
    r"(?:\s*(?P<d>3[01]|[12]\d|0?[1-9])\s*일)?(?:\s*(?P<part>초순|초|중순|하순|말|상순))?"
)
_KOREAN_YEAR = re.compile(r"(?P<y>(?:19|20)\d{2})\s*년(?!\s*\d{1,2}\s*월)")
_KOREAN_RELATIVE = re.compile(
    r"(?P<k>지난달|이달|이번\s*달|지난해|작년|올해|지난주|이번\s*주|그저께|그제|어제)"
    r"(?:\s*(?P<part>초순|초|중순|하순|말|상순))?"
)

# Context around a mention.
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|since|until|till|by|during|from|to|through|throughout|between|and|or|before"
    r"|after|of|around|early|mid|late|last|this|next|that|as\s+of|for)\s*$",
    re.IGNORECASE,
)
_SPOKE_BEFORE = re.compile(
    r"(?:\b(?:told|tells|said|says|reported|reports|announced|stated|added|confirmed|wrote"
    r"|claimed|explained|noted|revealed|disclosed|informed)"
    r"(?:\s+(?:to\s+)?(?:[A-Z][\w'’.&-]*|the|a|an|reporters|journalists|us|this\s+(?:news)?paper"
    r"|by\s+(?:tele)?phone|in\s+an?\s+(?:interview|statement|(?:tele)?phone\s+(?:call|interview"
    r"|conversation))))"
    r"{0,6}|\baccording\s+to(?:\s+[\w'’-]+){1,4})\s+(?:on\s+|in\s+|late\s+|early\s+)?$"
)
_SINCE_BEFORE = re.compile(r"\b(?:ever\s+)?since\s+$", re.IGNORECASE)
_FUTURE_BEFORE = re.compile(
    r"\b(?:by|until|till|due|scheduled\s+for|set\s+for|no\s+later\s+than)\s+$", re.IGNORECASE
)
_DURATION_BEFORE = re.compile(r"\b(?:for|within|over|about|nearly|almost)\s+$", re.IGNORECASE)
_DATELINE_BEFORE = re.compile(
    r"[ \t]*\(?[A-Z][A-Za-z .'’-]{1,40}(?:,[ \t]*[A-Z][A-Za-z .'’-]{1,30})?,[ \t]*"
)
_DATELINE_AFTER = re.compile(r"[ \t]*(?:\([A-Za-z .'’&-]{1,30}\))?[ \t]*\)?[ \t]*(?:--|-|–|—|:)")
# Words that may follow "on the 8th" (a noun would make it "the 5th floor").
_AFTER_DAY_OF_MONTH_OK = frozenset(
    (
        *("and", "or", "at", "in", "on", "when", "while", "after", "before", "but", "as"),
        *("near", "with", "by", "from", "to", "of", "that", "this", "last"),
    )
)
_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)")


# --- parsed expressions ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Expr:
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
class _Candidate:
    start: int
    end: int
    rank: int  # the pattern's place in _FINDERS, to break ties between equal spans
    expr: _Expr


def _part_of(raw: str | None) -> str | None:
    if not raw:
        return None
    low = " ".join(raw.lower().split())
    for key, part in (
        ("first half", "first"), ("second half", "second"), ("last half", "second"),
        ("beginning", "early"), ("start", "early"), ("middle", "mid"), ("end", "late"),
        ("초", "early"), ("상순", "early"), ("중순", "mid"), ("하순", "late"), ("말", "late"),
    ):  # fmt: skip
        if key in low:
            return part
    return low


def _month(raw: str) -> int:
    return _MONTH_NUMBERS[raw.rstrip(".")]


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


def _iso(text: str, m: re.Match[str]) -> _Expr | None:
    return _Expr("ymd", int(m["y"]), int(m["m"]), int(m["d"]))


def _mdy(text: str, m: re.Match[str]) -> _Expr | None:
    month = _month(m["mon"])
    month2 = _month(m["mon2"]) if m["mon2"] else None
    day2 = _day(m["d2"]) if m["d2"] else None
    return _Expr("ymd", int(m["y"]) if m["y"] else None, month, _day(m["d"]), month2, day2)


def _dmy(text: str, m: re.Match[str]) -> _Expr | None:
    day2 = _day(m["d2"]) if m["d2"] else None
    return _Expr("ymd", int(m["y"]) if m["y"] else None, _month(m["mon"]), _day(m["d"]), None, day2)


def _my(text: str, m: re.Match[str]) -> _Expr | None:
    qualified = m["part"] or m["lmod"] or m["y"] or m["rel"]
    if not qualified and not _PREPOSITION_BEFORE.search(text, max(0, m.start() - 12), m.start()):
        return None  # a bare "May" or "March" is too often not a month
    which = (m["lmod"] or "").lower() or None
    rel = (m["rel"] or "").lower() or None
    return _Expr(
        "ym",
        int(m["y"]) if m["y"] else None,
        _month(m["mon"]),
        part=_part_of(m["part"]),
        which=f"month_{which}" if which else (f"year_{rel}" if rel else None),
    )


def _year(text: str, m: re.Match[str]) -> _Expr | None:
    return _Expr("y", int(m["y"]), part=_part_of(m["part"]))


def _decade(text: str, m: re.Match[str]) -> _Expr | None:
    return _Expr("decade", int(m["y"]))


def _season(text: str, m: re.Match[str]) -> _Expr | None:
    if not (m["y"] or m["rel"]):
        return None
    season = m["season"].lower()
    return _Expr(
        "season",
        int(m["y"]) if m["y"] else None,
        part=_part_of(m["part"]),
        which=f"{(m['rel'] or '').lower()}:{'autumn' if season == 'fall' else season}",
    )


def _day_word(text: str, m: re.Match[str]) -> _Expr | None:
    key = " ".join(m["k"].lower().split())
    offsets = {"the day before yesterday": (-2, -2), "yesterday": (-1, -1), "last night": (-1, 0)}
    return _Expr("day", count=offsets.get(key, (0, 0)))


def _weekday(text: str, m: re.Match[str]) -> _Expr | None:
    mod = (m["mod"] or "").lower()
    which = "last" if mod == "last" else "next" if mod == "next" else "on"
    return _Expr("weekday", day=_WEEKDAYS.index(m["wd"]), which=which)


def _period(text: str, m: re.Match[str]) -> _Expr | None:
    part = "sofar" if m["sofar"] else _part_of(m["part"] or m["part2"])
    return _Expr("period", part=part, which=f"{m['which'].lower()}_{m['period'].lower()}")


def _past(text: str, m: re.Match[str]) -> _Expr | None:
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
    return _Expr("past", which=m["unit"].lower(), count=count)


def _ago(text: str, m: re.Match[str]) -> _Expr | None:
    count = _how_many(m)
    return _Expr("ago", which=m["unit"].lower(), count=count) if count else None


_UNIT_DAYS = {"day": (1, 1), "week": (7, 7), "month": (28, 31), "year": (365, 366)}


def _anchor_next(text: str, m: re.Match[str]) -> _Expr | None:
    which, unit = m["which"].lower(), m["unit"].lower()
    if which == "same":
        return _Expr("anchored", count=(0, 0))
    days = {"week": (1, 13), "month": (1, 61)}.get(unit, (1, 1))
    if which in ("previous", "preceding"):
        days = (-days[1], -days[0])
    return _Expr("anchored", count=days)


def _anchor_day(text: str, m: re.Match[str]) -> _Expr | None:
    return _Expr("anchored", count=(1, 1) if m["dir"].lower() == "after" else (-1, -1))


def _anchor_later(text: str, m: re.Match[str]) -> _Expr | None:
    if _DURATION_BEFORE.search(text, max(0, m.start() - 10), m.start()):
        return None  # "for three days after": a duration
    count = _how_many(m)
    if count is None:
        return None
    low, high = _UNIT_DAYS[m["unit"].lower()]
    days = (count[0] * low, count[1] * high)
    if m.groupdict().get("dir") and m["dir"].lower() in ("earlier", "before", "previously"):
        days = (-days[1], -days[0])
    return _Expr("anchored", count=days)


def _anchor_that_day(text: str, m: re.Match[str]) -> _Expr | None:
    return _Expr("anchored", count=(0, 0))


def _day_of_month(text: str, m: re.Match[str]) -> _Expr | None:
    after = _NEXT_WORD.match(text, m.end())
    if after and after.group(1) not in _AFTER_DAY_OF_MONTH_OK:
        return None  # "on the 5th floor"
    return _Expr("dom", day=int(m["d"]), which=m["which"].lower() if m["which"] else None)


def _korean_date(text: str, m: re.Match[str]) -> _Expr | None:
    year = int(m["y"]) if m["y"] else None
    if m["d"]:
        return _Expr("ymd", year, int(m["m"]), int(m["d"]))
    return _Expr("ym", year, int(m["m"]), part=_part_of(m["part"]))


def _korean_year(text: str, m: re.Match[str]) -> _Expr | None:
    return _Expr("y", int(m["y"]))


_KOREAN_KEYS = {
    "지난달": "last_month", "이달": "this_month", "이번달": "this_month",
    "지난해": "last_year", "작년": "last_year", "올해": "this_year",
    "지난주": "last_week", "이번주": "this_week",
}  # fmt: skip


def _korean_relative(text: str, m: re.Match[str]) -> _Expr | None:
    key = m["k"].replace(" ", "")
    if key in ("어제", "그제", "그저께"):
        offset = -1 if key == "어제" else -2
        return _Expr("day", count=(offset, offset))
    return _Expr("period", part=_part_of(m["part"]), which=_KOREAN_KEYS[key])


_Finder = Callable[[str, re.Match[str]], _Expr | None]
# Each pattern, what reads it, and the groups its span starts at when not at the match
# ("in 2011" quotes "2011"). In order of preference when two read the same span.
_FINDERS: dict[str, tuple[re.Pattern[str], _Finder, str | None]] = {
    "iso": (_ISO, _iso, None),
    "mdy": (_MDY, _mdy, None),
    "dmy": (_DMY, _dmy, None),
    "my": (_MY, _my, None),
    "season": (_SEASON, _season, None),
    "year": (_YEAR_ONLY, _year, "part|y"),
    "decade": (_DECADE, _decade, None),
    "day": (_DAY_WORDS, _day_word, None),
    "weekday": (_WEEKDAY_EXPR, _weekday, None),
    "period": (_WHICH_PERIOD, _period, None),
    "past": (_PAST, _past, None),
    "ago": (_AGO, _ago, None),
    "next": (_ANCHOR_NEXT, _anchor_next, None),
    "day_after": (_ANCHOR_DAY, _anchor_day, None),
    "later": (_ANCHOR_LATER, _anchor_later, None),
    "after": (_ANCHOR_AFTER, _anchor_later, None),
    "that_day": (_ANCHOR_THAT_DAY, _anchor_that_day, None),
    "dom": (_DAY_OF_MONTH, _day_of_month, "the|d"),
    "korean_date": (_KOREAN_DATE, _korean_date, None),
    "korean_year": (_KOREAN_YEAR, _korean_year, None),
    "korean_relative": (_KOREAN_RELATIVE, _korean_relative, None),
}
_RANK = {name: rank for rank, name in enumerate(_FINDERS)}
_KOREAN = ("korean_date", "korean_year", "korean_relative")
_HANGUL = re.compile("[\uac00-\ud7a3]")

# The words each pattern is tried around, and how many words before them it may start.
_ANCHOR_WORDS: dict[str, frozenset[str]] = {
    "month": frozenset(name.lower() for name in _MONTH_NUMBERS),
    "weekday": frozenset(day.lower() for day in _WEEKDAYS),
    "season": frozenset(["spring", "summer", "autumn", "fall", "winter"]),
    "daypart": frozenset(
        ["day", "night", "morning", "afternoon", "evening", "yesterday", "today", "tonight"]
    ),
    "period": frozenset(["week", "month", "year", "weeks", "months", "years", "days"]),
    "ago": frozenset(["ago"]),
    "later": frozenset(
        ["later", "afterward", "afterwards", "after", "earlier", "before", "previously"]
    ),
}
_PLAN: dict[str, tuple[tuple[str, int], ...]] = {
    "month": (("mdy", 1), ("dmy", 3), ("my", 4)),
    "weekday": (("mdy", 0), ("weekday", 4)),
    "year": (("iso", 0), ("year", 4)),
    "decade": (("decade", 0),),
    "season": (("season", 3),),
    "daypart": (("day", 3), ("next", 3), ("day_after", 1), ("that_day", 3)),
    "period": (("period", 4), ("past", 3), ("next", 3)),
    "ago": (("ago", 5),),
    "later": (("later", 5), ("after", 0)),
    "ordinal": (("dom", 2),),
}
_ANCHOR_KINDS: dict[str, tuple[str, ...]] = {}
for _kind, _words in _ANCHOR_WORDS.items():
    for _word in _words:
        _ANCHOR_KINDS[_word] = (*_ANCHOR_KINDS.get(_word, ()), _kind)
_ANCHORS = re.compile(
    r"(?<![^\W_])(?:\d+(?:st|nd|rd|th|s)?|" + word_alternation(_ANCHOR_KINDS) + r")(?![^\W_])"
)


def _classify(word: str) -> tuple[str, ...]:
    if not word[0].isdigit():
        return _ANCHOR_KINDS.get(word, ())
    if word.isdigit():
        return ("year",) if len(word) == 4 and word[:2] in ("19", "20") else ()
    if word[-1] == "s":
        return ("decade",) if len(word) == 5 and word[:4].isdigit() else ()
    return ("ordinal",) if word[:-2].isdigit() else ()


def _candidates(text: str, lo: int, hi: int) -> list[_Candidate]:
    scan = Scan(text, lo, hi, _ANCHORS, _classify)
    found: dict[tuple[int, int, int], _Candidate] = {}

    def add(name: str, match: re.Match[str]) -> None:
        _, finder, span_groups = _FINDERS[name]
        start = match.start()
        if span_groups:  # the span leaves out a leading preposition ("in 2011")
            start = min(match.start(g) for g in span_groups.split("|") if match.start(g) >= 0)
        key = (start, match.end(), _RANK[name])
        if key not in found:
            expr = finder(text, match)
            if expr is not None:
                found[key] = _Candidate(start, match.end(), _RANK[name], expr)

    for kind, plan in _PLAN.items():
        for pos, _ in scan.get(kind):
            for name, back in plan:
                match = scan.match_back(_FINDERS[name][0], pos, back)
                if match is not None:
                    add(name, match)
    if _HANGUL.search(text, lo, hi):
        for name in _KOREAN:
            for match in _FINDERS[name][0].finditer(text, lo, hi):
                add(name, match)
    return list(found.values())


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """The longest non-overlapping candidates, in text order."""
    candidates.sort(key=lambda c: (c.start, c.start - c.end, c.rank))
    chosen: list[_Candidate] = []
    last_end = -1
    for candidate in candidates:
        if candidate.start >= last_end and candidate.end > candidate.start:
            chosen.append(candidate)
            last_end = candidate.end
    return chosen


# --- calendar helpers -------------------------------------------------------------


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    if not (1 <= year <= 9999 and 1 <= month <= 12) or not 1 <= day <= _last_day(year, month):
        return None
    return dt.date(year, month, day)


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _month_days(year: int, month: int, part: str | None) -> tuple[int, int]:
    last = _last_day(year, month)
    return {
        "early": (1, 10), "mid": (11, 20), "late": (21, last),
        "first": (1, 15), "second": (16, last),
    }.get(part or "", (1, last))  # fmt: skip


_YEAR_PARTS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12), "first": (1, 6), "second": (7, 12)}
_SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 14)}


def _days(start: dt.date, end: dt.date) -> DateRange:
    return DateRange.between(min(start, end), max(start, end))


def _month_range(year: int, month: int, part: str | None = None) -> DateRange | None:
    if not 1 <= year <= 9999:
        return None
    if part not in ("early", "mid", "late", "first", "second"):
        part = None  # "earlier", "later", "so far" name no fixed part of a month
    if part is None:
        value = f"{year:04d}-{month:02d}"
        return DateRange(start=value, end=value, precision=DatePrecision.MONTH)
    first, last = _month_days(year, month, part)
    return _days(dt.date(year, month, first), dt.date(year, month, last))


def _year_range(year: int, part: str | None = None) -> DateRange | None:
    if not 1 <= year <= 9999:
        return None
    if part in _YEAR_PARTS:
        first, last = _YEAR_PARTS[part]
        return DateRange(
            start=f"{year:04d}-{first:02d}",
            end=f"{year:04d}-{last:02d}",
            precision=DatePrecision.MONTH,
        )
    return DateRange(start=f"{year:04d}", end=f"{year:04d}", precision=DatePrecision.YEAR)


def _clip(start: dt.date, end: dt.date, published: dt.date) -> DateRange:
    """A range that has happened by publication ends on the publication date at the latest."""
    return _days(start, min(end, published) if start <= published else end)


def _infer_year(published: dt.date, month: int, day: int, *, future: bool) -> int | None:
    """The latest year that puts month/day on or before publication (a future cue allows
    92 days after it); Feb 29 goes back to a leap year."""
    for year in range(published.year + 1, published.year - 9, -1):
        date = _safe_date(year, month, day)
        if date is None:
            continue
        if date <= published or (future and (date - published).days <= 92):
            return year
    return None


# --- resolution -------------------------------------------------------------------


@dataclass(slots=True)
class _Context:
    """What earlier mentions of the same call tell later ones."""

    year: int | None = None  # for dates without a year when there is no publication date
    month: tuple[int | None, int] | None = None  # for "on the 8th"


@dataclass(frozen=True, slots=True)
class _Resolved:
    range: DateRange | None
    kind: str
    offset_days: tuple[int, int] | None = None
    partial: str | None = None


def _resolve(
    expr: _Expr, published: dt.date | None, context: _Context, *, future: bool
) -> _Resolved | None:
    """The range an expression names; None when it names no real date (Feb 30)."""
    if expr.form == "anchored":
        return _Resolved(None, "anchored", expr.count)
    if expr.form in ("ymd", "ym", "dom"):
        return _resolve_calendar(expr, published, context, future=future)
    if expr.form in ("y", "decade"):
        assert expr.year is not None
        if expr.form == "decade":
            end = f"{expr.year + 9:04d}"
            return _Resolved(
                DateRange(start=f"{expr.year:04d}", end=end, precision=DatePrecision.YEAR),
                "absolute",
            )
        return _Resolved(_year_range(expr.year, expr.part), "absolute")
    if expr.form == "season":
        try:
            return _resolve_season(expr, published)
        except (OverflowError, ValueError, StopIteration):  # seasons past year 1 or 9999
            return _Resolved(None, "relative")
    if published is None:
        return _Resolved(None, "relative")
    try:
        return _Resolved(_RELATIVE[expr.form](expr, published), "relative")
    except (OverflowError, ValueError):  # counted past year 1 or 9999
        return _Resolved(None, "relative")


def _resolve_calendar(
    expr: _Expr, published: dt.date | None, context: _Context, *, future: bool
) -> _Resolved | None:
    month, day = expr.month, expr.day
    year: int | None
    if expr.form == "dom":
        assert day is not None
        if expr.which is not None and published is not None:
            shift = {"last": -1, "next": 1}.get(expr.which, 0)
            year, month = _shift_month(published.year, published.month, shift)
        elif context.month is not None:
            year, month = context.month
        elif published is not None:
            year, month = published.year, published.month
            if day > published.day:
                year, month = _shift_month(year, month, -1)
        else:
            return _Resolved(None, "partial", partial=f"---{day:02d}")
        kind = "relative"
    else:
        year, kind = expr.year, "absolute"
    assert month is not None
    if year is None:
        year, kind = _year_for(expr, month, published, context, future=future)
        if year is None:
            return _Resolved(None, kind, partial=_partial(expr, month))
    if expr.form == "ym":
        return _Resolved(_month_range(year, month, expr.part), kind)
    assert day is not None
    start = _safe_date(year, month, day)
    if start is None:
        return None
    end = start
    if expr.day2 is not None:
        end = _safe_date(year, expr.month2 or month, expr.day2) or start
    return _Resolved(_days(start, end), kind)


def _year_for(
    expr: _Expr, month: int, published: dt.date | None, context: _Context, *, future: bool
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
        first = expr.day if expr.day is not None else _month_days(2000, month, expr.part)[0]
        if expr.form == "ym" and expr.part in ("late", "second"):
            first = 21 if expr.part == "late" else 16
        return _infer_year(published, month, min(first, 28), future=future), "inferred_year"
    if context.year is not None:
        return context.year, "inferred_year"
    return None, "partial"


def _partial(expr: _Expr, month: int) -> str:
    if expr.day is None:
        return f"--{month:02d}"
    value = f"--{month:02d}-{expr.day:02d}"
    if expr.day2 is not None:
        value += f"/--{(expr.month2 or month):02d}-{expr.day2:02d}"
    return value


def _resolve_season(expr: _Expr, published: dt.date | None) -> _Resolved:
    rel, season = (expr.which or ":").split(":")
    first, last = _SEASON_MONTHS[season]
    if expr.part:  # early / mid / late in a season: its first, middle or last month
        index = {"early": 0, "mid": 1, "late": 2}.get(expr.part, 1)
        first = last = first + index
    kind = "absolute"
    year = expr.year
    if year is None:
        kind = "relative"
        if published is None:
            return _Resolved(None, kind)
        year = _season_year(rel, first, last, published)

    def month_of(index: int) -> str:
        y, m = _shift_month(year, 1, index - 1)
        return f"{y:04d}-{m:02d}"

    return _Resolved(
        DateRange(start=month_of(first), end=month_of(last), precision=DatePrecision.MONTH), kind
    )


def _season_year(rel: str, first: int, last: int, published: dt.date) -> int:
    def bounds(year: int) -> tuple[dt.date, dt.date]:
        y1, m1 = _shift_month(year, 1, first - 1)
        y2, m2 = _shift_month(year, 1, last - 1)
        return dt.date(y1, m1, 1), dt.date(y2, m2, _last_day(y2, m2))

    if rel == "last":
        return next(
            y for y in range(published.year, published.year - 3, -1) if bounds(y)[1] < published
        )
    if rel == "next":
        return next(
            y for y in range(published.year - 1, published.year + 2) if bounds(y)[0] > published
        )
    if first == 12:  # "this winter": the one around the publication date
        return published.year - 1 if published.month <= 6 else published.year
    return published.year


def _day_range(expr: _Expr, published: dt.date) -> DateRange | None:
    low, high = expr.count or (0, 0)
    return _days(published + dt.timedelta(days=low), published + dt.timedelta(days=high))


def _weekday_range(expr: _Expr, published: dt.date) -> DateRange | None:
    target, today = expr.day or 0, published.weekday()
    if expr.which == "last":
        return DateRange.day(published - dt.timedelta(days=(today - target) % 7 or 7))
    if expr.which == "next":
        return DateRange.day(published + dt.timedelta(days=(target - today) % 7 or 7))
    return DateRange.day(published - dt.timedelta(days=(today - target) % 7))


_WEEK_PARTS = {"early": (0, 2), "mid": (1, 3), "late": (3, 6), "first": (0, 3), "second": (3, 6)}


def _period_range(expr: _Expr, published: dt.date) -> DateRange | None:
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
        year, month = _shift_month(published.year, published.month, shift)
        if part is None and which != "this":
            return _month_range(year, month)
        first, last = _month_days(year, month, part)
        if which == "this" and part in (None, "earlier", "sofar"):
            first, last = 1, published.day
        elif part == "later":
            first = published.day if which == "this" else first
        start, end = dt.date(year, month, first), dt.date(year, month, last)
    else:
        year = published.year + shift
        if part is None and which != "this":
            return _year_range(year)
        first_month, last_month = _YEAR_PARTS.get(part or "", (1, 12))
        start = dt.date(year, first_month, 1)
        end = dt.date(year, last_month, _last_day(year, last_month))
        if which == "this" and part in (None, "earlier", "sofar"):
            start, end = dt.date(year, 1, 1), published
        elif which == "this" and part == "later":
            start = published
    if which == "this" and part != "later":
        return _clip(start, end, published)
    return _days(start, end)


def _past_range(expr: _Expr, published: dt.date) -> DateRange | None:
    n = (expr.count or (1, 1))[1]
    unit = expr.which
    if unit in ("day", "week"):
        start = published - dt.timedelta(days=n * (7 if unit == "week" else 1))
    else:
        months = n * (12 if unit == "year" else 1)
        year, month = _shift_month(published.year, published.month, -months)
        start = dt.date(year, month, min(published.day, _last_day(year, month)))
    return _days(start, published)


def _ago_range(expr: _Expr, published: dt.date) -> DateRange | None:
    low, high = expr.count or (1, 1)
    unit = expr.which
    if unit == "day":
        return _days(published - dt.timedelta(days=high), published - dt.timedelta(days=low))
    if unit == "week":
        monday = published - dt.timedelta(days=published.weekday())
        start = monday - dt.timedelta(weeks=high)
        return _days(start, monday - dt.timedelta(weeks=low) + dt.timedelta(days=6))
    if unit == "month":
        y1, m1 = _shift_month(published.year, published.month, -high)
        y2, m2 = _shift_month(published.year, published.month, -low)
        return DateRange(
            start=f"{y1:04d}-{m1:02d}", end=f"{y2:04d}-{m2:02d}", precision=DatePrecision.MONTH
        )
    return DateRange(
        start=f"{published.year - high:04d}",
        end=f"{published.year - low:04d}",
        precision=DatePrecision.YEAR,
    )


_RELATIVE: dict[str, Callable[[_Expr, dt.date], DateRange | None]] = {
    "day": _day_range,
    "weekday": _weekday_range,
    "period": _period_range,
    "past": _past_range,
    "ago": _ago_range,
}


# --- the kind a mention's surroundings give it ---------------------------------------


def _surrounding_kind(text: str, start: int, end: int) -> str | None:
    before = text[max(0, start - 120) : start]
    line_start = text.rfind("\n", 0, start) + 1
    if (
        start - line_start <= 60
        and _DATELINE_BEFORE.fullmatch(text, line_start, start)
        and _DATELINE_AFTER.match(text, end)
    ):
        return "dateline"
    if _SPOKE_BEFORE.search(before):
        return "spoke"
    if _SINCE_BEFORE.search(before):
        return "since"
    return None


def _update(context: _Context, expr: _Expr, resolved: _Resolved) -> None:
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
    context = _Context()
    mentions = []
    for candidate in _select(_candidates(text, lo, hi)):
        before = text[max(0, candidate.start - 24) : candidate.start]
        future = bool(_FUTURE_BEFORE.search(before))
        resolved = _resolve(candidate.expr, published, context, future=future)
        if resolved is None:
            continue
        kind = resolved.kind
        if kind != "anchored":
            kind = _surrounding_kind(text, candidate.start, candidate.end) or kind
            _update(context, candidate.expr, resolved)
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


def _bound(value: str | None, *, last: bool) -> dt.date | None:
    """The first (or last) day an ISO or partial date covers."""
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    year = parts[0]
    month = parts[1] if len(parts) > 1 else (12 if last else 1)
    if len(parts) > 2:
        return _safe_date(year, month, parts[2])
    return _safe_date(year, month, _last_day(year, month) if last else 1)


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
        return _days(first + dt.timedelta(days=low), last + dt.timedelta(days=high))
    except OverflowError:
        return None


def bound_by_spoke(spoke: DateMention) -> DateRange:
    """The range a source's speaking date implies for the incident: from the start of that
    month to that day (FORMAT.md). Unbounded (start and end None) if the date is unresolved."""
    last = _bound(spoke.range.end, last=True) if spoke.range else None
    if last is None:
        return DateRange()
    return DateRange.between(last.replace(day=1), last)
