"""Mentions → incidents: which mentions tell one case, and what the case then is.

Pure functions over the types of ``repwatch.model``; the store queries candidates,
keeps decisions and records analysts' choices.

- ``candidate_window``: the dates and region in which to look for a new mention's incident.
- ``score_pair`` / ``decide``: how alike two mentions are; join, propose or new.
- ``near_duplicate``: a republished story, one source not two.
- ``reconcile`` / ``incident_from``: an incident's fields from its mentions, with
  support, alternatives, conflicts and corroboration; analysts' values always win.
"""

from __future__ import annotations

from repwatch.link.decide import LinkDecision, decide
from repwatch.link.duplicates import near_duplicate, shingles
from repwatch.link.incident import incident_from
from repwatch.link.profile import date_bounds
from repwatch.link.reconcile import (
    Backing,
    Corroboration,
    FieldValue,
    Reconciled,
    ReconciledField,
    reconcile,
)
from repwatch.link.score import JOIN_THRESHOLD, REVIEW_THRESHOLD, PairScore, score_pair
from repwatch.link.values import FIELDS, PlaceValue
from repwatch.link.window import CandidateWindow, candidate_window

__all__ = [
    "FIELDS",
    "JOIN_THRESHOLD",
    "REVIEW_THRESHOLD",
    "Backing",
    "CandidateWindow",
    "Corroboration",
    "FieldValue",
    "LinkDecision",
    "PairScore",
    "PlaceValue",
    "Reconciled",
    "ReconciledField",
    "candidate_window",
    "date_bounds",
    "decide",
    "incident_from",
    "near_duplicate",
    "reconcile",
    "score_pair",
    "shingles",
]
