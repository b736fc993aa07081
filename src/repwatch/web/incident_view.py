"""What an incident's page and its API show, by role: each field with its provenance,
the corroboration and conflicts, and for analysts the backing reports with every
value's evidence highlighted.

A viewer sees verified incidents only (any other is "not found", so that ids
tell nothing), and no report text, evidence, victim descriptor, source phrase
or analyst's name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from repwatch.errors import NotFound
from repwatch.evidence import in_context, mention_values, value_text
from repwatch.link import Corroboration, ReconciledField
from repwatch.link.values import key_of, values_of
from repwatch.model import (
    EvidenceSpan,
    Incident,
    IncidentStatus,
    Mention,
    Report,
)
from repwatch.protect.roles import Permission, Role, allows
from repwatch.store import AuditEntry, Store
from repwatch.store.codec import encode_value
from repwatch.web.highlight import highlight, mention_marks

LABELS = {
    "acts": "Acts",
    "expected_acts": "Expected acts",
    "modality": "Modality",
    "victims": "People",
    "place": "Place",
    "date": "Date",
    "perpetrator": "Perpetrator",
}
ANALYST = "analyst"  # how an analyst's value is credited to those who may not see names


@dataclass(frozen=True)
class Alternative:
    """One value the reports (or an analyst) give for a field, and who gives it."""

    text: str
    value: Any  # JSON
    publishers: tuple[str, ...]


@dataclass(frozen=True)
class FieldView:
    name: str
    label: str
    text: str
    value: Any  # JSON
    producers: tuple[str, ...]  # the components, or "analyst", that set the value
    set_by: str | None  # the analyst who set it (for analysts' eyes only)
    set_at: dt.datetime | None
    support: int  # independent sources stating it
    fixed: bool
    conflict: bool
    alternatives: tuple[Alternative, ...]

    @property
    def conflict_text(self) -> str:
        """ "12 — Daily NK, Yonhap; 13 — RFA"."""
        return "; ".join(f"{a.text} — {', '.join(a.publishers)}" for a in self.alternatives)


@dataclass(frozen=True)
class Quote:
    before: str
    quoted: str
    after: str


@dataclass(frozen=True)
class MentionValue:
    field: str  # the class of its <mark>: acts, victims, victim_group, places, date, …
    label: str
    text: str
    producer: str
    spans: tuple[EvidenceSpan, ...]
    quotes: tuple[Quote, ...]


@dataclass(frozen=True)
class MentionView:
    id: int | None
    extractor: str
    values: tuple[MentionValue, ...]


@dataclass(frozen=True)
class ReportView:
    report: Report
    highlighted: Markup  # the escaped text with each value's spans in <mark>
    mentions: tuple[MentionView, ...]


@dataclass(frozen=True)
class IncidentView:
    incident: Incident
    fields: tuple[FieldView, ...]
    corroboration: Corroboration
    sensitive: bool  # whether reports and history are shown
    reports: tuple[ReportView, ...] = ()
    history: tuple[AuditEntry, ...] = ()

    @property
    def conflicts(self) -> tuple[FieldView, ...]:
        return tuple(f for f in self.fields if f.conflict)


def incident_view(store: Store, incident_id: int, *, role: Role) -> IncidentView:
    """The incident as ``role`` may see it; NotFound when it may not see it at all."""
    incident = store.get_incident(incident_id)
    if not allows(role, Permission.VIEW_ALL) and incident.status is not IncidentStatus.VERIFIED:
        raise NotFound(f"no incident {incident_id}")
    sensitive = allows(role, Permission.VIEW_SENSITIVE)
    mentions = store.mentions_of(incident_id)
    reports = {r: store.get_report(r) for r in dict.fromkeys(m.report_id for m in mentions)}
    publishers = {rid: _publisher(r) for rid, r in reports.items()}
    history = store.history(incident_id)
    linked_at = {
        e.detail.get("mention"): e.at for e in history if e.action in ("created", "joined")
    }
    overrides = store.overrides(incident_id)
    reconciled = store.reconciliation(incident_id)
    fields = tuple(
        _field(f, mentions, publishers, linked_at, overrides.get(f.name), sensitive=sensitive)
        for f in reconciled.fields.values()
    )
    if not sensitive:
        return IncidentView(incident, fields, reconciled.corroboration, sensitive=False)
    report_views = tuple(
        _report_view(report, [m for m in mentions if m.report_id == rid])
        for rid, report in reports.items()
    )
    return IncidentView(
        incident,
        fields,
        reconciled.corroboration,
        sensitive=True,
        reports=report_views,
        history=tuple(history),
    )


def _publisher(report: Report) -> str:
    return report.publisher or report.title or report.external_id or report.id[:12]


def _field(
    field: ReconciledField,
    mentions: list[Mention],
    publishers: dict[str, str],
    linked_at: dict[Any, dt.datetime],
    override: tuple[Any, str, dt.datetime] | None,
    *,
    sensitive: bool,
) -> FieldView:
    alternatives = tuple(
        Alternative(
            text=value_text(a.value),
            value=encode_value(field.name, a.value),
            publishers=tuple(
                ANALYST if s == ANALYST else publishers.get(s, s[:12]) for s in a.supporters
            ),
        )
        for a in field.alternatives
    )
    if override is not None:
        _value, who, when = override
        producers: tuple[str, ...] = (ANALYST,)
        set_by: str | None = who if sensitive else None
        set_at: dt.datetime | None = _utc(when)
    else:
        backing = _supporting(field, mentions)
        producers = tuple(sorted({p for m in backing for p in _producers(field.name, m)}))
        times = [linked_at[m.id] for m in backing if m.id in linked_at]
        set_by, set_at = None, (_utc(min(times)) if times else None)
    return FieldView(
        name=field.name,
        label=LABELS.get(field.name, field.name),
        text=value_text(field.value),
        value=encode_value(field.name, field.value),
        producers=producers,
        set_by=set_by,
        set_at=set_at,
        support=field.support,
        fixed=field.fixed,
        conflict=field.conflict,
        alternatives=alternatives,
    )


def _utc(at: dt.datetime) -> dt.datetime:
    # SQLite hands datetimes back without their zone; the store writes them in UTC.
    return at if at.tzinfo else at.replace(tzinfo=dt.UTC)


def _supporting(field: ReconciledField, mentions: Iterable[Mention]) -> list[Mention]:
    """The mentions that state the field's chosen value."""
    if field.value is None:
        return []
    chosen = key_of(field.name, field.value)
    found = []
    for mention in mentions:
        value = values_of(mention)[field.name]
        if value is not None and key_of(field.name, value) == chosen:
            found.append(mention)
    return found


def _producers(field: str, mention: Mention) -> list[str]:
    if field in ("acts", "expected_acts", "modality"):
        return [a.producer for a in mention.acts]
    if field == "place":
        place = mention.main_place
        return [place.producer] if place else []
    value = getattr(mention, field, None)
    return [value.producer] if value is not None else []


def _report_view(report: Report, mentions: list[Mention]) -> ReportView:
    marks = [mark for m in mentions for mark in mention_marks(m, sensitive=True)]
    return ReportView(
        report=report,
        highlighted=highlight(report.text, marks),
        mentions=tuple(_mention_view(report.text, m) for m in mentions),
    )


def _mention_view(text: str, mention: Mention) -> MentionView:
    return MentionView(
        id=mention.id,
        extractor=mention.extractor,
        values=tuple(
            MentionValue(
                field=value.field,
                label=value.label,
                text=value.text,
                producer=value.producer,
                spans=value.spans,
                quotes=tuple(Quote(*piece) for piece in in_context(text, value.spans)),
            )
            for value in mention_values(mention, sensitive=True)
        ),
    )
