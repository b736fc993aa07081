"""The DateMention type and the regular expressions of the dates finder: calendar dates,
months, years, seasons, weekdays, relative and anchored expressions, Korean dates, and
the contexts around a date (spoke, since, future, duration, dateline).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from repwatch.extract.quantity_words import NUMBER
from repwatch.model import DateRange

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

MONTH_NUMBERS = {
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
_FULL = "|".join(n for n in MONTH_NUMBERS if len(n) > 4 or n in ("May", "June", "July"))
_ABBR = "|".join(n for n in MONTH_NUMBERS if len(n) <= 4 and n not in ("May", "June", "July"))
# Month names are capitalised in prose: "may" and "march" are verbs.
_MON = rf"(?:(?:{_FULL})\b|(?:{_ABBR})(?:\.|\b))"
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY = "|".join(WEEKDAYS)
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
_YEAR = r"(?:19|20)\d{2}(?![\d,]\d)"
_PART = (
    r"(?i:early|mid|late|the\s+(?:beginning|start|middle|end)\s+of"
    r"|(?:the\s+)?(?:first|second|last)\s+half\s+of"
    # "in the last days of July", "the first week of May"
    r"|the\s+(?:first|opening|last|final|closing)\s+(?:few\s+)?(?:days|week|weeks)\s+of)"
)
_UNIT = r"(?i:(?P<unit>day|week|month|year)s?)(?![\w-])"
_HOW_MANY = (
    rf"(?i:(?P<n>{NUMBER}|an?|a\s+few|several|a\s+couple\s+of)(?:\s+or\s+(?P<n2>{NUMBER}))?)"
)
_NIGHT = r"(?:\s+(?i:morning|afternoon|evening|night))?"

ISO_DATE = re.compile(  # 2012-02-14, 2012.2.14, 2012/02/14
    r"(?<![\w./-])(?P<y>(?:19|20)\d{2})([-./])(?P<m>1[0-2]|0?[1-9])\2"
    r"(?P<d>3[01]|[12]\d|0?[1-9])(?![\w]|[./-]\d)"
)
MDY = re.compile(
    rf"(?<!\w)(?:(?P<wd>{_WEEKDAY}),?\s+)?(?P<mon>{_MON})\s*(?P<d>{_DAY})"
    rf"(?:\s*(?:-|–|to|and|through)\s*(?:(?P<mon2>{_MON})\s*)?(?P<d2>{_DAY}))?"
    rf"(?:,?\s+(?P<y>{_YEAR}))?"
)
DMY = re.compile(
    rf"(?<![\w.,])(?P<d>{_DAY})(?:\s*(?:-|–|to|and)\s*(?P<d2>{_DAY}))?\s+(?:of\s+)?"
    rf"(?P<mon>{_MON})(?:,?\s+(?P<y>{_YEAR}))?"
)
MY = re.compile(
    rf"(?<![\w-])(?:(?P<part>{_PART})[\s-]+|(?P<lmod>(?i:last|this|next))\s+)?"
    rf"(?P<mon>(?:{_FULL})\b|(?:{_ABBR})\.)"
    rf"(?:,?\s+(?:of\s+)?(?P<y>{_YEAR})|,?\s+(?:of\s+)?(?P<rel>(?i:last|this|next))\s+year\b)?"
)
YEAR_ONLY = re.compile(
    rf"(?<![\w-])(?:(?P<part>{_PART})[\s-]+|(?P<prep>(?i:in|since|during|until|till|by|from"
    r"|to|through|throughout|before|after|between|and|around|circa|the\s+year))\s+)"
    rf"(?P<y>{_YEAR})(?![\w-])"
)
DECADE = re.compile(r"(?<![\w'’])(?P<y>(?:19|20)\d0)['’]?s\b")
SEASON = re.compile(
    r"(?<![\w-])(?i:(?P<part>early|late|mid)[\s-]+)?(?i:(?P<rel>last|this|next)\s+)?"
    r"(?P<season>(?i:spring|summer|autumn|fall|winter))"
    rf"(?:\s+(?:of\s+)?(?P<y>{_YEAR}))?"
)
WEEKDAY_EXPR = re.compile(
    r"(?<!\w)(?i:(?P<mod>last|this|next|on|early|late|early\s+on|late\s+on"
    r"|the\s+early\s+hours\s+of|the\s+(?:morning|evening|night|afternoon)\s+of)\s+)?"
    rf"(?P<wd>{_WEEKDAY})\b{_NIGHT}"
)
DAY_WORDS = re.compile(
    r"(?<!\w)(?i:(?P<k>the\s+day\s+before\s+yesterday|yesterday|today|tonight|last\s+night"
    r"|this\s+morning|this\s+afternoon|earlier\s+today))\b"
)
WHICH_PERIOD = re.compile(
    r"(?<!\w)(?i:(?:(?P<part>early|mid|late|earlier|later)[\s-]+"
    r"|the\s+(?P<part2>beginning|start|middle|end)\s+of\s+|(?P<sofar>so\s+far)\s+)?"
    r"(?P<which>last|this|next)\s+(?P<period>week|month|year))\b"
)
PAST = re.compile(
    r"(?<!\w)(?i:(?P<the>the\s+)?(?:past|last)\s+(?:(?P<n>" + NUMBER + r"|few|several)\s+)?"
    r"(?P<unit>day|week|month|year)s?)\b"
)
AGO = re.compile(rf"(?<!\w){_HOW_MANY}\s+{_UNIT}\s+(?i:ago)\b")
ANCHOR_NEXT = re.compile(
    r"(?<!\w)(?i:(?:the|that)\s+(?P<which>next|following|previous|preceding|same)\s+"
    r"(?P<unit>day|morning|afternoon|evening|night|week|month))\b"
)
ANCHOR_DAY = re.compile(
    r"(?<!\w)(?i:the\s+(?:day|night|morning|evening)\s+(?P<dir>after|before))\b"
    r"(?!\s+(?i:yesterday|tomorrow))"
)
ANCHOR_LATER = re.compile(
    rf"(?<!\w){_HOW_MANY}\s+{_UNIT}\s+(?i:(?P<dir>later|afterwards?|after|earlier|before"
    r"|previously))\b"
)
ANCHOR_AFTER = re.compile(rf"(?<!\w)(?i:after)\s+{_HOW_MANY}\s+{_UNIT}\b")
ANCHOR_THAT_DAY = re.compile(
    r"(?<!\w)(?i:(?:later\s+)?that\s+(?:same\s+)?(?:day|night|evening|morning)"
    r"|the\s+same\s+(?:day|night|evening|morning))\b"
)
DAY_OF_MONTH = re.compile(
    r"(?<!\w)(?i:on|by|since|until|till|from|before|after"
    # "on the night of the 3rd", "in the early hours of the 12th": a part of that day
    r"|(?:the\s+)?(?:night|morning|evening|afternoon|early\s+hours|small\s+hours)\s+of)"
    r"\s+(?P<the>(?i:the)\s+)?"
    r"(?P<d>3[01]|[12]\d|0?[1-9])(?i:st|nd|rd|th)\b"
    # "on the 1st of this month": the month named, not the one the text spoke of last
    r"(?:\s+(?i:of)\s+(?P<which>(?i:this|last|next))\s+(?i:month)\b)?"
)
KOREAN_DATE = re.compile(
    r"(?:(?P<y>(?:19|20)\d{2})\s*년\s*)?(?P<m>1[0-2]|0?[1-9])\s*월"
    r"(?:\s*(?P<d>3[01]|[12]\d|0?[1-9])\s*일)?(?:\s*(?P<part>초순|초|중순|하순|말|상순))?"
)
# "지난 10일", "15일": a day of the month the text is in (not "3월 10일", not "10일간")
KOREAN_DAY = re.compile(
    r"(?<![월\d])(?<!월\s)(?:지난\s*)?(?P<d>3[01]|[12]\d|0?[1-9])\s*일(?![간째동])(?!\s*(?:동안|간))"
)
KOREAN_YEAR = re.compile(r"(?P<y>(?:19|20)\d{2})\s*년(?!\s*\d{1,2}\s*월)")
KOREAN_RELATIVE = re.compile(
    r"(?P<k>지난달|이달|이번\s*달|지난해|작년|올해|지난주|이번\s*주|그저께|그제|어제)"
    r"(?:\s*(?P<part>초순|초|중순|하순|말|상순))?"
)

# Context around a mention.
PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|since|until|till|by|during|from|to|through|throughout|between|and|or|before"
    r"|after|of|around|early|mid|late|last|this|next|that|as\s+of|for)\s*$",
    re.IGNORECASE,
)
SPOKE_BEFORE = re.compile(
    r"(?:\b(?:told|tells|said|says|reported|reports|announced|stated|added|confirmed|wrote"
    r"|claimed|explained|noted|revealed|disclosed|informed)"
    r"(?:\s+(?:to\s+)?(?:[A-Z][\w'’.&-]*|the|a|an|reporters|journalists|us|this\s+(?:news)?paper"
    r"|by\s+(?:tele)?phone|in\s+an?\s+(?:interview|statement|(?:tele)?phone\s+(?:call|interview"
    r"|conversation))))"
    r"{0,6}|\baccording\s+to(?:\s+[\w'’-]+){1,4})\s+(?:on\s+|in\s+|late\s+|early\s+)?$"
)
SINCE_BEFORE = re.compile(r"\b(?:ever\s+)?since\s+$", re.IGNORECASE)
FUTURE_BEFORE = re.compile(
    r"\b(?:by|until|till|due|scheduled\s+for|set\s+for|no\s+later\s+than)\s+$", re.IGNORECASE
)
DURATION_BEFORE = re.compile(r"\b(?:for|within|over|about|nearly|almost)\s+$", re.IGNORECASE)
DATELINE_BEFORE = re.compile(
    r"[ \t]*\(?[A-Z][A-Za-z .'’-]{1,40}(?:,[ \t]*[A-Z][A-Za-z .'’-]{1,30})?,[ \t]*"
)
DATELINE_AFTER = re.compile(r"[ \t]*(?:\([A-Za-z .'’&-]{1,30}\))?[ \t]*\)?[ \t]*(?:--|-|–|—|:)")
# Words that may follow "on the 8th" (a noun would make it "the 5th floor").
AFTER_DAY_OF_MONTH_OK = frozenset(
    (
        *("and", "or", "at", "in", "on", "when", "while", "after", "before", "but", "as"),
        *("near", "with", "by", "from", "to", "of", "that", "this", "last"),
    )
)
NEXT_WORD = re.compile(r"[ \t]+([a-z]+)")
