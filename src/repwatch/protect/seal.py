"""Sealing sensitive fields with AES-GCM under a key kept outside the database.

Victim descriptors and source descriptions are stored sealed, so that the
database file alone leaks none of them. The key is a file of its own
(``$REPWATCH_KEY_FILE``, else ``repwatch.key`` in the data folder), made on
first use, readable by its owner only. Losing it loses the sealed fields, not
the record: back it up apart from the database.
"""

from __future__ import annotations

import base64
import binascii
import functools
import os
import secrets
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from repwatch import config
from repwatch.errors import ConfigError

KEY_FILE_ENV = "REPWATCH_KEY_FILE"
VERSION = "v1:"
NONCE_BYTES = 12


class Unsealable(ConfigError):
    """A sealed value that this key cannot open: another key, or altered data."""


class Sealer:
    """Seals and opens byte strings bound to a context (the record they belong to)."""

    def __init__(self, key: bytes) -> None:
        if len(key) != 32:
            raise ConfigError("a sealing key must be 32 bytes long")
        self._aead = AESGCM(key)

    def seal(self, data: bytes, *, context: str) -> str:
        nonce = secrets.token_bytes(NONCE_BYTES)
        sealed = self._aead.encrypt(nonce, data, context.encode("utf-8"))
        return VERSION + base64.b64encode(nonce + sealed).decode("ascii")

    def open(self, token: str, *, context: str) -> bytes:
        # The context is authenticated: a sealed value copied onto another record fails.
        if not token.startswith(VERSION):
            raise Unsealable("a sealed value in an unknown format")
        try:
            raw = base64.b64decode(token[len(VERSION) :], validate=True)
            return self._aead.decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], context.encode())
        except (InvalidTag, binascii.Error, ValueError):
            raise Unsealable(
                "a sealed field cannot be opened with this key; "
                f"is ${KEY_FILE_ENV} the key this database was written with?"
            ) from None


def key_path() -> Path:
    chosen = os.environ.get(KEY_FILE_ENV)
    return Path(chosen).expanduser() if chosen else config.data_dir() / "repwatch.key"


def load_or_create_key(path: Path) -> bytes:
    """The key in ``path``, made (owner-only) if the file does not exist yet."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        key = AESGCM.generate_key(bit_length=256)
        try:
            # O_EXCL: two processes starting at once must not write two keys.
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w", encoding="ascii") as file:
                file.write(base64.b64encode(key).decode("ascii") + "\n")
            return key
    try:
        key = base64.b64decode(path.read_text(encoding="ascii").strip(), validate=True)
    except (OSError, UnicodeDecodeError, binascii.Error) as exc:
        raise ConfigError(f"{path}: cannot read the sealing key ({exc})") from exc
    if len(key) != 32:
        raise ConfigError(f"{path}: not a sealing key (expected 32 bytes, base64)")
    return key


@functools.cache
def _sealer_for(path: Path) -> Sealer:
    return Sealer(load_or_create_key(path))


def default_sealer() -> Sealer:
    """The sealer of this installation's key (see the module docstring)."""
    # Looked up for every sealed field read or written: no filesystem work here
    # beyond the first time.
    return _sealer_for(key_path())
