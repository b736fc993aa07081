"""The reports list, search and report view, and /api/v1/reports."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from repwatch.model import Report
from repwatch.protect.roles import Role
from repwatch.store import Store
from repwatch.store.report_listing import MATCH_END, MATCH_START, window_snippet
from repwatch.web.routes.reports import snippet_markup, web_link

ClientAs = Callable[[Role], TestClient]


class Elements(HTMLParser):
    """Every start tag of a page with its attributes, and the text inside <mark>s."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.marked: list[str] = []
        self._in_mark = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_mark += tag == "mark"

    def handle_endtag(self, tag: str) -> None:
        self._in_mark -= tag == "mark"

    def handle_data(self, data: str) -> None:
        if self._in_mark:
            self.marked.append(data)

    def hrefs(self) -> list[str]:
        return [a.get("href") or "" for tag, a in self.tags if tag == "a"]


def parse(html: str) -> Elements:
    parser = Elements()
    parser.feed(html)
    return parser


def add(store: Store, text: str, **metadata: object) -> Report:
    report = Report.from_text(text, **metadata)
    assert store.add_report(report)
    return report


# --- the list --------------------------------------------------------------------------


def test_reports_list_shows_every_report_newest_first(
    client_as: ClientAs, web_store: Store
) -> None:
    body = client_as(Role.ANALYST).get("/api/v1/reports?per_page=100").json()
    assert body["total"] == web_store.count_reports() == len(body["reports"])
    dates = [r["published"] for r in body["reports"] if r["published"]]
    assert dates == sorted(dates, reverse=True)
    assert all("text" not in r for r in body["reports"])


def test_reports_list_counts_the_incidents_each_report_backs(
    client_as: ClientAs, web_store: Store
) -> None:
    body = client_as(Role.ANALYST).get("/api/v1/reports?per_page=100").json()
    for item in body["reports"]:
        found = web_store.report_mentions(item["id"])
        backing = {m.incident_id for m in found if m.incident_id is not None}
        assert item["incident_ids"] == sorted(backing)
    assert any(item["incident_ids"] for item in body["reports"])


def test_reports_pages_hold_per_page_reports_and_link_onwards(client_as: ClientAs) -> None:
    client = client_as(Role.ANALYST)
    everything = client.get("/api/v1/reports?per_page=100").json()["reports"]
    first = client.get("/api/v1/reports?per_page=4").json()
    second = client.get("/api/v1/reports?per_page=4&page=2").json()
    assert (first["page"], first["per_page"], len(first["reports"])) == (1, 4, 4)
    assert [r["id"] for r in first["reports"] + second["reports"]] == [
        r["id"] for r in everything[:8]
    ]
    page = parse(client.get("/reports?per_page=4&page=2").text)
    assert "/reports?per_page=4&page=3" in page.hrefs()
    assert "/reports?per_page=4" in page.hrefs()  # back to the first page


def test_reports_page_links_each_report_by_its_full_id(client_as: ClientAs) -> None:
    client = client_as(Role.ANALYST)
    ids = [r["id"] for r in client.get("/api/v1/reports?per_page=100").json()["reports"]]
    links = parse(client.get("/reports?per_page=100").text).hrefs()
    assert {f"/reports/{i}" for i in ids} <= set(links)


@pytest.mark.parametrize("query", ["page=0", "per_page=0", "per_page=501", "page=x"])
def test_reports_list_refuses_bad_paging(client_as: ClientAs, query: str) -> None:
    response = client_as(Role.ANALYST).get(f"/api/v1/reports?{query}")
    assert response.status_code == 422
    assert response.json()["error"]["type"] == "InputError"


# --- search ----------------------------------------------------------------------------


def test_search_finds_words_in_texts_and_marks_them(client_as: ClientAs) -> None:
    client = client_as(Role.ANALYST)
    body = client.get("/api/v1/reports?q=Tumen").json()
    assert body["total"] >= 1
    page = parse(client.get("/reports?q=Tumen").text)
    assert page.marked and all(word.lower() == "tumen" for word in page.marked)


def test_search_snippet_keeps_the_texts_own_brackets_and_markup_as_text(
    client_as: ClientAs, web_store: Store
) -> None:
    add(web_store, "The [editor] noted <b>Hyesan</b> is quiet; Zzyzxq waded across.")
    client = client_as(Role.ANALYST)
    html = client.get("/reports?q=zzyzxq").text
    page = parse(html)
    assert page.marked == ["Zzyzxq"]
    assert "[editor]" in html and "&lt;b&gt;Hyesan&lt;/b&gt;" in html
    assert not any(tag == "b" for tag, _ in page.tags)


def test_search_without_matches_says_so(client_as: ClientAs) -> None:
    client = client_as(Role.ANALYST)
    assert client.get("/api/v1/reports?q=qqqnotaword").json()["total"] == 0
    assert "0 reports holding" in client.get("/reports?q=qqqnotaword").text


def test_search_words_are_never_read_as_query_syntax(client_as: ClientAs) -> None:
    response = client_as(Role.ANALYST).get('/api/v1/reports?q="NEAR( OR * -')
    assert response.status_code == 200


def test_snippet_markup_marks_between_markers_and_escapes_everything() -> None:
    snippet = f"<i>a</i> {MATCH_START}<script>x</script>{MATCH_END} [b]"
    assert str(snippet_markup(snippet)) == (
        "&lt;i&gt;a&lt;/i&gt; <mark>&lt;script&gt;x&lt;/script&gt;</mark> [b]"
    )


def test_window_snippet_marks_the_first_word_found() -> None:
    text = "x" * 200 + " arrested in Dandong " + "y" * 200
    snippet = window_snippet(text, ["dandong"])
    assert f"{MATCH_START}Dandong{MATCH_END}" in snippet
    assert snippet.startswith("…") and snippet.endswith("…")


# --- one report ------------------------------------------------------------------------


def _extracted_report_id(client: TestClient) -> str:
    reports = client.get("/api/v1/reports?per_page=100").json()["reports"]
    return next(r["id"] for r in reports if r["incident_ids"])


def test_report_view_highlights_the_evidence_of_every_mention(
    client_as: ClientAs, web_store: Store
) -> None:
    client = client_as(Role.ANALYST)
    report_id = _extracted_report_id(client)
    report = web_store.get_report(report_id)
    mention = web_store.report_mentions(report_id)[0].mention
    span = mention.acts[0].spans[0]
    page = parse(client.get(f"/reports/{report_id}").text)
    marked = "".join(page.marked)
    assert span.text in marked
    assert span.quotes(report.text)


def test_report_view_links_its_incidents_and_shows_its_extraction(
    client_as: ClientAs, web_store: Store
) -> None:
    client = client_as(Role.ANALYST)
    report_id = _extracted_report_id(client)
    html = client.get(f"/reports/{report_id}").text
    for found in web_store.report_mentions(report_id):
        assert f"/incidents/{found.incident_id}" in parse(html).hrefs()
    extraction = web_store.extraction_of(report_id)
    assert extraction is not None and f"by {extraction.extractor}" in html


def test_report_view_accepts_a_unique_id_prefix(client_as: ClientAs) -> None:
    client = client_as(Role.ANALYST)
    report_id = _extracted_report_id(client)
    response = client.get(f"/reports/{report_id[:10]}")
    assert response.status_code == 200
    assert report_id in response.text


def test_report_view_of_an_unextracted_report_says_so(
    client_as: ClientAs, web_store: Store
) -> None:
    report = add(web_store, "A note that nobody has extracted yet.", title="Pending")
    html = client_as(Role.ANALYST).get(f"/reports/{report.id}").text
    assert "has not been extracted yet" in html


def test_report_view_links_only_web_urls(client_as: ClientAs, web_store: Store) -> None:
    safe = add(web_store, "One text.", url="https://news.example/a")
    unsafe = add(web_store, "Another text.", url="javascript:alert(1)")
    client = client_as(Role.ANALYST)
    assert "https://news.example/a" in parse(client.get(f"/reports/{safe.id}").text).hrefs()
    html = client.get(f"/reports/{unsafe.id}").text
    assert not any(h.lower().startswith("javascript") for h in parse(html).hrefs())
    assert "javascript:alert(1)" in html  # shown, as text


def test_web_link_takes_http_and_https_only() -> None:
    assert web_link("https://a.example/x") == "https://a.example/x"
    assert web_link("HTTP://a.example") == "HTTP://a.example"
    for url in ("javascript:alert(1)", " JavaScript:x", "data:text/html,x", "//a.example", None):
        assert web_link(url) is None


def test_report_api_gives_text_and_mentions_with_spans_that_quote_it(
    client_as: ClientAs,
) -> None:
    client = client_as(Role.ANALYST)
    report_id = _extracted_report_id(client)
    body = client.get(f"/api/v1/reports/{report_id}").json()
    assert body["id"] == report_id and body["text"]
    assert body["extraction"]["mention_count"] == len(body["mentions"]) > 0
    for found in body["mentions"]:
        assert found["incident_id"] in body["incident_ids"]
        for act in found["mention"]["acts"]:
            for span in act["spans"]:
                assert body["text"][span["start"] : span["end"]] == span["text"]


def test_report_api_dates_are_iso(client_as: ClientAs, web_store: Store) -> None:
    report = add(web_store, "Dated text.", published=dt.date(2019, 11, 21))
    body = client_as(Role.ANALYST).get(f"/api/v1/reports/{report.id}").json()
    assert body["published"] == "2019-11-21"
    assert body["extraction"] is None and body["mentions"] == []


def test_unknown_report_is_a_404_page(client_as: ClientAs) -> None:
    response = client_as(Role.ANALYST).get("/reports/" + "f" * 64)
    assert response.status_code == 404
    assert "text/html" in response.headers["content-type"]
    assert "no report" in response.text


def test_unknown_report_is_a_404_in_the_api_error_shape(client_as: ClientAs) -> None:
    response = client_as(Role.ANALYST).get("/api/v1/reports/" + "f" * 64)
    assert response.status_code == 404
    assert response.json() == {"error": {"type": "NotFound", "message": f"no report '{'f' * 64}'"}}


def test_ambiguous_id_prefix_asks_for_more(client_as: ClientAs, web_store: Store) -> None:
    # Seventeen ids: two of them share their first hex digit.
    ids = sorted(add(web_store, f"Note number {n}.").id for n in range(17))
    prefix = next(a[:1] for a, b in itertools.pairwise(ids) if a[:1] == b[:1])
    response = client_as(Role.ANALYST).get(f"/api/v1/reports/{prefix}")
    assert response.status_code == 400
    assert "more than one report" in response.json()["error"]["message"]


# --- who may see them ------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["/reports", "/reports?q=Tumen", "/api/v1/reports", "/api/v1/reports?q=Tumen"]
)
def test_viewer_cannot_list_reports(client_as: ClientAs, path: str) -> None:
    response = client_as(Role.VIEWER).get(path)
    assert response.status_code == 403
    assert "Tumen" not in response.text


def test_viewer_cannot_read_a_report(client_as: ClientAs, web_store: Store) -> None:
    report = web_store.list_reports(limit=1)[0]
    client = client_as(Role.VIEWER)
    for path in (f"/reports/{report.id}", f"/api/v1/reports/{report.id}"):
        response = client.get(path)
        assert response.status_code == 403
        assert report.text[:40] not in response.text
        assert (report.title or "") not in response.text


def test_anonymous_api_caller_gets_401(anonymous: TestClient) -> None:
    assert anonymous.get("/api/v1/reports").status_code == 401


def test_admin_reads_reports_too(client_as: ClientAs) -> None:
    assert client_as(Role.ADMIN).get("/reports").status_code == 200


def test_reports_api_is_in_the_openapi_document(anonymous: TestClient) -> None:
    paths = anonymous.get("/api/v1/openapi.json").json()["paths"]
    assert {"get", "post"} <= set(paths["/api/v1/reports"])
    assert "get" in paths["/api/v1/reports/{report_id}"]
    assert "/reports" not in paths
