"""The types of the flow: Report → Mention → Incident, and the Place they point at.

Every extracted value is a ``Sourced`` value: the value, the evidence spans
(character offsets into the report text) that support it, and the versioned
name of the component that produced it. The vocabularies (acts, modalities,
perpetrators) are those of the evaluation format, so that a Mention maps
one-to-one onto an INCIDENT of ``shared/eval/FORMAT.md`` via ``Mention.to_eval``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import re
import unicodedata
from enum import StrEnum
from functools import lru_cache
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

T = TypeVar("T")


class Act(StrEnum):
    """What was done to the people of a case (FORMAT.md's act vocabulary)."""

    CROSSING = "crossing"
    ARREST = "arrest"
    DETENTION = "detention"
    INTERROGATION = "interrogation"
    REPATRIATION = "repatriation"
    PUNISHMENT = "punishment"
    DEATH = "death"
    RELEASE = "release"


class Modality(StrEnum):
    OCCURRED = "occurred"
    EXPECTED = "expected"


class Perpetrator(StrEnum):
    CHINA = "china"
    NORTH_KOREA = "north_korea"
    RUSSIA = "russia"
    OTHER = "other"


class PlaceRole(StrEnum):
    """The part a place plays in a case."""

    CAUGHT = "caught"  # where people were arrested, stopped or killed
    RETURNED = "returned"  # where they were handed over
    CROSSED = "crossed"  # where they crossed or tried to
    HELD = "held"  # where they were held
    ORIGIN = "origin"  # where they came from
    DESTINATION = "destination"  # where they were heading
    OTHER = "other"


# The main act of a case decides its place (FORMAT.md: the arrest if there is
# one, else the return, else the crossing); roles in that order of preference.
MAIN_PLACE_ROLES: tuple[PlaceRole, ...] = (
    PlaceRole.CAUGHT,
    PlaceRole.RETURNED,
    PlaceRole.CROSSED,
    PlaceRole.HELD,
)


class DatePrecision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class IncidentStatus(StrEnum):
    PROPOSED = "proposed"
    VERIFIED = "verified"
    REJECTED = "rejected"
    MERGED = "merged"


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# --- evidence -----------------------------------------------------------------


class EvidenceSpan(Frozen):
    """A half-open character range ``[start, end)`` of a report's text, with its quote."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _check(self) -> EvidenceSpan:
        if self.end <= self.start:
            raise ValueError(f"span end {self.end} must be after start {self.start}")
        if len(self.text) != self.end - self.start:
            raise ValueError("span text length does not match its offsets")
        return self

    @classmethod
    def of(cls, text: str, start: int, end: int) -> EvidenceSpan:
        """The span ``text[start:end]``, quoting it."""
        return cls(start=start, end=end, text=text[start:end])

    def quotes(self, text: str) -> bool:
        """True if this span lies inside ``text`` and quotes it exactly."""
        return self.end <= len(text) and text[self.start : self.end] == self.text


class Sourced(Frozen, Generic[T]):
    """A value with the evidence that supports it and who produced it."""

    value: T
    spans: tuple[EvidenceSpan, ...] = ()
    producer: str  # a versioned component name ("quantities.v1") or "user:<name>"


# --- values ---------------------------------------------------------------------


class VictimCount(Frozen):
    """How many people: ``min``..``max``; ``max=None`` means open-ended ("more than 20")."""

    min: int | None = Field(default=None, ge=0)
    max: int | None = Field(default=None, ge=0)

    @model_validator(mode="after")
    def _check(self) -> VictimCount:
        if self.min is not None and self.max is not None and self.max < self.min:
            raise ValueError(f"victim count max {self.max} is below min {self.min}")
        return self

    @classmethod
    def exactly(cls, n: int) -> VictimCount:
        return cls(min=n, max=n)

    def __str__(self) -> str:
        """As a reader wants it: "12", "10–15", "20+" (more than), "up to 5"."""
        if self.min == self.max:
            return "" if self.min is None else str(self.min)
        if self.max is None:
            return f"{self.min}+"
        if self.min is None:
            return f"up to {self.max}"
        return f"{self.min}–{self.max}"


_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class DateRange(Frozen):
    """When: ISO dates or partial dates ("2019-11", "2019"); start and end may be equal."""

    start: str | None = None
    end: str | None = None
    precision: DatePrecision = DatePrecision.DAY

    @model_validator(mode="after")
    def _check(self) -> DateRange:
        for value in (self.start, self.end):
            if value is not None and not _PARTIAL_DATE.match(value):
                raise ValueError(f"not an ISO or partial date: {value!r}")
            if value is not None and not _real_date(value):
                raise ValueError(f"not a real date: {value!r}")
        if self.start and self.end and self.start[:10] > self.end[:10]:
            raise ValueError(f"date range starts {self.start} after it ends {self.end}")
        return self

    def bounds(self) -> tuple[dt.date | None, dt.date | None]:
        """The first and last day this range can mean ("2019-11" → Nov 1 and Nov 30);
        a range with one end only is that end's period."""
        return _bounds(self.start or self.end, self.end or self.start)

    @classmethod
    def day(cls, day: dt.date) -> DateRange:
        return cls(start=day.isoformat(), end=day.isoformat())

    @classmethod
    def between(cls, start: dt.date, end: dt.date) -> DateRange:
        return cls(start=start.isoformat(), end=end.isoformat())


def _real_date(value: str) -> bool:
    try:
        if len(value) == 10:
            dt.date.fromisoformat(value)
        return len(value) != 7 or 1 <= int(value[5:]) <= 12
    except ValueError:
        return False


def date_bounds(date: DateRange | None) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day a (partial) date range can mean; (None, None) for no date."""
    return date.bounds() if date else (None, None)


@lru_cache(maxsize=65536)  # linking asks for the same few thousand ranges again and again
def _bounds(start: str | None, end: str | None) -> tuple[dt.date | None, dt.date | None]:
    return _first_day(start), _last_day(end)


def _first_day(value: str | None) -> dt.date | None:
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _last_day(value: str | None) -> dt.date | None:
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    year, month = parts[0], parts[1] if len(parts) > 1 else 12
    day = parts[2] if len(parts) > 2 else calendar.monthrange(year, month)[1]
    return dt.date(year, month, day)


class Place(Frozen):
    """A gazetteer entry."""

    id: str
    name: str
    kind: str  # city, county, crossing, river, province, country, …
    country: str  # ISO 3166-1 alpha-2 ("CN", "KP", "RU", …)
    lat: float | None = None
    lon: float | None = None
    radius_km: float = Field(default=5.0, ge=0)
    admin1: str | None = None  # the province or region it lies in
    names: tuple[str, ...] = ()  # every spelling, script and romanisation
    source: str = ""


class PlaceMention(Frozen):
    """A place as a report names it, resolved where the gazetteer knows it."""

    name: str  # as written in the report
    role: PlaceRole = PlaceRole.OTHER
    place_id: str | None = None
    lat: float | None = None
    lon: float | None = None
    radius_km: float | None = None
    country: str | None = None
    admin1: str | None = None
    spans: tuple[EvidenceSpan, ...] = ()
    producer: str

    @property
    def resolved(self) -> bool:
        return self.place_id is not None


class ActMention(Frozen):
    act: Act
    modality: Modality = Modality.OCCURRED
    spans: tuple[EvidenceSpan, ...] = ()
    producer: str


# --- flow types -------------------------------------------------------------------

_WHITESPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """The form a report's identity is computed on: Unicode NFC, whitespace folded."""
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def content_hash(text: str) -> str:
    """A report's identity: the SHA-256 of its normalised text, in hex."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


class Report(Frozen):
    """A document as received. Never edited; its id is its content hash."""

    id: str
    text: str = Field(min_length=1)
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    language: str | None = None
    published: dt.date | None = None
    external_id: str | None = None  # the id a corpus gave it ("dev-001")
    origin: str | None = None  # the file (or "-") it came from
    source_format: str | None = None  # text, markdown, html, jsonl
    ingested_at: dt.datetime | None = None

    @classmethod
    def from_text(cls, text: str, **metadata: Any) -> Report:
        """A report for ``text``: stored in NFC with ``\\n`` line ends, identified by its hash."""
        text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
        return cls(id=content_hash(text), text=text, **metadata)


class Mention(Frozen):
    """One incident as one report tells it, every value with its evidence."""

    report_id: str
    acts: tuple[ActMention, ...] = ()
    victims: Sourced[VictimCount] | None = None
    victim_group: Sourced[str] | None = None
    places: tuple[PlaceMention, ...] = ()
    date: Sourced[DateRange] | None = None
    perpetrator: Sourced[Perpetrator] | None = None
    sources: tuple[Sourced[str], ...] = ()
    extractor: str  # the extractor's name and version ("repwatch-rules 0.1.0")
    id: int | None = None  # set by the store

    @property
    def modality(self) -> Modality:
        """Occurred when any act happened; expected when every act is only awaited."""
        if any(a.modality is Modality.OCCURRED for a in self.acts):
            return Modality.OCCURRED
        return Modality.EXPECTED

    def acts_with(self, modality: Modality) -> list[Act]:
        seen: list[Act] = []
        for mention in self.acts:
            if mention.modality is modality and mention.act not in seen:
                seen.append(mention.act)
        return seen

    @property
    def main_place(self) -> PlaceMention | None:
        """The place of the main act: where caught, else returned, else crossed."""
        for role in MAIN_PLACE_ROLES:
            for place in self.places:
                if place.role is role:
                    return place
        return None

    def to_eval(self) -> dict[str, Any]:
        """This mention as an INCIDENT of the evaluation format."""
        occurred = self.acts_with(Modality.OCCURRED)
        expected = self.acts_with(Modality.EXPECTED)
        incident: dict[str, Any] = {
            "acts": [a.value for a in (occurred or expected)],
            "modality": self.modality.value,
        }
        if occurred and expected:
            incident["expected_acts"] = [a.value for a in expected if a not in occurred]
        incident["victims"] = (
            {"min": self.victims.value.min, "max": self.victims.value.max} if self.victims else None
        )
        place = self.main_place
        incident["place"] = (
            {"name": place.name, "lat": place.lat, "lon": place.lon} if place else None
        )
        incident["date"] = (
            {"start": self.date.value.start, "end": self.date.value.end} if self.date else None
        )
        incident["perpetrator"] = self.perpetrator.value.value if self.perpetrator else None
        incident["victim_group"] = self.victim_group.value if self.victim_group else None
        incident["sources"] = [s.value for s in self.sources]
        return incident


class Incident(Frozen):
    """One real case, backed by one or more mentions; its fields reconciled from them."""

    id: int | None = None
    status: IncidentStatus = IncidentStatus.PROPOSED
    acts: tuple[Act, ...] = ()
    expected_acts: tuple[Act, ...] = ()
    modality: Modality = Modality.OCCURRED
    victims: VictimCount | None = None
    place_name: str | None = None
    place_id: str | None = None
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None
    country: str | None = None
    date: DateRange | None = None
    perpetrator: Perpetrator | None = None
    mention_ids: tuple[int, ...] = ()
    report_ids: tuple[str, ...] = ()
    merged_into: int | None = None
    # Corroboration: distinct reports, publishers and original sources behind it.
    reports_count: int = 0
    publishers_count: int = 0
    sources_count: int = 0
    conflicts: tuple[str, ...] = ()  # fields whose reports disagree
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None

    @classmethod
    def from_mention(cls, mention: Mention) -> Incident:
        """An incident backed by this one mention alone."""
        occurred = mention.acts_with(Modality.OCCURRED)
        expected = mention.acts_with(Modality.EXPECTED)
        place = mention.main_place
        return cls(
            acts=tuple(occurred or expected),
            expected_acts=tuple(a for a in expected if a not in occurred) if occurred else (),
            modality=mention.modality,
            victims=mention.victims.value if mention.victims else None,
            place_name=place.name if place else None,
            place_id=place.place_id if place else None,
            lat=place.lat if place else None,
            lon=place.lon if place else None,
            admin1=place.admin1 if place else None,
            country=place.country if place else None,
            date=mention.date.value if mention.date else None,
            perpetrator=mention.perpetrator.value if mention.perpetrator else None,
            mention_ids=(mention.id,) if mention.id is not None else (),
            report_ids=(mention.report_id,),
        )
