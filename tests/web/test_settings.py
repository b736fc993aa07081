"""What the app is told at start: tile URLs are checked and reach the policy."""

from __future__ import annotations

import pytest

from repwatch.errors import ConfigError
from repwatch.web import WebSettings
from repwatch.web.security import content_security_policy


@pytest.mark.parametrize(
    "url",
    ["tiles.example.org/{z}/{x}/{y}.png", "javascript:alert(1)//{z}{x}{y}", "https://t.org/a.png"],
    ids=["no-scheme", "javascript", "no-placeholders"],
)
def test_a_tile_url_that_cannot_serve_tiles_is_refused(url: str) -> None:
    with pytest.raises(ConfigError, match="tile URL"):
        WebSettings(tile_url=url)


def test_images_come_only_from_the_site_unless_a_tile_server_is_configured() -> None:
    offline = content_security_policy(WebSettings())
    assert "img-src 'self' data:;" in offline
    online = content_security_policy(
        WebSettings(tile_url="https://{s}.tiles.example.org/{z}/{x}/{y}.png")
    )
    assert "img-src 'self' data: https://*.tiles.example.org;" in online
    assert "connect-src 'self'" in online  # the tiles are images, nothing more
