"""A report holding script and attribute-breaking payloads is shown as text, never run."""

from __future__ import annotations

from playwright.sync_api import expect

from .conftest import ATTRIBUTE_PAYLOAD, SCRIPT_PAYLOAD, Server, Tab


def _assert_shown_as_text_and_inert(tab: Tab, path: str) -> None:
    page = tab.page
    response = tab.go(path)
    assert response.status == 200, path
    page.wait_for_load_state("networkidle")
    main = page.locator("main")
    # The literal tags are visible text: neither a <script> element nor an <img> was made.
    expect(main).to_contain_text(SCRIPT_PAYLOAD, use_inner_text=True)
    expect(main).to_contain_text(ATTRIBUTE_PAYLOAD, use_inner_text=True)
    assert page.evaluate("() => typeof window.__xss") == "undefined", path
    assert page.locator("img[src='x']").count() == 0, path
    assert not tab.dialogs, f"a dialog opened on {path}: {tab.dialogs}"


def test_script_payloads_in_a_report_render_as_visible_text(tab: Tab, server: Server) -> None:
    tab.log_in("ana")
    for path in (
        f"/reports/{server.hostile_report_id}",
        f"/incidents/{server.hostile_incident_id}",
        "/reports",  # the title in the list
    ):
        _assert_shown_as_text_and_inert(tab, path)
    tab.assert_quiet()  # a blocked inline handler would show here as a CSP violation
