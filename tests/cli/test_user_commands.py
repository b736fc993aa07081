"""`repwatch user …` and `repwatch serve`: accounts from the command line."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from repwatch.protect.roles import Role
from repwatch.store import Store

from .conftest import Run

PASSWORD = "a long enough secret"


def test_user_add_reads_the_password_from_stdin_and_stores_only_its_hash(
    run: Run, db_url: str
) -> None:
    result = run("user", "add", "lee", "--role", "analyst", "--password-stdin", input=PASSWORD)
    assert result.exit_code == 0, result.output
    assert "Added lee (analyst)" in result.output
    with Store.open(db_url) as store:
        assert store.authenticate("lee", PASSWORD) is not None
        assert store.get_user("lee").role is Role.ANALYST


def test_user_add_asks_twice_for_the_password(run: Run, db_url: str) -> None:
    result = run("user", "add", "kim", input=f"{PASSWORD}\n{PASSWORD}\n")
    assert result.exit_code == 0, result.output
    with Store.open(db_url) as store:
        assert store.get_user("kim").role is Role.VIEWER


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--role", "superuser"), "choose one of viewer, analyst, admin"),
        (("--role", "viewer"), "at least 10 characters"),
    ],
    ids=["unknown-role", "short-password"],
)
def test_user_add_refuses_bad_input_with_a_clear_error(
    run: Run, args: tuple[str, ...], message: str
) -> None:
    result = run("user", "add", "lee", *args, "--password-stdin", input="short")
    assert result.exit_code == 1
    assert message in result.output
    assert "short" not in result.output  # the password is never echoed


def test_user_role_password_and_disable(run: Run, db_url: str) -> None:
    run("user", "add", "lee", "--password-stdin", input=PASSWORD)
    assert run("user", "role", "lee", "admin").exit_code == 0
    assert (
        run("user", "password", "lee", "--password-stdin", input="another long secret").exit_code
        == 0
    )
    assert run("user", "disable", "lee").exit_code == 0
    listing = run("user", "list")
    assert "lee" in listing.output and "admin" in listing.output and "disabled" in listing.output
    with Store.open(db_url) as store:
        assert store.authenticate("lee", "another long secret") is None  # disabled


def test_user_role_of_an_unknown_user_fails(run: Run) -> None:
    result = run("user", "role", "nobody", "admin")
    assert result.exit_code == 1
    assert "no user 'nobody'" in result.output


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_serve_listens_on_loopback_and_serves_the_log_in_page(db_path: Path) -> None:
    port = _free_port()
    repwatch = Path(sys.executable).with_name("repwatch")
    server = subprocess.Popen(
        [str(repwatch), "serve", "--db", str(db_path), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60  # a loaded CI machine starts Python slowly
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=1) as page:
                    body = page.read().decode()
                    policy = page.headers["Content-Security-Policy"]
                break
            except OSError:
                if server.poll() is not None:
                    pytest.fail(f"the server stopped: {server.communicate()[1]}")
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        assert "Log in" in body
        assert "script-src 'self'" in policy
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=10)
    assert "No accounts yet" in errors


def test_user_token_is_shown_once_and_can_be_listed_and_revoked(run: Run, db_url: str) -> None:
    run("user", "add", "lee", "--role", "analyst", "--password-stdin", input=PASSWORD)
    made = run("user", "token", "lee", "--label", "sync")
    assert made.exit_code == 0, made.output
    token = made.output.strip().splitlines()[-1]
    with Store.open(db_url) as store:
        user = store.user_for_token(token)
        assert user is not None and user.name == "lee"
    listed = run("user", "tokens", "lee")
    assert "sync" in listed.output and "live" in listed.output and token not in listed.output
    assert run("user", "revoke", "lee", "sync").exit_code == 0
    with Store.open(db_url) as store:
        assert store.user_for_token(token) is None
    again = run("user", "revoke", "lee", "sync")
    assert again.exit_code == 1 and "no live token" in again.output
