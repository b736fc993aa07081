"""One incident: its fields with provenance, corroboration and conflicts, and the
evidence of every value highlighted in the backing reports."""

from __future__ import annotations

import html
from collections.abc import Callable

from fastapi.testclient import TestClient

from repwatch.model import IncidentStatus, VictimCount
from repwatch.protect.roles import Role
from repwatch.store import Store

Client = Callable[[Role], TestClient]


def an_incident_with_evidence(store: Store) -> int:
    for incident in store.list_incidents():
        mentions = store.mentions_of(incident.id or 0)
        if any(m.victims and m.victims.spans for m in mentions):
            return incident.id or 0
    raise AssertionError("the sample corpus has evidence")


def test_the_page_highlights_each_value_in_the_report_text(
    client_as: Client, web_store: Store
) -> None:
    incident_id = an_incident_with_evidence(web_store)
    (mention, *_) = web_store.mentions_of(incident_id)
    report = web_store.get_report(mention.report_id)
    assert mention.victims is not None
    span = mention.victims.spans[0]
    page = client_as(Role.ANALYST).get(f"/incidents/{incident_id}")
    assert page.status_code == 200
    assert '<div class="report-text">' in page.text
    assert f">{html.escape(span.text, quote=False)}</mark>" in page.text
    assert 'class="victims' in page.text  # a class per field
    assert html.escape(report.publisher or "", quote=False) in page.text
    assert "quantities.v1" in page.text  # who set the value


def test_the_api_gives_each_mention_value_with_spans_that_quote_the_report(
    client_as: Client, web_store: Store
) -> None:
    incident_id = an_incident_with_evidence(web_store)
    body = client_as(Role.ANALYST).get(f"/api/v1/incidents/{incident_id}").json()
    assert body["id"] == incident_id and body["url"] == f"/incidents/{incident_id}"
    assert {f["name"] for f in body["fields"]} >= {"acts", "victims", "place", "date"}
    victims = next(f for f in body["fields"] if f["name"] == "victims")
    assert victims["producers"] == ["quantities.v1"] and victims["set_at"]
    spans = 0
    for report in body["evidence"]["reports"]:
        text = web_store.get_report(report["id"]).text
        for mention in report["mentions"]:
            for value in mention["values"]:
                for span in value["spans"]:
                    assert text[span["start"] : span["end"]] == span["text"]
                    spans += 1
    assert spans > 0
    assert body["evidence"]["history"][0]["action"] == "created"


def test_an_analysts_value_names_who_set_it_and_when(client_as: Client, web_store: Store) -> None:
    incident_id = an_incident_with_evidence(web_store)
    web_store.set_field(incident_id, "victims", VictimCount.exactly(41), actor="olga")
    body = client_as(Role.ANALYST).get(f"/api/v1/incidents/{incident_id}").json()
    victims = next(f for f in body["fields"] if f["name"] == "victims")
    assert (victims["text"], victims["fixed"], victims["set_by"]) == ("41", True, "olga")
    assert victims["producers"] == ["analyst"] and victims["set_at"]
    page = client_as(Role.ANALYST).get(f"/incidents/{incident_id}")
    assert "analyst olga" in page.text


def test_conflicting_reports_are_shown_with_their_publishers(
    client_as: Client, web_store: Store
) -> None:
    by_count: dict[int, int] = {}
    for incident in web_store.list_incidents():
        if incident.victims and incident.victims.min == incident.victims.max:
            by_count.setdefault(incident.victims.min or 0, incident.id or 0)
    keep, other = list(by_count.values())[:2]
    web_store.merge(keep, [other], actor="olga")
    publishers = {
        web_store.get_report(r).publisher for r in web_store.get_incident(keep).report_ids
    }
    assert len(publishers) == 2, "two outlets that disagree"
    body = client_as(Role.ANALYST).get(f"/api/v1/incidents/{keep}").json()
    victims = next(f for f in body["fields"] if f["name"] == "victims")
    assert victims["conflict"] and "victims" in body["conflicts"]
    said = {a["text"]: a["publishers"] for a in victims["alternatives"]}
    assert sorted(said) == sorted(str(n) for n, i in by_count.items() if i in (keep, other))
    assert {p for names in said.values() for p in names} == publishers
    page = client_as(Role.ANALYST).get(f"/incidents/{keep}").text
    for text, names in said.items():
        assert html.escape(f"{text} — {', '.join(names)}", quote=False) in page
    merged = client_as(Role.ANALYST).get(f"/incidents/{other}").text
    assert f'href="/incidents/{keep}"' in merged


def test_an_unknown_incident_is_404(client_as: Client) -> None:
    analyst = client_as(Role.ANALYST)
    response = analyst.get("/api/v1/incidents/99999")
    assert response.status_code == 404
    assert response.json() == {"error": {"type": "NotFound", "message": "no incident 99999"}}
    assert analyst.get("/incidents/99999").status_code == 404


def test_a_verified_incident_says_so(client_as: Client, web_store: Store) -> None:
    incident_id = an_incident_with_evidence(web_store)
    web_store.set_status(incident_id, IncidentStatus.VERIFIED, actor="olga")
    page = client_as(Role.ANALYST).get(f"/incidents/{incident_id}").text
    assert '<span class="badge verified">verified</span>' in page
