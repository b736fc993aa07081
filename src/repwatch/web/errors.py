"""The one place where errors become responses.

Under /api/ every error has one JSON shape,
``{"error": {"type": "NotFound", "message": "no incident 7"}}``; pages get an
error page, and a browser without a session is sent to log in.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException

from repwatch.errors import (
    AccessDenied,
    ConfigError,
    InputError,
    NotFound,
    RepwatchError,
    StoreError,
)
from repwatch.web.auth import LoginRequired, TooManyAttempts, login_url
from repwatch.web.templating import render

log = logging.getLogger("repwatch.web")

STATUS: dict[type[RepwatchError], int] = {
    LoginRequired: 401,
    TooManyAttempts: 429,
    AccessDenied: 403,
    NotFound: 404,
    InputError: 400,
    ConfigError: 500,
    StoreError: 503,
}


def is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def error_response(request: Request, status: int, kind: str, message: str) -> Response:
    if is_api(request):
        return JSONResponse({"error": {"type": kind, "message": message}}, status_code=status)
    context = {"status": status, "kind": kind, "message": message}
    return render(request, "error.html", context, status_code=status)


async def on_repwatch_error(request: Request, exc: Exception) -> Response:
    if isinstance(exc, LoginRequired) and not is_api(request):
        return RedirectResponse(login_url(request), status_code=303)
    status = next((code for kind, code in STATUS.items() if isinstance(exc, kind)), 500)
    response = error_response(request, status, type(exc).__name__, str(exc))
    if isinstance(exc, LoginRequired):
        response.headers["WWW-Authenticate"] = 'Bearer realm="repwatch"'
    return response


async def on_validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    problems = "; ".join(
        f"{'.'.join(str(part) for part in error['loc'][1:]) or 'request'}: {error['msg']}"
        for error in exc.errors()
    )
    return error_response(request, 422, "InputError", problems)


async def on_http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    message = "no such page" if exc.status_code == 404 else str(exc.detail)
    kind = "NotFound" if exc.status_code == 404 else "HTTPError"
    response = error_response(request, exc.status_code, kind, message)
    if exc.headers:
        response.headers.update(exc.headers)
    return response


async def contain_unexpected(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    """A defect answers 500 in the one error shape and is logged by its type and
    place only: an exception's message may quote a sensitive value."""
    try:
        return await call_next(request)
    except Exception as exc:
        frames = traceback.extract_tb(exc.__traceback__)[-4:]
        where = "; ".join(f"{f.filename}:{f.lineno} in {f.name}" for f in frames)
        log.error("%s in %s %s at %s", type(exc).__name__, request.method, request.url.path, where)
        message = "an unexpected error; it has been logged without its details"
        return error_response(request, 500, "InternalError", message)


def install(app: FastAPI) -> None:
    app.middleware("http")(contain_unexpected)
    app.add_exception_handler(RepwatchError, on_repwatch_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(HTTPException, on_http_error)
