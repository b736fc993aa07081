"""Log-in, log-out, and the dependencies that tell who is asking.

The session cookie carries a random token; the store keeps only its hash.
Every route names the permission it needs with ``require(...)``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from repwatch.errors import RepwatchError
from repwatch.protect.roles import Permission
from repwatch.protect.roles import require as require_role
from repwatch.store import Store, User
from repwatch.web.security import new_csrf_token
from repwatch.web.settings import WebSettings
from repwatch.web.templating import render
from repwatch.web.throttle import LoginThrottle

SESSION_COOKIE = "repwatch_session"

router = APIRouter(include_in_schema=False)


class LoginRequired(RepwatchError):
    """No live session: pages send the browser to log in, the API answers 401."""


class TooManyAttempts(RepwatchError):
    """Log-in refused for a while after repeated failures (429)."""


def store_of(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def settings_of(request: Request) -> WebSettings:
    settings: WebSettings = request.app.state.settings
    return settings


# Declared so that the OpenAPI document tells programs how to authenticate.
bearer = HTTPBearer(auto_error=False, description="An API token from `repwatch user token`.")


def current_user(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)] = None,
) -> User:
    # A program's token, when one is sent, is the only credential looked at.
    if credentials is not None:
        user = store_of(request).user_for_token(credentials.credentials)
        if user is None:
            raise LoginRequired("the API token is unknown, revoked, or its account disabled")
    else:
        user = store_of(request).user_for_session(request.cookies.get(SESSION_COOKIE, ""))
        if user is None:
            raise LoginRequired("log in to continue")
    request.state.user = user
    return user


def require(permission: Permission) -> Callable[[User], User]:
    """A dependency: the current user, if their role holds ``permission``."""

    def dependency(user: Annotated[User, Depends(current_user)]) -> User:
        require_role(user.role, permission)
        return user

    return dependency


def safe_next(target: str | None) -> str:
    """Only a path on this site: a log-in link must not send anyone elsewhere."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def login_url(request: Request) -> str:
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return "/login?next=" + quote(here, safe="")


@router.get("/login")
def login_page(request: Request, next: str = "/") -> Response:
    return render(request, "login.html", {"next": safe_next(next), "failed": False})


@router.post("/login")
def log_in(
    request: Request,
    name: Annotated[str, Form(max_length=100)],
    password: Annotated[str, Form(max_length=1000)],
    next: Annotated[str, Form()] = "/",
) -> Response:
    store = store_of(request)
    throttle: LoginThrottle = request.app.state.login_throttle
    # Both the name and the address are counted, so that neither one guesser
    # trying many names nor many guessers trying one name get far.
    keys = (f"name:{name.strip().lower()}", f"addr:{request.client.host if request.client else ''}")
    wait = throttle.blocked_for(*keys)
    if wait:
        minutes = max(1, round(wait / 60))
        raise TooManyAttempts(f"too many failed log-ins; try again in {minutes} min")
    user = store.authenticate(name, password)
    if user is None:
        throttle.failed(*keys)
        context = {"next": safe_next(next), "failed": True, "name": name}
        return render(request, "login.html", context, status_code=401)
    throttle.succeeded(keys[0])
    settings = settings_of(request)
    token = store.start_session(user, lifetime=settings.session_lifetime)
    response = RedirectResponse(safe_next(next), status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=int(settings.session_lifetime.total_seconds()),
        httponly=True,
        samesite="lax",
        secure=settings.secure_cookies,
        path="/",
    )
    # A new session gets a new CSRF token, so that one planted before log-in is useless.
    request.state.csrf_token = new_csrf_token()
    request.state.rotate_csrf = True
    return response


@router.post("/logout")
def log_out(request: Request) -> Response:
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        store_of(request).end_session(token)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
