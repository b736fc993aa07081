"""A viewer reaches neither analyst pages nor sensitive fields."""

from __future__ import annotations

import re

from repwatch.model import IncidentStatus
from repwatch.store import IncidentQuery

from .conftest import Server, Tab


def _listed_ids(tab: Tab) -> set[int]:
    hrefs = tab.page.locator("tbody tr a[href^='/incidents/']").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )
    return {int(m.group(1)) for href in hrefs if (m := re.match(r"/incidents/(\d+)\b", href))}


def _sensitive_texts(server: Server, incident_id: int) -> list[str]:
    """Sentences of the backing reports, victim descriptors and source attributions
    (those not also in a report's title, which a viewer may see)."""
    found: list[str] = []
    with server.open_store() as store:
        incident = store.get_incident(incident_id)
        titles = " ".join(store.get_report(r).title or "" for r in incident.report_ids).lower()
        for report_id in incident.report_ids:
            text = store.get_report(report_id).text
            found += [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.strip()) > 40]
        for mention in store.mentions_of(incident_id):
            if mention.victim_group:
                found.append(mention.victim_group.value)
            found += [source.value for source in mention.sources]
    return [t for t in found if len(t) > 8 and t.lower() not in titles]


def test_viewer_is_refused_analyst_pages(tab: Tab) -> None:
    tab.log_in("vera")
    for path in ("/reports", "/review", "/ingest", "/users"):
        response = tab.go(path)
        assert response.status == 403, path
        assert "text/html" in response.headers["content-type"]
    # The browser logs each refused page as a failed load: expected here.
    tab.forget_errors(r"status of 403")
    tab.assert_quiet()


def test_viewer_lists_only_verified_incidents_and_reads_no_evidence(
    tab: Tab, server: Server
) -> None:
    with server.open_store() as store:
        verified = {
            i.id for i in store.list_incidents(IncidentQuery(status=IncidentStatus.VERIFIED))
        }
        unverified = next(
            i.id for i in store.list_incidents() if i.status is not IncidentStatus.VERIFIED
        )
    assert verified, "the database holds verified incidents"
    page = tab.page
    tab.log_in("vera")

    tab.go("/incidents")
    page.locator("table tbody tr").first.wait_for()
    assert _listed_ids(tab) == verified

    shown = min(verified)
    response = tab.go(f"/incidents/{shown}")
    assert response.status == 200
    page.wait_for_load_state("networkidle")
    assert page.locator("mark").count() == 0
    seen = " ".join(page.locator("body").inner_text().split())
    leaked = [t for t in _sensitive_texts(server, shown) if " ".join(t.split()) in seen]
    assert not leaked, f"a viewer sees sensitive text: {leaked}"

    response = tab.go(f"/incidents/{unverified}")
    assert response.status in (403, 404)
    tab.forget_errors(r"status of 40[34]")
    tab.assert_quiet()
