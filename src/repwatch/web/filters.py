"""The filters of an incidents list, as a query string gives them and as the store takes them.

Every page that filters incidents (the list, the overview, the downloads and
their API) reads the same parameters: ``since``, ``until``, ``place``, ``act``,
``modality``, ``status``, ``min_people``, ``q``, ``page``, ``per_page``. Values
arrive as text, because an HTML form sends an empty field as ``since=``; a
value that cannot be used is an InputError naming the parameter and the choices.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields, replace
from typing import Annotated, TypeVar
from urllib.parse import urlencode

from fastapi import Query

from repwatch.errors import AccessDenied, InputError
from repwatch.model import Act, DateRange, IncidentStatus, Modality
from repwatch.protect.roles import Permission, Role, allows
from repwatch.store import IncidentQuery

C = TypeVar("C", Act, Modality, IncidentStatus)

MAX_PER_PAGE = 500
# How many characters of search words and place text are read: a longer query is a mistake.
MAX_TEXT = 200


@dataclass(frozen=True)
class Filters:
    """The filters as given, blank where not: what a form shows back and links carry."""

    since: str = ""
    until: str = ""
    place: str = ""
    act: str = ""
    modality: str = ""
    status: str = ""
    min_people: str = ""
    q: str = ""
    page: str = ""
    per_page: str = ""

    def query(self) -> IncidentQuery:
        """The store's query for these filters (without paging); raises InputError."""
        since = _date("since", self.since, last=False)
        until = _date("until", self.until, last=True)
        if since and until and since > until:
            raise InputError("since", f"{since} is after until {until}")
        return IncidentQuery(
            since=since,
            until=until,
            place=_text("place", self.place),
            act=_choice("act", self.act, Act),
            modality=_choice("modality", self.modality, Modality),
            status=_choice("status", self.status, IncidentStatus),
            min_victims=_number("min_people", self.min_people, low=0),
            search=_text("q", self.q),
        )

    def page_number(self) -> int:
        return _number("page", self.page, low=1) or 1

    def page_size(self, default: int) -> int:
        return _number("per_page", self.per_page, low=1, high=MAX_PER_PAGE) or default

    def for_role(self, role: Role) -> Filters:
        """The filters a role may use: a viewer sees verified incidents only and may not
        search report texts, which their role may not read."""
        if allows(role, Permission.VIEW_ALL):
            return self
        if self.status.strip() not in ("", IncidentStatus.VERIFIED.value):
            raise AccessDenied(f"the {role} role may see verified incidents only")
        if self.q.strip() and not allows(role, Permission.VIEW_SENSITIVE):
            raise AccessDenied(f"the {role} role may not search report texts")
        return replace(self, status=IncidentStatus.VERIFIED.value)

    def given(self) -> dict[str, str]:
        """The filters that have a value, paging aside."""
        return {
            f.name: value.strip()
            for f in fields(self)
            if f.name not in ("page", "per_page") and (value := getattr(self, f.name)).strip()
        }

    def link(self, path: str, **changes: object) -> str:
        """``path`` with these filters (and ``changes``) as its query string."""
        values = {**self.given(), "per_page": self.per_page.strip()}
        values.update({k: str(v) for k, v in changes.items()})
        query = urlencode({k: v for k, v in values.items() if v})
        return f"{path}?{query}" if query else path

    @property
    def active(self) -> bool:
        return bool(self.given())


def _text(name: str, value: str) -> str | None:
    value = " ".join(value.split())
    if len(value) > MAX_TEXT:
        raise InputError(name, f"is longer than {MAX_TEXT} characters")
    return value or None


def _date(name: str, value: str, *, last: bool) -> dt.date | None:
    """A day; a year ("2019") or month ("2019-11") means its first day, or its last for
    ``last``."""
    value = value.strip()
    if not value:
        return None
    try:
        first, final = DateRange(start=value, end=value).bounds()
    except ValueError:
        raise InputError(name, f"{value!r} is not a date (use YYYY-MM-DD)") from None
    return final if last else first


def _choice(name: str, value: str, kind: type[C]) -> C | None:
    value = value.strip().lower()
    if not value:
        return None
    try:
        return kind(value)
    except ValueError:
        choices = ", ".join(c.value for c in kind)
        raise InputError(name, f"{value!r} is not one of {choices}") from None


def _number(name: str, value: str, *, low: int, high: int | None = None) -> int | None:
    value = value.strip()
    if not value:
        return None
    try:
        number = int(value)
    except ValueError:
        raise InputError(name, f"{value!r} is not a whole number") from None
    if number < low or (high is not None and number > high):
        limits = f"at least {low}" if high is None else f"between {low} and {high}"
        raise InputError(name, f"{number} is not {limits}")
    return number


def incident_filters(
    since: Annotated[
        str,
        Query(
            description="On or after this day (YYYY-MM-DD; a year or month means its first day)."
        ),
    ] = "",
    until: Annotated[
        str,
        Query(
            description="On or before this day (YYYY-MM-DD; a year or month means its last day)."
        ),
    ] = "",
    place: Annotated[
        str, Query(description="Part of the place name, its province or gazetteer id.")
    ] = "",
    act: Annotated[str, Query(description="One of: " + ", ".join(a.value for a in Act))] = "",
    modality: Annotated[str, Query(description="occurred or expected.")] = "",
    status: Annotated[
        str,
        Query(
            description="One of: "
            + ", ".join(s.value for s in IncidentStatus)
            + " (viewers: verified)."
        ),
    ] = "",
    min_people: Annotated[
        str, Query(description="At least this many people (the largest count).")
    ] = "",
    q: Annotated[
        str, Query(description="Words in a report backing the incident (analysts); prefixes match.")
    ] = "",
    page: Annotated[str, Query(description="Page number, from 1.")] = "",
    per_page: Annotated[str, Query(description=f"Incidents per page, 1 to {MAX_PER_PAGE}.")] = "",
) -> Filters:
    """A dependency: the filters of the request's query string."""
    return Filters(
        since=since,
        until=until,
        place=place,
        act=act,
        modality=modality,
        status=status,
        min_people=min_people,
        q=q,
        page=page,
        per_page=per_page,
    )
