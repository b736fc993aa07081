from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from repwatch.cli import app

Run = Callable[..., Result]


@pytest.fixture
def run(db_path: Path) -> Run:
    """Run a repwatch command against the test database, as a user would type it."""
    runner = CliRunner()

    def invoke(*args: str, input: str | bytes | None = None, db: bool = True) -> Result:
        argv = [*args, "--db", str(db_path)] if db else list(args)
        return runner.invoke(app, argv, input=input, catch_exceptions=False)

    return invoke
