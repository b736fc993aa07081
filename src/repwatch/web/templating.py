"""Rendering pages: Jinja2 with autoescaping, and what every template gets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from repwatch import __version__
from repwatch.protect.roles import Permission, allows

TEMPLATES = Path(__file__).parent / "templates"

# Autoescaping everywhere: every value from the database is text, never markup.
templates = Jinja2Templates(
    env=jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True)
)
templates.env.globals["Permission"] = Permission
templates.env.globals["version"] = __version__


def render(
    request: Request, name: str, context: dict[str, Any] | None = None, *, status_code: int = 200
) -> HTMLResponse:
    """The template ``name`` with the user, their permissions, the CSRF token and settings."""
    user = getattr(request.state, "user", None)
    values: dict[str, Any] = {
        "user": user,
        "can": (lambda permission: user is not None and allows(user.role, permission)),
        "csrf_token": getattr(request.state, "csrf_token", ""),
        "settings": request.app.state.settings,
        **(context or {}),
    }
    return templates.TemplateResponse(request, name, values, status_code=status_code)
