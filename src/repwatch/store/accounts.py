"""Accounts, log-in sessions and API tokens, as methods of the store.

A session token is 32 random bytes handed to the browser, an API token 32
random bytes handed to a program; the database keeps only their SHA-256, so a
copy of the database lets no one log in. Account changes
go into the audit log like every other change.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from repwatch.errors import InputError, NotFound
from repwatch.protect.passwords import check_password, hash_password, needs_rehash
from repwatch.protect.roles import Role
from repwatch.store import audit
from repwatch.store.tables import api_tokens, sessions, users

SESSION_LIFETIME = dt.timedelta(hours=12)
NAME_MAX = 100


@functools.cache
def _dummy_hash() -> str:
    # Verified against when a name is unknown, so that a wrong name takes as long as
    # a wrong password and the timing tells no one which names exist.
    return hash_password("not the password of anyone")


@dataclass(frozen=True)
class User:
    id: int
    name: str
    role: Role
    created_at: dt.datetime
    disabled: bool = False


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


def _aware(at: dt.datetime) -> dt.datetime:
    # SQLite hands datetimes back without their zone; they were stored as UTC.
    return at if at.tzinfo else at.replace(tzinfo=dt.UTC)


def _user(row: object) -> User:
    return User(
        id=row.id,  # type: ignore[attr-defined]
        name=row.name,  # type: ignore[attr-defined]
        role=Role(row.role),  # type: ignore[attr-defined]
        created_at=row.created_at,  # type: ignore[attr-defined]
        disabled=row.disabled_at is not None,  # type: ignore[attr-defined]
    )


def _user_row(conn: Connection, name: str) -> Any:
    row = conn.execute(select(users).where(users.c.name == name)).first()
    if row is None:
        raise NotFound(f"no user {name!r}")
    return row


def _check_name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > NAME_MAX or any(c.isspace() for c in name):
        raise InputError("user name", f"must be 1–{NAME_MAX} characters without spaces")
    return name


class Accounts:
    """Users and sessions, as methods of the store."""

    engine: Engine

    def add_user(self, name: str, password: str, role: Role, *, by: str) -> User:
        name = _check_name(name)
        password_hash = hash_password(password)
        now = _now()
        try:
            with self.engine.begin() as conn:
                result = conn.execute(
                    insert(users).values(
                        name=name, password_hash=password_hash, role=role.value, created_at=now
                    )
                )
                user_id = result.inserted_primary_key[0]  # type: ignore[index]
                audit.append(
                    conn,
                    incident_id=None,
                    action="user.add",
                    actor=by,
                    detail={"user": name, "role": role.value},
                    at=now,
                )
        except IntegrityError:
            raise InputError("user name", f"{name!r} is taken") from None
        return User(id=user_id, name=name, role=role, created_at=now)

    def get_user(self, name: str) -> User:
        with self.engine.connect() as conn:
            return _user(_user_row(conn, name))

    def list_users(self) -> list[User]:
        with self.engine.connect() as conn:
            return [_user(row) for row in conn.execute(select(users).order_by(users.c.name))]

    def set_role(self, name: str, role: Role, *, by: str) -> User:
        return self._change_user(name, {"role": role.value}, "user.role", {"role": role.value}, by)

    def set_password(self, name: str, password: str, *, by: str) -> User:
        values = {"password_hash": hash_password(password)}
        return self._change_user(name, values, "user.password", {}, by, end_sessions=True)

    def disable_user(self, name: str, *, by: str) -> User:
        values = {"disabled_at": _now()}
        return self._change_user(name, values, "user.disable", {}, by, end_sessions=True)

    def _change_user(
        self,
        name: str,
        values: Mapping[str, object],
        action: str,
        detail: Mapping[str, object],
        by: str,
        *,
        end_sessions: bool = False,
    ) -> User:
        with self.engine.begin() as conn:
            row = _user_row(conn, name)
            conn.execute(update(users).where(users.c.id == row.id).values(**values))
            if end_sessions:
                conn.execute(delete(sessions).where(sessions.c.user_id == row.id))
            audit.append(
                conn, incident_id=None, action=action, actor=by, detail={"user": name, **detail}
            )
            row = conn.execute(select(users).where(users.c.id == row.id)).one()
        return _user(row)

    def authenticate(self, name: str, password: str) -> User | None:
        """The user with this name and password, unless disabled; None otherwise."""
        with self.engine.connect() as conn:
            row = conn.execute(select(users).where(users.c.name == name.strip())).first()
        if row is None:
            check_password(_dummy_hash(), password)
            return None
        if not check_password(row.password_hash, password) or row.disabled_at is not None:
            return None
        if needs_rehash(row.password_hash):
            with self.engine.begin() as conn:
                conn.execute(
                    update(users)
                    .where(users.c.id == row.id)
                    .values(password_hash=hash_password(password))
                )
        return _user(row)

    def start_session(self, user: User, *, lifetime: dt.timedelta = SESSION_LIFETIME) -> str:
        """A new session for ``user``; returns the token for the browser's cookie."""
        token = secrets.token_urlsafe(32)
        now = _now()
        with self.engine.begin() as conn:
            # Expired sessions are swept as new ones start, so the table stays small.
            conn.execute(delete(sessions).where(sessions.c.expires_at < now))
            conn.execute(
                insert(sessions).values(
                    token_hash=_digest(token),
                    user_id=user.id,
                    created_at=now,
                    expires_at=now + lifetime,
                )
            )
        return token

    def user_for_session(self, token: str) -> User | None:
        """The user a live session token belongs to, or None."""
        if not token:
            return None
        with self.engine.connect() as conn:
            row = conn.execute(
                select(users, sessions.c.expires_at)
                .join(sessions, sessions.c.user_id == users.c.id)
                .where(sessions.c.token_hash == _digest(token))
            ).first()
        if row is None or row.disabled_at is not None or _aware(row.expires_at) <= _now():
            return None
        return _user(row)

    # --- tokens for programs ---------------------------------------------------------

    def create_token(self, name: str, label: str, *, by: str) -> str:
        """A new API token for the user ``name``; returned once, stored as a hash."""
        label = label.strip()
        if not label or len(label) > NAME_MAX:
            raise InputError("token label", f"must be 1–{NAME_MAX} characters")
        token = "rw_" + secrets.token_urlsafe(32)
        try:
            with self.engine.begin() as conn:
                user_id = _user_row(conn, name).id
                conn.execute(
                    insert(api_tokens).values(
                        token_hash=_digest(token), user_id=user_id, label=label, created_at=_now()
                    )
                )
                audit.append(
                    conn,
                    incident_id=None,
                    action="token.add",
                    actor=by,
                    detail={"user": name, "label": label},
                )
        except IntegrityError:
            raise InputError("token label", f"{name!r} already has a token {label!r}") from None
        return token

    def list_tokens(self, name: str) -> list[tuple[str, dt.datetime, bool]]:
        """(label, created, revoked) of each of a user's tokens."""
        with self.engine.connect() as conn:
            user_id = _user_row(conn, name).id
            rows = conn.execute(
                select(api_tokens.c.label, api_tokens.c.created_at, api_tokens.c.revoked_at)
                .where(api_tokens.c.user_id == user_id)
                .order_by(api_tokens.c.created_at)
            ).all()
        return [(r.label, r.created_at, r.revoked_at is not None) for r in rows]

    def revoke_token(self, name: str, label: str, *, by: str) -> None:
        with self.engine.begin() as conn:
            user_id = _user_row(conn, name).id
            done = conn.execute(
                update(api_tokens)
                .where(
                    api_tokens.c.user_id == user_id,
                    api_tokens.c.label == label,
                    api_tokens.c.revoked_at.is_(None),
                )
                .values(revoked_at=_now())
            )
            if done.rowcount == 0:
                raise NotFound(f"no live token {label!r} of {name!r}")
            audit.append(
                conn,
                incident_id=None,
                action="token.revoke",
                actor=by,
                detail={"user": name, "label": label},
            )

    def user_for_token(self, token: str) -> User | None:
        """The user a live API token belongs to, or None."""
        if not token:
            return None
        with self.engine.connect() as conn:
            row = conn.execute(
                select(users)
                .join(api_tokens, api_tokens.c.user_id == users.c.id)
                .where(api_tokens.c.token_hash == _digest(token), api_tokens.c.revoked_at.is_(None))
            ).first()
        if row is None or row.disabled_at is not None:
            return None
        return _user(row)

    def account_history(self) -> list[audit.AuditEntry]:
        """Who added, changed or disabled which account, and when."""
        with self.engine.connect() as conn:
            return audit.account_history(conn)

    def end_session(self, token: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(sessions).where(sessions.c.token_hash == _digest(token)))
