"""Settings: where the data lives and which database to use."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "repwatch"
DATABASE_URL_ENV = "REPWATCH_DATABASE_URL"
DEFAULT_MAX_BYTES = 5 * 1024 * 1024


def data_dir() -> Path:
    """The user's data folder for repwatch (created on demand by the store)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def sqlite_url(path: Path | str) -> str:
    return f"sqlite:///{Path(path).expanduser().resolve()}"


def database_url(db: str | None = None) -> str:
    """The database to use: ``--db`` (a path or a URL), else the environment, else the default.

    A bare path is taken as a SQLite file.
    """
    chosen = db or os.environ.get(DATABASE_URL_ENV)
    if not chosen:
        return sqlite_url(data_dir() / "repwatch.db")
    if "://" in chosen:
        return chosen
    return sqlite_url(chosen)
