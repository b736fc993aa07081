"""Incidents as flat records, written as CSV, JSON or GeoJSON.

Exports hold only incident fields: no report text, victim descriptions or
source phrases, so that an export can be shared. GeoJSON coordinates are
``[lon, lat]``, as RFC 7946 requires; an incident without coordinates is a
feature with a null geometry.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from repwatch.model import (
    Act,
    DatePrecision,
    DateRange,
    Incident,
    IncidentStatus,
    Modality,
    Perpetrator,
    VictimCount,
)

FORMATS = ("csv", "json", "geojson")

COLUMNS = (
    "id",
    "status",
    "modality",
    "acts",
    "expected_acts",
    "victims_min",
    "victims_max",
    "place_name",
    "place_id",
    "lat",
    "lon",
    "admin1",
    "country",
    "date_start",
    "date_end",
    "date_precision",
    "perpetrator",
    "report_ids",
)

LIST_SEPARATOR = ";"


def incident_record(incident: Incident) -> dict[str, Any]:
    """An incident as a flat record with the export's columns."""
    victims, date = incident.victims, incident.date
    return {
        "id": incident.id,
        "status": incident.status.value,
        "modality": incident.modality.value,
        "acts": [a.value for a in incident.acts],
        "expected_acts": [a.value for a in incident.expected_acts],
        "victims_min": victims.min if victims else None,
        "victims_max": victims.max if victims else None,
        "place_name": incident.place_name,
        "place_id": incident.place_id,
        "lat": incident.lat,
        "lon": incident.lon,
        "admin1": incident.admin1,
        "country": incident.country,
        "date_start": date.start if date else None,
        "date_end": date.end if date else None,
        "date_precision": date.precision.value if date else None,
        "perpetrator": incident.perpetrator.value if incident.perpetrator else None,
        "report_ids": list(incident.report_ids),
    }


def incident_from_record(record: dict[str, Any]) -> Incident:
    """The incident a record describes (the inverse of ``incident_record``)."""

    def listed(value: Any) -> list[str]:
        if isinstance(value, list):
            return value
        return [v for v in str(value or "").split(LIST_SEPARATOR) if v]

    def number(value: Any, kind: type) -> Any:
        return None if value in (None, "") else kind(value)

    def optional(value: Any) -> Any:
        return None if value in (None, "") else value

    date = None
    if optional(record.get("date_start")) or optional(record.get("date_end")):
        date = DateRange(
            start=optional(record.get("date_start")),
            end=optional(record.get("date_end")),
            precision=DatePrecision(optional(record.get("date_precision")) or "day"),
        )
    vmin, vmax = number(record.get("victims_min"), int), number(record.get("victims_max"), int)
    return Incident(
        id=number(record.get("id"), int),
        status=IncidentStatus(record["status"]),
        modality=Modality(record["modality"]),
        acts=tuple(Act(a) for a in listed(record.get("acts"))),
        expected_acts=tuple(Act(a) for a in listed(record.get("expected_acts"))),
        victims=None if vmin is None and vmax is None else VictimCount(min=vmin, max=vmax),
        place_name=optional(record.get("place_name")),
        place_id=optional(record.get("place_id")),
        lat=number(record.get("lat"), float),
        lon=number(record.get("lon"), float),
        admin1=optional(record.get("admin1")),
        country=optional(record.get("country")),
        date=date,
        perpetrator=Perpetrator(record["perpetrator"])
        if optional(record.get("perpetrator"))
        else None,
        report_ids=tuple(listed(record.get("report_ids"))),
    )


def _csv_cell(value: Any) -> Any:
    if isinstance(value, list):
        return LIST_SEPARATOR.join(value)
    return "" if value is None else value


def write_csv(incidents: Iterable[Incident], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for incident in incidents:
        writer.writerow({k: _csv_cell(v) for k, v in incident_record(incident).items()})
        count += 1
    return count


def write_json(incidents: Iterable[Incident], out: TextIO) -> int:
    records = [incident_record(i) for i in incidents]
    json.dump(records, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return len(records)


def geojson_feature(incident: Incident) -> dict[str, Any]:
    geometry = None
    if incident.lat is not None and incident.lon is not None:
        geometry = {"type": "Point", "coordinates": [incident.lon, incident.lat]}
    return {
        "type": "Feature",
        "id": incident.id,
        "geometry": geometry,
        "properties": incident_record(incident),
    }


def write_geojson(incidents: Iterable[Incident], out: TextIO) -> int:
    features = [geojson_feature(i) for i in incidents]
    json.dump(
        {"type": "FeatureCollection", "features": features}, out, ensure_ascii=False, indent=2
    )
    out.write("\n")
    return len(features)


WRITERS = {"csv": write_csv, "json": write_json, "geojson": write_geojson}


def write_incidents(incidents: Iterable[Incident], out: TextIO, *, format: str) -> int:
    """Write incidents in ``format`` (one of FORMATS); returns how many were written."""
    return WRITERS[format](incidents, out)


def export_file(incidents: Iterable[Incident], path: Path, *, format: str) -> int:
    """Write incidents to ``path`` through a temporary file, so that a reader never
    sees half an export; returns how many were written."""
    partial = path.with_name(path.name + ".part")
    with partial.open("w", encoding="utf-8", newline="") as out:
        count = write_incidents(incidents, out, format=format)
    partial.replace(path)
    return count


def read_csv(source: TextIO) -> list[Incident]:
    return [incident_from_record(row) for row in csv.DictReader(source)]


def read_geojson(source: TextIO) -> list[Incident]:
    """Incidents from a GeoJSON export; coordinates are taken from the geometry."""
    incidents = []
    for feature in json.load(source)["features"]:
        record = dict(feature["properties"])
        geometry = feature.get("geometry")
        if geometry:
            record["lon"], record["lat"] = geometry["coordinates"]
        incidents.append(incident_from_record(record))
    return incidents
