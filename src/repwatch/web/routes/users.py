"""Accounts, for admins: list, add, change role, disable."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel

from repwatch.protect.roles import Permission, parse_role
from repwatch.store import User
from repwatch.web.auth import require, store_of
from repwatch.web.templating import render

router = APIRouter()

Admin = Annotated[User, Depends(require(Permission.MANAGE_USERS))]


class UserOut(BaseModel):
    name: str
    role: str
    disabled: bool


def _out(user: User) -> UserOut:
    return UserOut(name=user.name, role=user.role.value, disabled=user.disabled)


@router.get("/users", include_in_schema=False)
def users_page(request: Request, admin: Admin) -> Response:
    return render(request, "users.html", {"users": store_of(request).list_users()})


@router.post("/users", include_in_schema=False)
def add_user(
    request: Request,
    admin: Admin,
    name: Annotated[str, Form(max_length=100)],
    password: Annotated[str, Form(max_length=1000)],
    role: Annotated[str, Form()],
) -> Response:
    store_of(request).add_user(name, password, parse_role(role), by=admin.name)
    return RedirectResponse("/users", status_code=303)


@router.post("/users/{name}/role", include_in_schema=False)
def change_role(
    request: Request, admin: Admin, name: str, role: Annotated[str, Form()]
) -> Response:
    store_of(request).set_role(name, parse_role(role), by=admin.name)
    return RedirectResponse("/users", status_code=303)


@router.post("/users/{name}/disable", include_in_schema=False)
def disable(request: Request, admin: Admin, name: str) -> Response:
    store_of(request).disable_user(name, by=admin.name)
    return RedirectResponse("/users", status_code=303)


@router.get("/api/v1/users", response_model=list[UserOut], tags=["users"])
def list_users(request: Request, admin: Admin) -> list[UserOut]:
    return [_out(user) for user in store_of(request).list_users()]


@router.get("/api/v1/me", response_model=UserOut, tags=["users"])
def me(
    request: Request, user: Annotated[User, Depends(require(Permission.VIEW_VERIFIED))]
) -> UserOut:
    return _out(user)
