from __future__ import annotations

import csv
import io
import json

import pytest

from repwatch.export import read_csv, read_geojson, write_incidents
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

INCIDENTS = [
    Incident(
        id=1,
        acts=(Act.ARREST, Act.DETENTION),
        expected_acts=(Act.REPATRIATION,),
        victims=VictimCount(min=27, max=33),
        place_name="Dandong",
        place_id="cn-dandong",
        lat=40.124,
        lon=124.394,
        admin1="Liaoning",
        country="CN",
        date=DateRange(start="2019-11-19", end="2019-11-20"),
        perpetrator=Perpetrator.CHINA,
        report_ids=("a" * 64, "b" * 64),
    ),
    Incident(
        id=2,
        status=IncidentStatus.VERIFIED,
        modality=Modality.EXPECTED,
        acts=(Act.REPATRIATION,),
        victims=VictimCount(min=501, max=None),
        place_name="Heilongjiang Province",
        date=DateRange(start="2014-03", end="2014-03", precision=DatePrecision.MONTH),
    ),
    Incident(id=3, acts=(Act.DEATH,), victims=None, place_name=None, date=None),
]


def roundtrip(format: str) -> list[Incident]:
    buffer = io.StringIO()
    assert write_incidents(INCIDENTS, buffer, format=format) == len(INCIDENTS)
    buffer.seek(0)
    return read_csv(buffer) if format == "csv" else read_geojson(buffer)


@pytest.mark.parametrize("format", ["csv", "geojson"])
def test_export_reads_back_as_the_same_incidents(format: str) -> None:
    assert roundtrip(format) == INCIDENTS


def test_geojson_coordinates_are_lon_lat() -> None:
    buffer = io.StringIO()
    write_incidents(INCIDENTS, buffer, format="geojson")
    collection = json.loads(buffer.getvalue())
    assert collection["type"] == "FeatureCollection"
    first, second = collection["features"][:2]
    assert first["geometry"] == {"type": "Point", "coordinates": [124.394, 40.124]}
    assert second["geometry"] is None  # a province without coordinates


def test_csv_has_one_row_per_incident_with_joined_acts() -> None:
    buffer = io.StringIO()
    write_incidents(INCIDENTS, buffer, format="csv")
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert [r["id"] for r in rows] == ["1", "2", "3"]
    assert rows[0]["acts"] == "arrest;detention"
    assert rows[1]["victims_max"] == ""


def test_json_export_is_a_list_of_records() -> None:
    buffer = io.StringIO()
    write_incidents(INCIDENTS, buffer, format="json")
    records = json.loads(buffer.getvalue())
    assert records[0]["acts"] == ["arrest", "detention"]
    assert records[1]["modality"] == "expected"
