"""The web application: map, timeline, evidence and review in the browser."""

from repwatch.web.app import create_app
from repwatch.web.settings import WebSettings

__all__ = ["WebSettings", "create_app"]
