"""An Incident (model.py) holding reconciled values."""

from __future__ import annotations

from repwatch.link.reconcile import Reconciled
from repwatch.link.values import PlaceValue
from repwatch.model import Incident, Modality


def incident_from(reconciled: Reconciled, *, base: Incident | None = None) -> Incident:
    """The incident with the reconciled field values. ``base`` (the stored incident) keeps
    its id, status and timestamps, and its mention and report ids when ``reconciled``
    names none."""
    fields = reconciled.fields
    acts = tuple(fields["acts"].value or ())
    expected = tuple(a for a in fields["expected_acts"].value or () if a not in acts)
    place: PlaceValue | None = fields["place"].value
    values = {
        "acts": acts,
        "expected_acts": expected,
        "modality": fields["modality"].value or Modality.OCCURRED,
        "victims": fields["victims"].value,
        "place_name": place.name if place else None,
        "place_id": place.place_id if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "admin1": place.admin1 if place else None,
        "country": place.country if place else None,
        "date": fields["date"].value,
        "perpetrator": fields["perpetrator"].value,
    }
    if base is None:
        return Incident(
            mention_ids=reconciled.mention_ids, report_ids=reconciled.report_ids, **values
        )
    return base.model_copy(
        update={
            **values,
            "mention_ids": reconciled.mention_ids or base.mention_ids,
            "report_ids": reconciled.report_ids or base.report_ids,
        }
    )
