"""The FastAPI application: pages for people, /api/v1 for programs."""

from __future__ import annotations

from pathlib import Path

from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles

from repwatch import __version__
from repwatch.store import Store
from repwatch.web import auth, errors
from repwatch.web.routes import incidents, ingest, overview, reports, review, users
from repwatch.web.security import check_csrf, install_headers
from repwatch.web.settings import WebSettings
from repwatch.web.throttle import LoginThrottle

STATIC = Path(__file__).parent / "static"


def create_app(store: Store, *, settings: WebSettings | None = None) -> FastAPI:
    """The app serving ``store``; the caller keeps the store open while it runs."""
    settings = settings or WebSettings()
    app = FastAPI(
        title="repwatch",
        version=__version__,
        description="Incidents of North Koreans arrested in China and forcibly returned, "
        "with the evidence for every value.",
        openapi_url="/api/v1/openapi.json",
        # The interactive docs load scripts from a CDN: off, as the app works offline.
        docs_url=None,
        redoc_url=None,
        dependencies=[Depends(check_csrf)],
    )
    app.state.store = store
    app.state.settings = settings
    app.state.login_throttle = LoginThrottle()
    errors.install(app)
    # Added last, so outermost: every answer carries the headers, errors included.
    app.middleware("http")(install_headers(settings))
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for module in (auth, overview, incidents, reports, review, ingest, users):
        app.include_router(module.router)
    return app
