"""An analyst logs in, narrows the incidents list, reads one with its evidence and verifies it."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from repwatch.model import Act, IncidentStatus
from repwatch.store import IncidentQuery

from .conftest import Server, Tab, eventually

PLACE = "Yanji"  # several sample incidents happened there, most elsewhere
ACT = Act.DETENTION


def _listed_ids(tab: Tab) -> set[int]:
    hrefs = tab.page.locator("tbody tr a[href^='/incidents/']").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )
    return {int(m.group(1)) for href in hrefs if (m := re.match(r"/incidents/(\d+)\b", href))}


def _fill(tab: Tab, name: str, value: str) -> None:
    field = tab.page.locator(f"form [name={name}]").first
    if field.evaluate("element => element.tagName") == "SELECT":
        field.select_option(value)
    else:
        field.fill(value)


def test_analyst_filters_opens_an_incident_sees_evidence_and_verifies_it(
    tab: Tab, server: Server
) -> None:
    with server.open_store() as store:
        matching = store.list_incidents(IncidentQuery(place=PLACE, act=ACT))
    chosen = next(i for i in matching if i.status is IncidentStatus.PROPOSED)
    page = tab.page
    tab.log_in("ana")

    tab.go("/incidents")
    rows = page.locator("table tbody tr")
    expect(rows.first).to_be_visible()
    everything = _listed_ids(tab)
    assert chosen.id in everything

    _fill(tab, "place", PLACE)
    _fill(tab, "act", ACT.value)
    page.locator("form:has([name=place]) [type=submit]").first.click()
    expect(rows).not_to_have_count(len(everything))  # the table narrows, by page or by htmx
    page.wait_for_load_state("networkidle")
    narrowed = _listed_ids(tab)
    assert narrowed, "the filter leaves the incidents at the place"
    assert narrowed < everything
    assert narrowed <= {i.id for i in matching}
    assert chosen.id in narrowed

    page.locator(f"tbody tr a[href='/incidents/{chosen.id}']").first.click()
    page.wait_for_url(re.compile(rf"/incidents/{chosen.id}\b"))
    marks = page.locator("main mark")
    expect(marks.first).to_be_visible()
    marked = " ".join(marks.all_inner_texts())
    assert PLACE in marked, "the place is highlighted where the report names it"

    tab.accept_dialogs = True  # the verify button may ask for confirmation first
    verify = page.locator(
        f"form[action='/incidents/{chosen.id}/verify'] [type=submit], "
        f"[hx-post='/incidents/{chosen.id}/verify']"
    ).first
    verify.click()
    expect(page.locator("main")).to_contain_text(re.compile(r"\bverified\b", re.I))
    assert eventually(lambda: server.status_of(chosen.id) is IncidentStatus.VERIFIED)
    tab.assert_quiet()
