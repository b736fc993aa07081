"""The ingest page and POST /api/v1/reports: uploads and pastes, stored and extracted."""

from __future__ import annotations

import json
from collections.abc import Callable
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from repwatch.config import DEFAULT_MAX_BYTES
from repwatch.protect.roles import Role
from repwatch.store import Store
from repwatch.web.security import CSRF_HEADER

ClientAs = Callable[[Role], TestClient]

ARREST = (
    "Chinese police arrested five North Korean women in Dandong on March 3, 2020, "
    "and handed them to North Korean border guards at Sinuiju a week later."
)
OTHER_ARREST = (
    "Border police in Yanji detained three North Korean workers on 12 May 2019 "
    "and repatriated them through the Tumen crossing."
)


class Result(HTMLParser):
    """The result page's counts, failures and links."""

    def __init__(self) -> None:
        super().__init__()
        self.text: dict[str, str] = {}
        self.failures: list[str] = []
        self.links: list[str] = []
        self._class: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self._class.append(values.get("class") or "")
        if tag == "a":
            self.links.append(values.get("href") or "")
        if tag == "li" and self._class[-2:-1] == ["failures"]:
            self.failures.append("")

    def handle_endtag(self, tag: str) -> None:
        if self._class:
            self._class.pop()

    def handle_data(self, data: str) -> None:
        for name in self._class:
            if name.startswith("count-"):
                self.text[name] = self.text.get(name, "") + data
        if "error" in self._class[-2:] and self.failures:
            self.failures[-1] += data

    def count(self, kind: str) -> int:
        return int(self.text[f"count-{kind}"].split()[0])


def result_of(html: str) -> Result:
    parser = Result()
    parser.feed(html)
    return parser


def upload(client: TestClient, *files: tuple[str, bytes], **fields: str) -> tuple[int, Result, str]:
    response = client.post(
        "/ingest", files=[("files", (name, data)) for name, data in files], data=fields
    )
    return response.status_code, result_of(response.text), response.text


def new_report_ids(result: Result) -> list[str]:
    # The new reports' links come first on the result page.
    return [link.removeprefix("/reports/") for link in result.links if link.startswith("/reports/")]


# --- uploads ---------------------------------------------------------------------------


def test_uploaded_files_are_stored_extracted_and_linked(
    client_as: ClientAs, web_store: Store
) -> None:
    before = web_store.count_reports()
    status, result, _ = upload(
        client_as(Role.ANALYST),
        ("dandong.txt", ARREST.encode()),
        ("yanji.md", f"# Three returned from Yanji\n\n{OTHER_ARREST}".encode()),
    )
    assert status == 200
    assert (result.count("new"), result.count("duplicate"), result.count("failed")) == (2, 0, 0)
    assert web_store.count_reports() == before + 2
    ids = new_report_ids(result)
    assert len(ids) == 2
    assert web_store.get_report(ids[1]).title == "Three returned from Yanji"
    touched = {int(link.rsplit("/", 1)[1]) for link in result.links if "/incidents/" in link}
    backed = web_store.incidents_of_reports(ids)
    assert touched and touched == {i for found in backed.values() for i in found}
    assert all(web_store.extraction_of(i) is not None for i in ids)


def test_uploads_are_named_by_their_file_name(client_as: ClientAs, web_store: Store) -> None:
    _, result, _ = upload(client_as(Role.ANALYST), ("../../dandong.txt", ARREST.encode()))
    report = web_store.get_report(new_report_ids(result)[0])
    assert report.origin == "dandong.txt"
    assert report.source_format == "text"


def test_a_binary_upload_fails_with_its_name_while_the_rest_goes_in(
    client_as: ClientAs,
) -> None:
    status, result, _ = upload(
        client_as(Role.ANALYST),
        ("scan.pdf", b"%PDF-1.7\n" + bytes(range(256))),
        ("dandong.txt", ARREST.encode()),
    )
    assert status == 200
    assert (result.count("new"), result.count("failed")) == (1, 1)
    assert result.failures == ["scan.pdf: binary file (looks like PDF)"]


def test_a_file_in_a_wrong_encoding_fails_with_its_reason(client_as: ClientAs) -> None:
    _, result, _ = upload(
        client_as(Role.ANALYST),
        ("latin1.txt", "Déclaration: réfugiés arrêtés à Dandong.".encode("latin-1")),
        ("dandong.txt", ARREST.encode()),
    )
    assert result.count("new") == 1
    assert result.failures == ["latin1.txt: not valid UTF-8, UTF-16 or EUC-KR/CP949 text"]


def test_a_korean_upload_in_euc_kr_is_read(client_as: ClientAs, web_store: Store) -> None:
    text = "중국 공안이 단둥에서 탈북민 5명을 체포했다."
    _, result, _ = upload(client_as(Role.ANALYST), ("ko.txt", text.encode("euc-kr")))
    report = web_store.get_report(new_report_ids(result)[0])
    assert report.text == text and report.language == "ko"


def test_an_upload_over_the_size_limit_is_refused(client_as: ClientAs, web_store: Store) -> None:
    before = web_store.count_reports()
    big = b"a" * (DEFAULT_MAX_BYTES + 1)
    _, result, _ = upload(client_as(Role.ANALYST), ("huge.txt", big), ("ok.txt", ARREST.encode()))
    assert (result.count("new"), result.count("failed")) == (1, 1)
    assert result.failures == ["huge.txt: file is over the 5 MB limit for one file"]
    assert web_store.count_reports() == before + 1


def test_an_empty_file_fails(client_as: ClientAs) -> None:
    _, result, _ = upload(client_as(Role.ANALYST), ("empty.txt", b"  \n"))
    assert result.failures == ["empty.txt: empty file"]


def test_a_jsonl_upload_stores_each_line_and_names_the_bad_one(
    client_as: ClientAs, web_store: Store
) -> None:
    lines = [
        json.dumps({"id": "web-1", "text": ARREST, "title": "Five held", "publisher": "RFA"}),
        "{not json",
        json.dumps({"id": "web-2", "text": OTHER_ARREST}),
    ]
    _, result, _ = upload(client_as(Role.ANALYST), ("batch.jsonl", "\n".join(lines).encode()))
    assert (result.count("new"), result.count("failed")) == (2, 1)
    assert result.failures[0].startswith("batch.jsonl:2")
    assert web_store.get_report("web-1").publisher == "RFA"


def test_uploading_the_same_text_again_is_a_duplicate(client_as: ClientAs) -> None:
    client = client_as(Role.ANALYST)
    upload(client, ("a.txt", ARREST.encode()))
    _, result, _ = upload(client, ("copy.txt", ARREST.encode()))
    assert (result.count("new"), result.count("duplicate")) == (0, 1)


# --- pastes ----------------------------------------------------------------------------


def test_a_pasted_text_is_stored_with_its_metadata(client_as: ClientAs, web_store: Store) -> None:
    _, result, _ = upload(
        client_as(Role.ANALYST),
        text=ARREST,
        title="Five women held in Dandong",
        publisher="Daily NK",
        published="2020-03-10",
        url="https://news.example/dandong",
        language="EN",
    )
    assert result.count("new") == 1
    report = web_store.get_report(new_report_ids(result)[0])
    assert (report.title, report.publisher, str(report.published)) == (
        "Five women held in Dandong",
        "Daily NK",
        "2020-03-10",
    )
    assert (report.url, report.language, report.origin) == (
        "https://news.example/dandong",
        "en",
        "pasted text",
    )


def test_a_paste_is_plain_text_unless_told_otherwise(client_as: ClientAs, web_store: Store) -> None:
    client = client_as(Role.ANALYST)
    _, plain, _ = upload(client, text=f"<p>{ARREST}</p>")
    assert web_store.get_report(new_report_ids(plain)[0]).text == f"<p>{ARREST}</p>"
    _, html, _ = upload(
        client, text=f"<html><body><p>{OTHER_ARREST}</p></body></html>", format="html"
    )
    assert web_store.get_report(new_report_ids(html)[0]).text == OTHER_ARREST


def test_an_empty_paste_gets_its_message_while_the_files_go_in(client_as: ClientAs) -> None:
    _, result, _ = upload(
        client_as(Role.ANALYST), ("a.txt", ARREST.encode()), text="   \n ", title="Nothing"
    )
    assert (result.count("new"), result.count("failed")) == (1, 1)
    assert result.failures == ["pasted text: empty text: nothing was pasted"]


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("published", "21/11/2019", "the published date is not a date like 2019-11-21"),
        ("url", "javascript:alert(1)", "the URL does not start with http:// or https://"),
        ("language", "english!", "the language is not a code like en or ko"),
    ],
    ids=["date", "url", "language"],
)
def test_a_paste_with_bad_metadata_fails_while_the_files_go_in(
    client_as: ClientAs, field: str, value: str, reason: str
) -> None:
    _, result, _ = upload(
        client_as(Role.ANALYST), ("a.txt", ARREST.encode()), text=OTHER_ARREST, **{field: value}
    )
    assert (result.count("new"), result.count("failed")) == (1, 1)
    assert result.failures == [f"pasted text: {reason}"]


def test_a_form_with_nothing_to_ingest_is_shown_again_with_a_message(
    client_as: ClientAs,
) -> None:
    response = client_as(Role.ANALYST).post("/ingest", data={"text": ""})
    assert response.status_code == 400
    assert "Choose a file to upload or paste" in response.text


def test_a_paste_over_the_form_limit_is_a_clear_error(client_as: ClientAs) -> None:
    response = client_as(Role.ANALYST).post(
        "/ingest", files=[("files", ("", b""))], data={"text": "a" * (1024 * 1024 + 1)}
    )
    assert response.status_code == 400
    assert "maximum size" in response.text


def test_the_ingest_form_carries_its_csrf_token_and_works_without_the_header(
    client_as: ClientAs, web_store: Store
) -> None:
    client = client_as(Role.ANALYST)
    page = client.get("/ingest")
    assert page.status_code == 200 and 'enctype="multipart/form-data"' in page.text
    token = client.headers.pop(CSRF_HEADER)
    assert f'name="csrf_token" value="{token}"' in page.text
    response = client.post(
        "/ingest", files=[("files", ("a.txt", ARREST.encode()))], data={"csrf_token": token}
    )
    assert result_of(response.text).count("new") == 1


def test_an_ingest_without_the_csrf_token_is_refused(client_as: ClientAs, web_store: Store) -> None:
    client = client_as(Role.ANALYST)
    client.headers.pop(CSRF_HEADER)
    before = web_store.count_reports()
    response = client.post("/ingest", files=[("files", ("a.txt", ARREST.encode()))])
    assert response.status_code == 403
    assert web_store.count_reports() == before


# --- the API ---------------------------------------------------------------------------


def test_api_stores_a_new_report_with_201_and_its_incidents(
    client_as: ClientAs, web_store: Store
) -> None:
    response = client_as(Role.ANALYST).post(
        "/api/v1/reports", json={"text": ARREST, "publisher": "RFA", "published": "2020-03-10"}
    )
    assert response.status_code == 201
    body = response.json()
    assert body["new"] is True and body["extracted"] is True
    assert body["incident_ids"] == web_store.incidents_of_reports([body["id"]])[body["id"]]
    assert web_store.get_report(body["id"]).publisher == "RFA"


def test_api_answers_200_for_a_report_already_stored(client_as: ClientAs) -> None:
    client = client_as(Role.ANALYST)
    first = client.post("/api/v1/reports", json={"text": ARREST}).json()
    again = client.post("/api/v1/reports", json={"text": "  " + ARREST + "\n"})
    assert again.status_code == 200
    assert again.json() == {**first, "new": False}


@pytest.mark.parametrize(
    "body",
    [{"text": ""}, {"title": "no text"}, {"text": "x", "url": "javascript:x"}],
    ids=["empty", "missing", "bad-url"],
)
def test_api_refuses_unusable_reports_in_the_error_shape(client_as: ClientAs, body: dict) -> None:
    response = client_as(Role.ANALYST).post("/api/v1/reports", json=body)
    assert response.status_code == 422
    assert response.json()["error"]["type"] == "InputError"


def test_api_refuses_a_text_of_only_spaces(client_as: ClientAs) -> None:
    response = client_as(Role.ANALYST).post("/api/v1/reports", json={"text": "   "})
    assert response.status_code == 400
    assert response.json() == {
        "error": {"type": "InputError", "message": "pasted text: empty text: nothing was pasted"}
    }


# --- who may ingest --------------------------------------------------------------------


def test_viewer_cannot_ingest(client_as: ClientAs, web_store: Store) -> None:
    client = client_as(Role.VIEWER)
    before = web_store.count_reports()
    assert client.get("/ingest").status_code == 403
    assert upload(client, ("a.txt", ARREST.encode()))[0] == 403
    response = client.post("/api/v1/reports", json={"text": ARREST})
    assert response.status_code == 403
    assert response.json()["error"]["type"] == "AccessDenied"
    assert web_store.count_reports() == before
