"""Incident field values as JSON, for analysts' values kept in the database."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from repwatch.link import PlaceValue
from repwatch.model import Act, DateRange, Modality, Perpetrator, VictimCount


def encode_value(field: str, value: Any) -> Any:
    """A JSON-able form of a typed field value (the inverse of ``decode_value``)."""
    if value is None:
        return None
    if field in ("acts", "expected_acts"):
        return [Act(a).value for a in value]
    if field in ("modality", "perpetrator"):
        return str(value.value if hasattr(value, "value") else value)
    if field in ("victims", "date"):
        return value.model_dump(mode="json")
    if field == "place":
        return asdict(value)
    raise ValueError(f"unknown incident field {field!r}")


def decode_value(field: str, data: Any) -> Any:
    if data is None:
        return None
    if field in ("acts", "expected_acts"):
        return tuple(Act(a) for a in data)
    if field == "modality":
        return Modality(data)
    if field == "perpetrator":
        return Perpetrator(data)
    if field == "victims":
        return VictimCount.model_validate(data)
    if field == "date":
        return DateRange.model_validate(data)
    if field == "place":
        return PlaceValue(**data)
    raise ValueError(f"unknown incident field {field!r}")
