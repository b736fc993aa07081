"""The border gazetteer: curated places of the China–North Korea border and the
escape routes, in every common romanisation, Hangul and Chinese, and the
resolution of place names in reports to them.

    >>> from repwatch.gazetteer import default_gazetteer
    >>> default_gazetteer().resolve("a village near Hyesan").place.id
    'kp-hyesan'

The data is ``places.csv`` beside this module; ``docs/gazetteer.md`` says where
its coordinates come from and how to add or correct a place.
"""

from __future__ import annotations

from functools import cache

from repwatch.gazetteer.data import KINDS
from repwatch.gazetteer.gazetteer import Gazetteer
from repwatch.gazetteer.results import Candidate, PlaceMatch, Resolution

__all__ = ["KINDS", "Candidate", "Gazetteer", "PlaceMatch", "Resolution", "default_gazetteer"]


@cache
def default_gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded once per process."""
    return Gazetteer.from_csv()
