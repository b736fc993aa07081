"""The overview draws its map from the shipped base layer, without leaving this machine."""

from __future__ import annotations

from playwright.sync_api import expect

from .conftest import Server, Tab


def test_overview_map_draws_markers_without_any_request_leaving_the_server(
    tab: Tab, server: Server
) -> None:
    page = tab.page
    tab.log_in("ana")
    tab.go("/")
    drawn = page.locator("[data-map][data-markers-drawn]")
    expect(drawn).to_have_count(1)
    assert int(drawn.get_attribute("data-markers-drawn") or "0") > 0
    assert page.locator("[data-map][data-map-error]").count() == 0
    expect(
        page.locator("[data-map] :is(.leaflet-marker-icon, .leaflet-interactive)").first
    ).to_be_attached()
    page.wait_for_load_state("networkidle")
    elsewhere = [
        url for url in tab.requests
        if not (url.startswith(server.url + "/") or url.startswith("data:"))
    ]  # fmt: skip
    assert not elsewhere, f"requests that left the test server: {elsewhere}"
    assert any("/static/basemap/" in url for url in tab.requests), "the offline base layer"
    tab.assert_quiet()
