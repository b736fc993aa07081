"""What the review pages show: the queue with both sides of each possible duplicate,
the editable fields of an incident as its form takes them, its history in words,
and the sentence that confirms each action.

A page reached by redirect after an action gets ``done=ACTION.ID[.DETAIL]`` in
its query string, and says what happened from that code alone: no text a link
could carry is ever shown.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode

from repwatch.link import FIELDS
from repwatch.model import (
    Act,
    DateRange,
    Incident,
    IncidentStatus,
    Modality,
    Perpetrator,
    VictimCount,
)
from repwatch.store import AuditEntry, DuplicateProposal, IncidentQuery, Store
from repwatch.web.auth import safe_next
from repwatch.web.incident_view import LABELS

QUEUE_PATH = "/review"

HINTS = {
    "acts": "e.g. arrest, repatriation",
    "expected_acts": "e.g. repatriation",
    "victims": "12, 11-13 or 12+",
    "place": "a place name",
    "date": "2019-11-19, 2019-11 or 2019-11-19..2019-11-20",
}
# Fields chosen from a list; "" clears the field.
CHOICES: dict[str, tuple[str, ...]] = {
    "modality": tuple(m.value for m in Modality),
    "perpetrator": ("", *(p.value for p in Perpetrator)),
}


# --- the queue -------------------------------------------------------------------------


@dataclass(frozen=True)
class Pair:
    """A proposal that two incidents are one case, with both of them."""

    proposal: DuplicateProposal
    incident: Incident  # the newer one, linking's proposal
    candidate: Incident  # the one it may duplicate

    @property
    def mergeable(self) -> bool:
        merged = IncidentStatus.MERGED
        return merged not in (self.incident.status, self.candidate.status)


@dataclass(frozen=True)
class QueueView:
    pairs: list[Pair]
    more_pairs: bool  # open proposals beyond the cap
    incidents: list[Incident]  # proposed, most corroborated first
    proposed_total: int
    limit: int


def review_queue(store: Store, *, limit: int) -> QueueView:
    """Up to ``limit`` possible duplicates and proposed incidents, and how many are proposed."""
    queue = store.review_queue(limit=limit + 1)  # one more tells whether more remain
    proposals = queue.duplicates[:limit]
    known = {i.id: i for i in queue.incidents}
    for proposal in proposals:
        for incident_id in (proposal.incident_id, proposal.candidate_id):
            if incident_id not in known:
                known[incident_id] = store.get_incident(incident_id)
    pairs = [Pair(p, known[p.incident_id], known[p.candidate_id]) for p in proposals]
    total = store.count_matching(IncidentQuery(status=IncidentStatus.PROPOSED))
    return QueueView(
        pairs=pairs,
        more_pairs=len(queue.duplicates) > limit,
        incidents=queue.incidents[:limit],
        proposed_total=total,
        limit=limit,
    )


# --- editing ---------------------------------------------------------------------------


@dataclass(frozen=True)
class EditableField:
    name: str
    label: str
    text: str  # the current value, written as the form takes it
    choices: tuple[str, ...]  # for a list to choose from; empty for free text
    hint: str
    set_by: str | None  # the analyst whose value it is; None when extraction's
    set_at: dt.datetime | None
    conflict: bool  # the reports disagree


def editable_fields(store: Store, incident: Incident) -> list[EditableField]:
    assert incident.id is not None
    overrides = store.overrides(incident.id)
    found = []
    for name in FIELDS:
        _, set_by, set_at = overrides.get(name, (None, None, None))
        found.append(
            EditableField(
                name=name,
                label=LABELS.get(name, name),
                text=input_text(incident, name),
                choices=CHOICES.get(name, ()),
                hint=HINTS.get(name, ""),
                set_by=set_by,
                set_at=set_at,
                conflict=name in incident.conflicts,
            )
        )
    return found


def input_text(incident: Incident, field: str) -> str:
    """A field's value as ``parse_field_value`` reads it back, so that setting a field to
    the text shown leaves it as it is."""
    if field in ("acts", "expected_acts"):
        acts: tuple[Act, ...] = getattr(incident, field)
        return ", ".join(a.value for a in acts)
    if field == "modality":
        return incident.modality.value
    if field == "victims":
        return _count_text(incident.victims)
    if field == "place":
        return incident.place_name or ""
    if field == "date":
        return _date_text(incident.date)
    if field == "perpetrator":
        return incident.perpetrator.value if incident.perpetrator else ""
    raise ValueError(f"unknown incident field {field!r}")


def _count_text(count: VictimCount | None) -> str:
    if count is None or (count.min is None and count.max is None):
        return ""
    if count.max is None:
        return f"{count.min}+"
    low = count.min if count.min is not None else 0
    return str(low) if low == count.max else f"{low}-{count.max}"


def _date_text(date: DateRange | None) -> str:
    if date is None:
        return ""
    start, end = date.start or date.end or "", date.end or date.start or ""
    return start if start == end else f"{start}..{end}"


# --- history ---------------------------------------------------------------------------


def history_text(entry: AuditEntry) -> str:
    """What an audit entry records, in words."""
    detail = entry.detail
    action = entry.action
    if action in ("verified", "rejected", "proposed"):
        return f"status {detail.get('from', '?')} → {action}"
    if action == "set":
        value = detail.get("value")
        field = LABELS.get(str(detail.get("field")), str(detail.get("field")))
        return f"{field} cleared" if value is None else f"{field} set to {_json_text(value)}"
    if action == "merged":
        return "merged in incidents " + ", ".join(str(i) for i in detail.get("from", []))
    if action == "merged_into":
        return f"merged into incident {detail.get('into')}"
    if action == "distinct":
        return f"told apart from incident {detail.get('other')}"
    if action == "split":
        return f"mentions {_ids(detail.get('mentions'))} moved to incident {detail.get('to')}"
    if action == "split_from":
        return f"made of mentions {_ids(detail.get('mentions'))} of incident {detail.get('from')}"
    if action == "created":
        return f"created from mention {detail.get('mention')}"
    if action == "joined":
        return f"mention {detail.get('mention')} joined"
    return f"{action} {_json_text(detail)}"


def _ids(values: Any) -> str:
    return ", ".join(str(v) for v in values) if isinstance(values, list) else str(values)


def _json_text(value: Any) -> str:
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return value["name"]  # a place
    if isinstance(value, dict) and set(value) >= {"min", "max"}:
        return _count_text(VictimCount.model_validate(value))
    if isinstance(value, dict) and set(value) >= {"start", "end"}:
        return _date_text(DateRange.model_validate(value))
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


# --- confirmations ---------------------------------------------------------------------


def status_message(incident: Incident) -> str:
    return f"Incident {incident.id} is now {incident.status.value}."


def field_message(incident: Incident, field: str) -> str:
    text = input_text(incident, field)
    label = LABELS.get(field, field)
    return f"Incident {incident.id}: {label} " + (f"set to {text}." if text else "cleared.")


def merge_message(keep_id: int, others: Sequence[int]) -> str:
    named = ", ".join(str(o) for o in others)
    plural = "s" if len(others) > 1 else ""
    return f"Incident{plural} {named} merged into incident {keep_id}."


def distinct_message(incident_id: int, other_id: int) -> str:
    return f"Incidents {incident_id} and {other_id} are recorded as different cases."


_DONE = re.compile(
    r"(verified|rejected|proposed|set|merged|distinct)\.(\d{1,12})"
    r"(?:\.([a-z_]{1,20}|\d{1,12}(?:-\d{1,12}){0,49}))?"
)


def done_message(done: str | None) -> str | None:
    """The sentence a ``done`` code stands for; None for anything else."""
    match = _DONE.fullmatch(done or "")
    if not match:
        return None
    action, first, detail = match.groups()
    incident_id = int(first)
    if action in ("verified", "rejected", "proposed"):
        return f"Incident {incident_id} is now {action}."
    if action == "set" and detail in FIELDS:
        return f"Incident {incident_id}: {LABELS.get(detail, detail)} set."
    if action == "merged" and detail and detail[0].isdigit():
        return merge_message(incident_id, [int(i) for i in detail.split("-")])
    if action == "distinct" and detail and detail.isdigit():
        return distinct_message(incident_id, int(detail))
    return None


def local_path(path: str | None) -> str | None:
    """``path`` if it is a path on this site, else None."""
    if not path or safe_next(path) != path:
        return None
    # Browsers drop tabs and line breaks from URLs: "/\t/host" would become "//host".
    if any(ord(c) <= 0x20 or ord(c) == 0x7F for c in path):
        return None
    return path


def back_to(next_path: str | None, done: str, *, default: str = QUEUE_PATH) -> str:
    """Where a plain form post returns: ``next_path`` if it is a path on this site,
    else ``default``, with ``done`` in its query."""
    target = local_path(next_path) or default
    rest, _, fragment = target.partition("#")
    path, _, query = rest.partition("?")
    pairs = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k != "done"]
    pairs.append(("done", done))
    return f"{path}?{urlencode(pairs)}" + (f"#{fragment}" if fragment else "")


def edit_path(incident_id: int, outer: str) -> str:
    """The edit page of an incident, which leads back to ``outer``."""
    return f"/incidents/{incident_id}/edit?" + urlencode({"next": outer})


def outer_of(path: str | None) -> str | None:
    """The page an edit page at ``path`` leads back to."""
    query = (local_path(path) or "").partition("?")[2].partition("#")[0]
    return local_path(dict(parse_qsl(query)).get("next"))
