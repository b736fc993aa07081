"""End-to-end fixtures: the real server on a real database, driven by a real browser.

One session builds a SQLite database (the sample corpus ingested and extracted,
one account per role, a report carrying script payloads), starts
``repwatch serve`` on it in a subprocess, and launches Debian's chromium once;
each test gets a fresh browser context. Without chromium the tests skip, unless
REPWATCH_E2E_REQUIRED is set, when they fail.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from repwatch.extract import extract, extractor_id
from repwatch.ingest import Metadata
from repwatch.jobs import extract_into, ingest_into
from repwatch.model import IncidentStatus, Report
from repwatch.protect.roles import Role
from repwatch.sample import sample_reports_path
from repwatch.store import Store

CHROMIUM = Path("/usr/bin/chromium")
# The machine may have no network: chromium must not try to reach anything on its own.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
REQUIRED = "REPWATCH_E2E_REQUIRED"
PASSWORD = "correct horse battery staple"
ACCOUNTS = {"vera": Role.VIEWER, "ana": Role.ANALYST, "adam": Role.ADMIN}
NAME_OF = {role: name for name, role in ACCOUNTS.items()}
TIMEOUT_MS = 15_000  # generous for a loaded machine; a page that does not come is a failure

SCRIPT_PAYLOAD = "<script>window.__xss=1</script>"
ATTRIBUTE_PAYLOAD = '"><img src=x onerror="window.__xss=2">'
HOSTILE_TEXT = (
    "On 3 March 2019 Chinese police arrested four North Korean defectors in Dandong "
    f"and repatriated them to North Korea. {SCRIPT_PAYLOAD} {ATTRIBUTE_PAYLOAD}"
)
HOSTILE_TITLE = f"Four returned {SCRIPT_PAYLOAD} {ATTRIBUTE_PAYLOAD}"


@dataclass(frozen=True)
class Server:
    url: str  # http://127.0.0.1:PORT, no trailing slash
    database: Path
    hostile_report_id: str
    hostile_incident_id: int

    def open_store(self) -> Store:
        """The server's database, read from the test's side."""
        return Store.open(f"sqlite:///{self.database}", migrate=False)

    def status_of(self, incident_id: int) -> IncidentStatus:
        with self.open_store() as store:
            return store.get_incident(incident_id).status


@dataclass
class Tab:
    """A page in its own browser context, with what it logged, asked and requested."""

    page: Any  # playwright.sync_api.Page
    base_url: str
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list, repr=False)
    dialogs: list[str] = field(default_factory=list)
    accept_dialogs: bool = False

    def go(self, path: str) -> Any:
        """Open ``path`` on the test server; the response of the navigation."""
        return self.page.goto(self.base_url + path)

    def log_in(self, name: str, password: str = PASSWORD) -> None:
        """Log in through the form, as a person does."""
        self.go("/login")
        self.page.fill("input[name=name]", name)
        self.page.fill("input[name=password]", password)
        with self.page.expect_navigation():
            self.page.click("form[action='/login'] button[type=submit]")
        assert "/login" not in self.page.url, f"log-in as {name} failed"

    def forget_errors(self, pattern: str) -> None:
        """Drop console errors the test provoked on purpose (e.g. a 403 page)."""
        self.console_errors = [e for e in self.console_errors if not re.search(pattern, e)]

    def assert_quiet(self) -> None:
        """No console error (CSP violations are console errors) and no uncaught exception."""
        assert not self.console_errors, f"console errors: {self.console_errors}"
        assert not self.page_errors, f"uncaught errors: {self.page_errors}"


def eventually(check: Callable[[], bool], *, seconds: float = 5) -> bool:
    """Whether ``check`` comes true within ``seconds`` (the server answers asynchronously)."""
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _unavailable(reason: str) -> None:
    if os.environ.get(REQUIRED):
        pytest.fail(f"{reason}, and {REQUIRED} is set", pytrace=False)
    pytest.skip(f"{reason}: run `make browser` (set {REQUIRED}=1 to fail instead)")


def _build_database(path: Path) -> tuple[str, int]:
    """The sample corpus plus a hostile report, extracted; the hostile report's ids."""
    with Store.open(f"sqlite:///{path}") as store:
        summary = ingest_into(
            store, [str(sample_reports_path())], metadata=Metadata(), max_bytes=5_000_000
        )
        assert not summary.failed
        extract_into(store)
        hostile = Report.from_text(HOSTILE_TEXT, title=HOSTILE_TITLE, publisher="Test wire")
        store.add_report(hostile)
        incident_ids = store.save_extraction(hostile, extractor_id(), extract(hostile))
        assert incident_ids, "the hostile report tells an incident"
        for name, role in ACCOUNTS.items():
            if role is not Role.ADMIN:
                store.add_user(name, PASSWORD, role, by="test")
        # Two incidents verified from the start, so that a viewer has something to see.
        for incident in store.list_incidents()[:2]:
            assert incident.id is not None
            store.set_status(incident.id, IncidentStatus.VERIFIED, actor="test")
    return hostile.id, incident_ids[0]


def _repwatch(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "repwatch", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _wait_until_up(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"repwatch serve exited: {log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(url + "/login", timeout=1) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    pytest.fail(f"repwatch serve did not answer within 30 s: {log.read_text(errors='replace')}")


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """``repwatch serve`` on a fresh database, for the whole session."""
    folder = tmp_path_factory.mktemp("e2e")
    database = folder / "repwatch.db"
    report_id, incident_id = _build_database(database)
    port = _free_port()
    log = folder / "serve.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "repwatch", "serve", "--db", str(database), "--port", str(port)],
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    # While the server starts, the admin account through the command a person would use.
    added = _repwatch(
        "user", "add", "adam", "--role", "admin", "--password-stdin", "--db", str(database),
        stdin=PASSWORD + "\n",
    )  # fmt: skip
    if added.returncode != 0:
        process.kill()
        process.wait()
        pytest.fail(f"repwatch user add failed: {added.stdout}{added.stderr}")
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, process, log)
        yield Server(url, database, report_id, incident_id)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's chromium, once per session; never a downloaded one."""
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def tab(browser: Any, server: Server) -> Iterator[Tab]:
    """A page in a fresh context (no cookies) that records what happens in it."""
    context = browser.new_context()
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    opened = Tab(page, server.url)

    def on_console(message: Any) -> None:
        if message.type == "error":
            where = message.location.get("url") or page.url
            opened.console_errors.append(f"{where}: {message.text}")

    def on_dialog(dialog: Any) -> None:
        opened.dialogs.append(f"{dialog.type}: {dialog.message}")
        if opened.accept_dialogs:
            dialog.accept()
        else:
            dialog.dismiss()

    page.on("console", on_console)
    page.on("pageerror", lambda error: opened.page_errors.append(f"{page.url}: {error}"))
    page.on("request", lambda request: opened.requests.append(request.url))
    page.on("dialog", on_dialog)
    yield opened
    context.close()
