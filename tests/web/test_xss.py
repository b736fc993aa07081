"""A report carrying script payloads, ingested through the web form, renders inert on
every page that shows it: no <script> element, event-handler attribute or injected
<img> comes from it. The pages are parsed and their element trees checked."""

from __future__ import annotations

from collections.abc import Callable
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from repwatch.protect.roles import Role
from repwatch.store import Store

ClientAs = Callable[[Role], TestClient]

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
TEXT = (
    f"Chinese police arrested five North Korean women in Dandong on March 3, 2020. {SCRIPT} "
    f"They were handed to North Korean border guards at Sinuiju a week later. {IMG} "
    "Zqxwhisk, a local pastor, said."
)
MARKDOWN = (
    f"# Upload {SCRIPT} {IMG}\n\n"
    f"Border police in Yanji detained three North Korean workers on 12 May 2019. {SCRIPT} {IMG}"
)


class Page(HTMLParser):
    """The parts of a page a payload could turn into code."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.handlers: list[tuple[str, str]] = []  # (tag, on… attribute)
        self.images: list[dict[str, str | None]] = []
        self.unsafe_links: list[str] = []
        self.text: list[str] = []
        self._script: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.handlers += [(tag, name) for name, _ in attrs if name.lower().startswith("on")]
        for name in ("href", "src", "action", "formaction"):
            if (values.get(name) or "").strip().lower().startswith(("javascript:", "data:")):
                self.unsafe_links.append(values[name] or "")
        if tag == "script":
            self._script = values
            self.scripts.append((values, ""))
        if tag == "img":
            self.images.append(values)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            attrs, body = self.scripts[-1]
            self.scripts[-1] = (attrs, body + data)
        else:
            self.text.append(data)


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def assert_inert(html: str, *, shows_payload: bool) -> None:
    page = parse(html)
    for attrs, body in page.scripts:  # only the site's own scripts, loaded from files
        assert (attrs.get("src") or "").startswith("/static/"), attrs
        assert not body.strip(), body
    assert page.handlers == []
    assert not any(img.get("src") == "x" for img in page.images)
    assert page.unsafe_links == []
    if shows_payload:  # the payload is there, as text: the page did render it
        shown = "".join(page.text)
        assert SCRIPT in shown or IMG in shown


@pytest.fixture
def hostile(client_as: ClientAs, web_store: Store) -> tuple[TestClient, list[str], list[int]]:
    """An analyst's client, the ids of the hostile reports, and the incidents they back."""
    client = client_as(Role.ANALYST)
    response = client.post(
        "/ingest",
        files=[
            ("files", (f"{IMG}.md", MARKDOWN.encode())),
            ("files", (f"{SCRIPT}.txt", b"\x00\x01binary")),
        ],
        data={
            "text": TEXT,
            "title": f"Five held {SCRIPT} {IMG}",
            "publisher": f"{IMG} Daily {SCRIPT}",
            "url": "https://news.example/a",
        },
    )
    assert response.status_code == 200
    assert_inert(response.text, shows_payload=True)  # the result page names the bad file
    report_ids = [r.id for r in web_store.list_reports() if r.text.find(SCRIPT) >= 0]
    assert len(report_ids) == 2
    incident_ids = sorted(
        {i for ids in web_store.incidents_of_reports(report_ids).values() for i in ids}
    )
    assert incident_ids, "the hostile reports back an incident"
    return client, report_ids, incident_ids


def test_the_payload_is_stored_as_given(
    hostile: tuple[TestClient, list[str], list[int]], web_store: Store
) -> None:
    _, report_ids, _ = hostile
    titles = {web_store.get_report(i).title for i in report_ids}
    assert f"Five held {SCRIPT} {IMG}" in titles


@pytest.mark.parametrize("path", ["/reports", "/reports?q=Zqxwhisk", "/reports?q=script"])
def test_report_lists_render_the_payload_inert(
    hostile: tuple[TestClient, list[str], list[int]], path: str
) -> None:
    client, _, _ = hostile
    response = client.get(path)
    assert response.status_code == 200
    assert_inert(response.text, shows_payload=True)


def test_report_views_render_the_payload_inert(
    hostile: tuple[TestClient, list[str], list[int]],
) -> None:
    client, report_ids, _ = hostile
    for report_id in report_ids:
        response = client.get(f"/reports/{report_id}")
        assert response.status_code == 200
        assert_inert(response.text, shows_payload=True)


def _page_or_skip(client: TestClient, path: str) -> str:
    response = client.get(path)
    if response.status_code == 404 and "no such page" in response.text:
        pytest.skip(f"{path} is not served by this version of the app")
    assert response.status_code == 200, response.text[:500]
    return response.text


def test_incident_list_renders_the_payload_inert(
    hostile: tuple[TestClient, list[str], list[int]],
) -> None:
    client, _, _ = hostile
    assert_inert(_page_or_skip(client, "/incidents?q=Zqxwhisk"), shows_payload=False)
    assert_inert(_page_or_skip(client, "/incidents"), shows_payload=False)


def test_incident_details_render_the_payload_inert(
    hostile: tuple[TestClient, list[str], list[int]],
) -> None:
    client, _, incident_ids = hostile
    for incident_id in incident_ids:
        # An analyst's detail page shows the backing reports' texts: the payload is there.
        assert_inert(_page_or_skip(client, f"/incidents/{incident_id}"), shows_payload=True)


def test_review_queue_renders_the_payload_inert(
    hostile: tuple[TestClient, list[str], list[int]],
) -> None:
    client, _, _ = hostile
    assert_inert(_page_or_skip(client, "/review"), shows_payload=False)


def test_the_checker_catches_a_live_payload() -> None:
    with pytest.raises(AssertionError):
        assert_inert(f"<p>{SCRIPT}</p>", shows_payload=False)
    with pytest.raises(AssertionError):
        assert_inert(f"<p title=a{IMG}</p>", shows_payload=False)
    assert_inert("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>", shows_payload=True)
