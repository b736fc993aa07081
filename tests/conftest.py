"""Fixtures every test may use: a real SQLite database in a temporary folder, and a
real PostgreSQL server for the tests that need one.

The server is started from the machine's own binaries in a temporary folder and
stopped at the end. Without PostgreSQL those tests are skipped, unless
REPWATCH_PG_REQUIRED=1 (as continuous integration sets it) makes its absence a
failure.
"""

from __future__ import annotations

import glob
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
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


@pytest.fixture(scope="session")
def postgres_base_url() -> Iterator[str]:
    """A real PostgreSQL server for this run."""
    # Not under pytest's own temporary folder: that one is closed to the server's user.
    folder = Path(tempfile.mkdtemp(prefix="repwatch-pg-"))
    try:
        with postgres_server(folder) as url:
            yield url
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_base_url: str, request: pytest.FixtureRequest) -> str:
    """A fresh, empty PostgreSQL database for one test."""
    name = "t_" + re.sub(r"\W", "_", request.node.name.lower())[:50] + f"_{id(request) % 10000}"
    return create_database(postgres_base_url, name)


# --- PostgreSQL ------------------------------------------------------------------

REQUIRED_ENV = "REPWATCH_PG_REQUIRED"


def _binaries() -> Path | None:
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(versions[-1]).parent if versions else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_server_user(command: list[str]) -> list[str]:
    # PostgreSQL refuses to run as root; a test run as root starts it as nobody.
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "nobody", "--", *command]


@contextmanager
def postgres_server(folder: Path) -> Iterator[str]:
    """A running server with its data in ``folder``; yields its base URL."""
    binaries = _binaries()
    if binaries is None:
        message = "PostgreSQL (initdb, pg_ctl) is not installed"
        if os.environ.get(REQUIRED_ENV) == "1":
            pytest.fail(message)
        pytest.skip(message)
    if os.geteuid() == 0:
        nobody = pwd.getpwnam("nobody")
        os.chown(folder, nobody.pw_uid, nobody.pw_gid)
    data, port = folder / "data", _free_port()

    def run(*args: str) -> None:
        subprocess.run(_as_server_user(list(args)), check=True, capture_output=True, timeout=120)

    run(str(binaries / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8")
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
    run(
        str(binaries / "pg_ctl"),
        "-D",
        str(data),
        "-o",
        options,
        "-l",
        str(folder / "log"),
        "-w",
        "start",
    )
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}"
    finally:
        run(str(binaries / "pg_ctl"), "-D", str(data), "-m", "fast", "stop")


def create_database(base_url: str, name: str) -> str:
    """A new empty database on the server; returns its URL."""
    import psycopg

    dsn = base_url.replace("postgresql+psycopg://", "postgresql://") + "/postgres"
    deadline = time.monotonic() + 10
    while True:
        try:
            with psycopg.connect(dsn, autocommit=True) as conn:
                conn.execute(f'CREATE DATABASE "{name}"')
            return f"{base_url}/{name}"
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
