"""The review queue and the analysts' actions, as pages and under /api/v1: verify,
reject, reopen, set a field, merge, tell a proposed duplicate apart, and read an
incident's history. Analysts and admins only.

Each page action is a POST form carrying the CSRF token. Sent by htmx it answers
with the fragment that replaces the row or card it came from (or, when refused,
with the reason beside the button); sent plainly it redirects to ``next`` with
``done=…``, from which the page says what happened.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, Field

from repwatch.errors import InputError, NotFound, RepwatchError
from repwatch.evidence import value_text
from repwatch.link import FIELDS
from repwatch.model import Incident, IncidentStatus
from repwatch.protect.roles import Permission
from repwatch.review import parse_field_value
from repwatch.store import User
from repwatch.web.auth import require, settings_of, store_of
from repwatch.web.review_view import (
    QUEUE_PATH,
    back_to,
    distinct_message,
    done_message,
    edit_path,
    editable_fields,
    field_message,
    history_text,
    local_path,
    merge_message,
    outer_of,
    review_queue,
    status_message,
)
from repwatch.web.routes.incidents import HistoryOut, IncidentOut, incident_out
from repwatch.web.templating import render

router = APIRouter()

Analyst = Annotated[User, Depends(require(Permission.REVIEW))]
NextPath = Annotated[str | None, Form(max_length=2000, description="where to return")]
MAX_QUEUE = 500


def is_htmx(request: Request) -> bool:
    return request.headers.get("HX-Request") == "true"


def _page(
    request: Request, name: str, context: dict[str, Any], *, status_code: int = 200
) -> Response:
    response = render(request, name, {"value_text": value_text, **context}, status_code=status_code)
    response.headers["Vary"] = "HX-Request"
    return response


def _refusal(request: Request, error: RepwatchError) -> Response:
    """An htmx action refused: the reason goes beside the button that asked (htmx swaps
    no 4xx answer, so this one is 200 and says where it goes)."""
    response = render(request, "review/problem.html", {"message": str(error)})
    response.headers["HX-Retarget"] = "find .review-problem"
    response.headers["HX-Reswap"] = "innerHTML"
    return response


def _attempt(request: Request, action: Callable[[], Response]) -> Response:
    try:
        return action()
    except (InputError, NotFound) as error:
        if not is_htmx(request):
            raise
        return _refusal(request, error)


def _redirect(next_path: str | None, done: str) -> Response:
    return RedirectResponse(back_to(next_path, done), status_code=303)


# --- the queue -------------------------------------------------------------------------


@router.get("/review", include_in_schema=False)
def queue_page(request: Request, analyst: Analyst, done: str | None = None) -> Response:
    queue = review_queue(store_of(request), limit=settings_of(request).page_size)
    context = {"queue": queue, "message": done_message(done), "next": QUEUE_PATH}
    return _page(request, "review/queue.html", context)


# --- verify, reject, reopen ------------------------------------------------------------


def _set_status(
    request: Request,
    user: User,
    incident_id: int,
    status: IncidentStatus,
    next_path: str | None,
    fragment: str,
) -> Response:
    def act() -> Response:
        incident = store_of(request).set_status(incident_id, status, actor=user.name)
        if not is_htmx(request):
            return _redirect(next_path, f"{status.value}.{incident_id}")
        template = "review/actions.html" if fragment == "actions" else "review/incident_row.html"
        context = {
            "incident": incident,
            "message": status_message(incident),
            "next": local_path(next_path),  # the fragments default to their own page
        }
        return _page(request, template, context)

    return _attempt(request, act)


Fragment = Annotated[
    Literal["row", "actions"], Form(description="which fragment htmx swaps in: row or actions")
]


# --- fields ----------------------------------------------------------------------------


def _edit(
    request: Request,
    incident: Incident,
    *,
    outer: str | None,
    message: str | None = None,
    error: str | None = None,
    status_code: int = 200,
) -> Response:
    """The edit form, leading back to ``outer``: alone for htmx, else on a page of its own."""
    assert incident.id is not None
    outer = outer or f"/incidents/{incident.id}"
    context = {
        "incident": incident,
        "fields": editable_fields(store_of(request), incident),
        "message": message,
        "error": error,
        "outer": outer,
        # A plain post comes back to this form, to go on editing.
        "next": edit_path(incident.id, outer),
    }
    name = "review/edit.html" if is_htmx(request) else "review/edit_page.html"
    return _page(request, name, context, status_code=status_code)


@router.get("/incidents/{incident_id}/edit", include_in_schema=False)
def edit_form(
    request: Request,
    analyst: Analyst,
    incident_id: int,
    next: Annotated[str | None, Query(max_length=2000)] = None,
    done: str | None = None,
) -> Response:
    incident = store_of(request).get_incident(incident_id)
    return _edit(request, incident, outer=local_path(next), message=done_message(done))


@router.post("/incidents/{incident_id}/fields", include_in_schema=False)
def set_field(
    request: Request,
    analyst: Analyst,
    incident_id: int,
    field: Annotated[str, Form(max_length=32)],
    value: Annotated[str, Form(max_length=500)] = "",
    next: NextPath = None,
) -> Response:
    store = store_of(request)
    try:
        incident = store.set_field(
            incident_id, field, parse_field_value(field, value), actor=analyst.name
        )
    except InputError as error:
        # Shown with the form, so that the analyst can correct it; htmx swaps only a 200.
        status = 200 if is_htmx(request) else 400
        current = store.get_incident(incident_id)
        return _edit(request, current, outer=outer_of(next), error=str(error), status_code=status)
    if not is_htmx(request):
        return _redirect(next, f"set.{incident_id}.{field}")
    message = field_message(incident, field)
    return _edit(request, incident, outer=outer_of(next), message=message)


# --- merge and distinct ----------------------------------------------------------------

_ID_LIST = re.compile(r"[\s,;]+")


def incident_ids(text: str) -> list[int]:
    """Incident ids as an analyst types them: "14, 17" or "14 17"."""
    ids = []
    for part in _ID_LIST.split(text.strip()):
        if not part:
            continue
        if not part.isdigit() or len(part) > 12:
            raise InputError("others", f"{part!r} is not an incident id")
        ids.append(int(part))
    if not ids:
        raise InputError("others", "name at least one incident to merge in")
    return ids


@router.post("/incidents/{incident_id}/merge", include_in_schema=False)
def merge(
    request: Request,
    analyst: Analyst,
    incident_id: int,
    others: Annotated[str, Form(max_length=1000)],
    next: NextPath = None,
    fragment: Annotated[Literal["card", "edit"], Form()] = "card",
) -> Response:
    def act() -> Response:
        ids = [i for i in dict.fromkeys(incident_ids(others)) if i != incident_id]
        incident = store_of(request).merge(incident_id, ids, actor=analyst.name)
        if not is_htmx(request):
            return _redirect(next, f"merged.{incident_id}." + "-".join(str(i) for i in ids))
        message = merge_message(incident_id, ids)
        if fragment == "edit":
            return _edit(request, incident, outer=outer_of(next), message=message)
        return _page(request, "review/decided.html", {"incident": incident, "message": message})

    return _attempt(request, act)


@router.post("/review/duplicates/{proposal_id}/distinct", include_in_schema=False)
def distinct(
    request: Request, analyst: Analyst, proposal_id: int, next: NextPath = None
) -> Response:
    def act() -> Response:
        store = store_of(request)
        proposal = store.duplicate_proposal(proposal_id)
        store.mark_distinct(proposal.incident_id, proposal.candidate_id, actor=analyst.name)
        if not is_htmx(request):
            return _redirect(next, f"distinct.{proposal.incident_id}.{proposal.candidate_id}")
        message = distinct_message(proposal.incident_id, proposal.candidate_id)
        return _page(request, "review/decided.html", {"incident": None, "message": message})

    return _attempt(request, act)


# --- history ---------------------------------------------------------------------------


@router.get("/incidents/{incident_id}/history", include_in_schema=False)
def history_page(request: Request, analyst: Analyst, incident_id: int) -> Response:
    store = store_of(request)
    entries = store.history(incident_id)
    context = {
        "incident": store.get_incident(incident_id),
        "entries": [(e, history_text(e)) for e in entries],
    }
    name = "review/history.html" if is_htmx(request) else "review/history_page.html"
    return _page(request, name, context)


# --- the API ---------------------------------------------------------------------------


class DuplicateOut(BaseModel):
    """Two incidents linking found alike, but not alike enough to join on its own."""

    id: int
    score: float
    reasons: list[str]
    incident: IncidentOut = Field(description="The newer incident.")
    candidate: IncidentOut = Field(description="The incident it may duplicate.")


class QueueOut(BaseModel):
    duplicates: list[DuplicateOut] = Field(description="Open proposals, highest score first.")
    more_duplicates: bool = Field(description="More open proposals remain beyond the limit.")
    incidents: list[IncidentOut] = Field(description="Proposed incidents, most corroborated first.")
    proposed_total: int = Field(description="How many incidents are proposed in all.")


class StatusIn(BaseModel):
    status: Literal["verified", "rejected", "proposed"]


class FieldIn(BaseModel):
    value: str | int | list[str] | None = Field(
        description="As `repwatch incident set` takes it: 12, '11-13', '12+'; "
        "'2019-11-19', '2019-11', 'A..B'; a place name; ['arrest', 'repatriation']; "
        "null clears the field."
    )


class MergeIn(BaseModel):
    others: list[int] = Field(min_length=1, max_length=100, description="Incidents to merge in.")


class ActionOut(BaseModel):
    message: str = Field(description="What happened.")
    incident: IncidentOut


class DistinctOut(BaseModel):
    message: str
    proposal: int
    incident_id: int
    candidate_id: int


def _action_out(message: str, incident: Incident) -> ActionOut:
    return ActionOut(message=message, incident=incident_out(incident))


@router.get("/api/v1/review", response_model=QueueOut, tags=["review"])
def queue_api(
    request: Request,
    analyst: Analyst,
    limit: Annotated[int, Query(ge=1, le=MAX_QUEUE)] = 50,
) -> QueueOut:
    """The review queue: possible duplicates, and proposed incidents most corroborated first."""
    queue = review_queue(store_of(request), limit=limit)
    return QueueOut(
        duplicates=[
            DuplicateOut(
                id=pair.proposal.id,
                score=pair.proposal.score,
                reasons=list(pair.proposal.reasons),
                incident=incident_out(pair.incident),
                candidate=incident_out(pair.candidate),
            )
            for pair in queue.pairs
        ],
        more_duplicates=queue.more_pairs,
        incidents=[incident_out(i) for i in queue.incidents],
        proposed_total=queue.proposed_total,
    )


@router.post("/api/v1/incidents/{incident_id}/status", response_model=ActionOut, tags=["review"])
def status_api(request: Request, analyst: Analyst, incident_id: int, body: StatusIn) -> ActionOut:
    """Verify or reject an incident, or send it back to proposed."""
    status = IncidentStatus(body.status)
    incident = store_of(request).set_status(incident_id, status, actor=analyst.name)
    return _action_out(status_message(incident), incident)


@router.put(
    "/api/v1/incidents/{incident_id}/fields/{field}", response_model=ActionOut, tags=["review"]
)
def field_api(
    request: Request, analyst: Analyst, incident_id: int, field: str, body: FieldIn
) -> ActionOut:
    """Set a field to an analyst's value, which extraction and linking never overwrite."""
    typed = parse_field_value(field, _field_text(field, body.value))
    incident = store_of(request).set_field(incident_id, field, typed, actor=analyst.name)
    return _action_out(field_message(incident, field), incident)


def _field_text(field: str, value: str | int | list[str] | None) -> str:
    """The value as the command line's text."""
    if field not in FIELDS:
        raise InputError(field, f"not an incident field; valid: {', '.join(FIELDS)}")
    if value is None:
        return "none"
    if isinstance(value, list):
        return ", ".join(value)
    return str(value)


@router.post("/api/v1/incidents/{incident_id}/merge", response_model=ActionOut, tags=["review"])
def merge_api(request: Request, analyst: Analyst, incident_id: int, body: MergeIn) -> ActionOut:
    """Merge other incidents, which are the same case, into this one."""
    others = [i for i in dict.fromkeys(body.others) if i != incident_id]
    incident = store_of(request).merge(incident_id, others, actor=analyst.name)
    return _action_out(merge_message(incident_id, others), incident)


@router.post(
    "/api/v1/review/duplicates/{proposal_id}/distinct",
    response_model=DistinctOut,
    tags=["review"],
)
def distinct_api(request: Request, analyst: Analyst, proposal_id: int) -> DistinctOut:
    """Record that the two incidents of a proposed duplicate are different cases."""
    store = store_of(request)
    proposal = store.duplicate_proposal(proposal_id)
    store.mark_distinct(proposal.incident_id, proposal.candidate_id, actor=analyst.name)
    return DistinctOut(
        message=distinct_message(proposal.incident_id, proposal.candidate_id),
        proposal=proposal.id,
        incident_id=proposal.incident_id,
        candidate_id=proposal.candidate_id,
    )


@router.get(
    "/api/v1/incidents/{incident_id}/history", response_model=list[HistoryOut], tags=["review"]
)
def history_api(request: Request, analyst: Analyst, incident_id: int) -> list[HistoryOut]:
    """Every change to an incident, oldest first: what, who and when."""
    return [
        HistoryOut(action=e.action, actor=e.actor, at=e.at, detail=e.detail)
        for e in store_of(request).history(incident_id)
    ]


# The three buttons of a proposed, verified or rejected incident. Declared last: its
# path would otherwise take /fields and /merge too.
STATUS_ACTIONS = {
    "verify": IncidentStatus.VERIFIED,
    "reject": IncidentStatus.REJECTED,
    "reopen": IncidentStatus.PROPOSED,
}


@router.post("/incidents/{incident_id}/{action}", include_in_schema=False)
def change_status(
    request: Request,
    analyst: Analyst,
    incident_id: int,
    action: Literal["verify", "reject", "reopen"],
    next: NextPath = None,
    fragment: Fragment = "row",
) -> Response:
    status = STATUS_ACTIONS[action]
    return _set_status(request, analyst, incident_id, status, next, fragment)
