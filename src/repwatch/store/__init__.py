"""The store: tables, migrations and queries over reports, mentions and incidents."""

from repwatch.model import date_bounds
from repwatch.store.accounts import User
from repwatch.store.audit import AuditEntry, ChainCheck
from repwatch.store.engine import describe, migrate
from repwatch.store.review import DuplicateProposal, ReviewQueue
from repwatch.store.store import IncidentQuery, Store

__all__ = [
    "AuditEntry",
    "ChainCheck",
    "DuplicateProposal",
    "IncidentQuery",
    "ReviewQueue",
    "Store",
    "User",
    "date_bounds",
    "describe",
    "migrate",
]
