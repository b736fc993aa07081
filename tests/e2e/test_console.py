"""Every page loads without console errors: the Content-Security-Policy holds."""

from __future__ import annotations

from .conftest import Server, Tab


def test_every_page_loads_without_console_errors(tab: Tab, server: Server) -> None:
    with server.open_store() as store:
        incident_id = store.list_incidents()[0].id
    tab.log_in("adam")
    pages = [
        "/",
        "/incidents",
        f"/incidents/{incident_id}",
        "/reports",
        f"/reports/{server.hostile_report_id}",
        "/review",
        "/ingest",
        "/users",
    ]
    for path in pages:
        response = tab.go(path)
        assert response.status == 200, path
        tab.page.wait_for_load_state("networkidle")
    tab.assert_quiet()
    tab.go("/login")  # the log-in page, once logged out
    tab.page.context.clear_cookies()
    tab.go("/login")
    tab.page.wait_for_load_state("networkidle")
    tab.assert_quiet()
