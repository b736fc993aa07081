"""incident_from: an Incident holding the reconciled values."""

from __future__ import annotations

import datetime as dt

from repwatch.link import Backing, incident_from, reconcile
from repwatch.model import Act, DateRange, Incident, IncidentStatus, Perpetrator, VictimCount

from .conftest import PLACES, mention


def test_incident_from_holds_the_reconciled_values() -> None:
    items = [
        Backing(mention("a", count=12, at="Hyesan", date="2013-09-07", mention_id=1), "a", "A", ""),
        Backing(mention("b", count=12, at="Hyesan", date="2013-09", mention_id=2), "b", "B", ""),
    ]

    incident = incident_from(reconcile(items))

    lat, lon, _, admin1, country = PLACES["Hyesan"]
    assert incident.acts == (Act.ARREST, Act.REPATRIATION)
    assert incident.victims == VictimCount.exactly(12)
    assert (incident.place_name, incident.lat, incident.lon) == ("Hyesan", lat, lon)
    assert (incident.admin1, incident.country) == (admin1, country)
    assert incident.date == DateRange(start="2013-09-07", end="2013-09-07")
    assert incident.perpetrator is Perpetrator.CHINA
    assert incident.mention_ids == (1, 2)
    assert incident.report_ids == ("a", "b")


def test_incident_from_keeps_the_stored_incidents_identity() -> None:
    created = dt.datetime(2024, 1, 2, tzinfo=dt.UTC)
    base = Incident(id=9, status=IncidentStatus.VERIFIED, created_at=created, victims=None)
    items = [Backing(mention("a", count=3), "a", "A", "")]

    incident = incident_from(reconcile(items), base=base)

    assert (incident.id, incident.status, incident.created_at) == (9, base.status, created)
    assert incident.victims == VictimCount.exactly(3)
    assert incident.report_ids == ("a",)


def test_incident_from_never_expects_an_act_that_happened() -> None:
    items = [Backing(mention("a", acts=("arrest",), expected=("repatriation",)), "a", "A", "")]
    fixed = {"acts": ["arrest", "repatriation"]}

    incident = incident_from(reconcile(items, fixed=fixed))

    assert incident.acts == (Act.ARREST, Act.REPATRIATION)
    assert incident.expected_acts == ()
