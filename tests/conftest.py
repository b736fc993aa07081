"""Fixtures every test may use: a real SQLite database in a temporary folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from repwatch.store import Store

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "repwatch.db"


@pytest.fixture
def db_url(db_path: Path) -> str:
    return f"sqlite:///{db_path}"


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store.open(db_url) as opened:
        yield opened


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may touch the user's real database."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.delenv("REPWATCH_DATABASE_URL", raising=False)


@pytest.fixture(scope="session", autouse=True)
def _sealing_key(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """One sealing key for the whole run, never the user's own."""
    from repwatch.protect.seal import KEY_FILE_ENV

    path = tmp_path_factory.mktemp("key") / "repwatch.key"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(KEY_FILE_ENV, str(path))
        yield
