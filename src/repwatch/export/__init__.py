"""Exports of incidents: CSV, JSON and GeoJSON, and readers that load them back."""

from repwatch.export.incidents import (
    FORMATS,
    export_file,
    incident_from_record,
    incident_record,
    read_csv,
    read_geojson,
    write_incidents,
)

__all__ = [
    "FORMATS",
    "export_file",
    "incident_from_record",
    "incident_record",
    "read_csv",
    "read_geojson",
    "write_incidents",
]
