"""The store: tables, migrations and queries over reports, mentions and incidents."""

from repwatch.store.engine import describe, migrate
from repwatch.store.store import IncidentQuery, Store, date_bounds

__all__ = ["IncidentQuery", "Store", "date_bounds", "describe", "migrate"]
