"""Security headers on every response, and CSRF protection on every change.

CSRF uses a double-submit token: each browser gets a random token in an
HttpOnly, SameSite=Strict cookie, and every POST, PUT, PATCH or DELETE must
carry the same token in the form field ``csrf_token`` or the header
``X-CSRF-Token`` (htmx sends the header, set once on <body>). Programs that
send an API token as ``Authorization: Bearer`` need none.
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable

from fastapi import Request, Response

from repwatch.errors import AccessDenied
from repwatch.web.settings import WebSettings

CSRF_COOKIE = "repwatch_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def content_security_policy(settings: WebSettings) -> str:
    images = "'self' data:"
    if settings.tile_origin:
        images += f" {settings.tile_origin}"
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            f"img-src {images}",
            "connect-src 'self'",
            "object-src 'none'",
            "frame-ancestors 'none'",
            "base-uri 'none'",
            "form-action 'self'",
        ]
    )


def new_csrf_token() -> str:
    return secrets.token_urlsafe(32)


def install_headers(settings: WebSettings) -> Callable[..., Awaitable[Response]]:
    """The middleware: hands each request its CSRF token, stamps each response."""
    policy = content_security_policy(settings)

    async def middleware(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        token = request.cookies.get(CSRF_COOKIE)
        fresh = not token
        request.state.csrf_token = token or new_csrf_token()
        response = await call_next(request)
        if fresh or getattr(request.state, "rotate_csrf", False):
            set_csrf_cookie(response, request.state.csrf_token, settings)
        headers = response.headers
        headers["Content-Security-Policy"] = policy
        headers["X-Content-Type-Options"] = "nosniff"
        headers["X-Frame-Options"] = "DENY"
        headers["Referrer-Policy"] = "no-referrer"
        headers["Cross-Origin-Opener-Policy"] = "same-origin"
        if not request.url.path.startswith("/static/"):
            # Pages may hold sensitive fields: no copy in shared or browser caches.
            headers.setdefault("Cache-Control", "no-store")
        return response

    return middleware


def set_csrf_cookie(response: Response, token: str, settings: WebSettings) -> None:
    response.set_cookie(
        CSRF_COOKIE,
        token,
        httponly=True,
        samesite="strict",
        secure=settings.secure_cookies,
        path="/",
    )


async def check_csrf(request: Request) -> None:
    """Refuse a state-changing request that does not carry the browser's token."""
    if request.method in SAFE_METHODS:
        return
    if request.headers.get("authorization", "").lower().startswith("bearer "):
        # A token in a header is sent by a program, never added by a browser to a
        # forged cross-site request; the cookies are not looked at for it.
        return
    expected = request.cookies.get(CSRF_COOKIE)
    given = request.headers.get(CSRF_HEADER)
    if given is None and _is_form(request):
        value = (await request.form()).get(CSRF_FIELD)
        given = value if isinstance(value, str) else None
    if not expected or not given or not secrets.compare_digest(expected, given):
        raise AccessDenied("the form has expired or did not come from this site; reload the page")


def _is_form(request: Request) -> bool:
    kind = request.headers.get("content-type", "")
    return kind.startswith(("application/x-www-form-urlencoded", "multipart/form-data"))
