"""What the web application is told when it starts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlsplit

from repwatch.errors import ConfigError
from repwatch.store.accounts import SESSION_LIFETIME


@dataclass(frozen=True, kw_only=True)
class WebSettings:
    # Online map tiles are used only when a URL is configured; the map is drawn
    # from the shipped base layer otherwise, so the app works without a network.
    tile_url: str | None = None
    tile_attribution: str = ""
    page_size: int = 50
    secure_cookies: bool = False  # set when served over HTTPS
    session_lifetime: dt.timedelta = SESSION_LIFETIME

    def __post_init__(self) -> None:
        if self.tile_url is not None:
            parts = urlsplit(self.tile_url)
            if parts.scheme not in ("http", "https") or not parts.netloc:
                raise ConfigError(
                    f"tile URL {self.tile_url!r} is not an http(s) URL; give one like "
                    "https://tile.example.org/{z}/{x}/{y}.png"
                )
            if not all(part in self.tile_url for part in ("{z}", "{x}", "{y}")):
                raise ConfigError(f"tile URL {self.tile_url!r} lacks {{z}}, {{x}} or {{y}}")
        if not 1 <= self.page_size <= 500:
            raise ConfigError(f"page size {self.page_size} is not between 1 and 500")

    @property
    def tile_origin(self) -> str | None:
        """The scheme and host of the tile server, for the Content-Security-Policy."""
        if self.tile_url is None:
            return None
        parts = urlsplit(self.tile_url)
        return f"{parts.scheme}://{parts.netloc}".replace("{s}", "*")
