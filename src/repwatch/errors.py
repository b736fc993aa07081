"""The one exception tree of repwatch.

    RepwatchError
    ├── InputError          a file, line or value a user gave cannot be used
    ├── ConfigError         a setting is missing or wrong
    ├── StoreError          the database cannot be opened, migrated or written
    ├── NotFound            an id names nothing stored
    └── AccessDenied        the role may not see or do this

Library code raises these, translating third-party errors in one place
(``raise … from exc``); the command line and the web app catch them once.
Messages name the file or value and the reason, never a sensitive value.
"""

from __future__ import annotations


class RepwatchError(Exception):
    """Base of every error repwatch raises on purpose."""


class InputError(RepwatchError):
    """Input that cannot be used: names the source (file, line) and the reason."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ConfigError(RepwatchError):
    """A setting is missing or wrong."""


class StoreError(RepwatchError):
    """The database cannot be opened, migrated or written."""


class NotFound(RepwatchError):
    """An id names nothing stored."""


class AccessDenied(RepwatchError):
    """The role may not see or do this."""
