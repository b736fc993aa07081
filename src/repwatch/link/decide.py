"""Where a new mention goes: join an incident, propose it as a possible duplicate, or new."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal, TypeVar

from repwatch.link.score import JOIN_THRESHOLD, REVIEW_THRESHOLD, PairScore, pair_value, score_pair
from repwatch.model import Mention

_NO_TEXTS: Mapping[str, str] = MappingProxyType({})
Key = TypeVar("Key", bound=Hashable)  # whatever names an incident: the store's id


@dataclass(frozen=True)
class LinkDecision:
    """``join``: the mention tells ``incident_key``'s case. ``propose``: it may; an analyst
    decides. ``new``: it starts an incident of its own (``incident_key`` is then None, and
    ``score`` is the closest candidate's, if there was one)."""

    action: Literal["join", "propose", "new"]
    incident_key: Hashable | None
    score: PairScore | None


def decide(
    mention: Mention,
    candidates: Mapping[Key, Sequence[Mention]],
    *,
    texts: Mapping[str, str] = _NO_TEXTS,
) -> LinkDecision:
    """Decide for ``mention`` among ``candidates`` (incident key -> the incident's mentions);
    ``texts`` (report id -> text) lets shared details count.

    An incident scores as its best-matching mention: reports of one case tell different
    parts of it, and the new report need only agree with one telling. An incident that
    already holds a mention of the same report is passed over: a report tells each of
    its cases once, so a second case in it is another case. Ties go to the first key.
    """
    text = texts.get(mention.report_id, "")
    best_key: Key | None = None
    best_other: Mention | None = None
    best_value = -1.0
    for key, mentions in candidates.items():
        if any(m.report_id == mention.report_id for m in mentions):
            continue
        for other in mentions:
            value = pair_value(mention, other, text, texts.get(other.report_id, ""))
            if value > best_value:
                best_key, best_other, best_value = key, other, value
    if best_other is None:
        return LinkDecision("new", None, None)
    other_text = texts.get(best_other.report_id, "")
    best = score_pair(mention, best_other, text_a=text, text_b=other_text)
    if best.score >= JOIN_THRESHOLD:
        return LinkDecision("join", best_key, best)
    if best.score >= REVIEW_THRESHOLD:
        return LinkDecision("propose", best_key, best)
    return LinkDecision("new", None, best)
