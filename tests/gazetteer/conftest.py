"""Shared pieces of the gazetteer tests: the shipped gazetteer and a distance in km."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from repwatch.gazetteer import Gazetteer, default_gazetteer

Distance = Callable[[float, float, float, float], float]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (an independent check, not the library's code)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return default_gazetteer()


@pytest.fixture(scope="session")
def km() -> Distance:
    return haversine_km
