"""Review: an analyst's typed-in values for incident fields, checked and made typed.

``parse_field_value("victims", "11-13")`` gives what ``Store.set_field`` keeps.
Places are resolved through the gazetteer; a name it lacks is kept as written,
without coordinates, rather than guessed.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from pydantic import ValidationError

from repwatch.errors import InputError
from repwatch.gazetteer import default_gazetteer
from repwatch.link import FIELDS, PlaceValue
from repwatch.model import Act, DatePrecision, DateRange, Modality, Perpetrator, VictimCount

CLEAR = {"none", "null", "-", ""}
_VICTIMS = re.compile(r"^(\d+)(?:\s*(?:-|–|\.\.)\s*(\d+)|(\+))?$")
_DATE = re.compile(r"^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:\s*\.\.\s*(\d{4}(?:-\d{2}(?:-\d{2})?)?))?$")


def _choice(field: str, text: str, kind: type[Any]) -> Any:
    try:
        return kind(text)
    except ValueError:
        valid = ", ".join(m.value for m in kind)
        raise InputError(field, f"{text!r} is not one of: {valid}") from None


def parse_field_value(field: str, text: str) -> Any:
    """The typed value an analyst means by ``text`` for ``field``; None clears it."""
    if field not in FIELDS:
        raise InputError(field, f"not an incident field; valid: {', '.join(FIELDS)}")
    text = text.strip()
    if text.lower() in CLEAR:
        return None
    if field in ("acts", "expected_acts"):
        names = [n.strip().lower() for n in re.split(r"[,;\s]+", text) if n.strip()]
        return tuple(dict.fromkeys(_choice(field, n, Act) for n in names))
    if field == "modality":
        return _choice(field, text.lower(), Modality)
    if field == "perpetrator":
        return _choice(field, text.lower().replace(" ", "_"), Perpetrator)
    if field == "victims":
        match = _VICTIMS.match(text)
        if not match:
            raise InputError(field, f"{text!r} is not a count: use 12, 11-13 or 12+")
        low = int(match.group(1))
        high = None if match.group(3) else int(match.group(2) or low)
        if high is not None and high < low:
            raise InputError(field, f"{text!r} ends below where it starts")
        return VictimCount(min=low, max=high)
    if field == "date":
        match = _DATE.match(text)
        if not match:
            raise InputError(field, f"{text!r} is not a date: use 2019-11-19, 2019-11 or A..B")
        start, end = match.group(1), match.group(2) or match.group(1)
        precision = {10: DatePrecision.DAY, 7: DatePrecision.MONTH}.get(
            min(len(start), len(end)), DatePrecision.YEAR
        )
        try:
            return DateRange(start=start, end=end, precision=precision)
        except ValidationError as exc:
            reason = exc.errors()[0]["msg"].removeprefix("Value error, ")
            raise InputError(field, reason) from None
    return _place(text)


def _place(text: str) -> PlaceValue:
    resolution = default_gazetteer().resolve(text)
    if resolution.place is None:
        return PlaceValue(name=text)
    return replace(PlaceValue.of(resolution.place), name=text, radius_km=resolution.radius_km)
