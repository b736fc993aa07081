"""Who may see and do what.

Three roles, each holding the permissions of the one before it: a viewer reads
verified incidents without sensitive fields; an analyst reads everything,
reviews, edits and ingests; an admin also manages accounts.
"""

from __future__ import annotations

from enum import StrEnum

from repwatch.errors import AccessDenied, InputError


class Role(StrEnum):
    VIEWER = "viewer"
    ANALYST = "analyst"
    ADMIN = "admin"


class Permission(StrEnum):
    VIEW_VERIFIED = "view verified incidents"
    VIEW_ALL = "view proposed and rejected incidents"
    VIEW_SENSITIVE = "view report texts, evidence, victim descriptors and sources"
    REVIEW = "review and edit incidents"
    INGEST = "ingest reports"
    MANAGE_USERS = "manage accounts"


_GRANTS: dict[Role, frozenset[Permission]] = {
    Role.VIEWER: frozenset({Permission.VIEW_VERIFIED}),
}
_GRANTS[Role.ANALYST] = _GRANTS[Role.VIEWER] | {
    Permission.VIEW_ALL,
    Permission.VIEW_SENSITIVE,
    Permission.REVIEW,
    Permission.INGEST,
}
_GRANTS[Role.ADMIN] = _GRANTS[Role.ANALYST] | {Permission.MANAGE_USERS}


def allows(role: Role, permission: Permission) -> bool:
    return permission in _GRANTS[role]


def require(role: Role, permission: Permission) -> None:
    """Raise AccessDenied unless ``role`` holds ``permission``."""
    if not allows(role, permission):
        raise AccessDenied(f"the {role} role may not {permission}")


def parse_role(value: str) -> Role:
    try:
        return Role(value.strip().lower())
    except ValueError:
        choices = ", ".join(r.value for r in Role)
        raise InputError("role", f"{value!r} is not a role; choose one of {choices}") from None
