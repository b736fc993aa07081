"""HTML: main text and declared metadata, by trafilatura, without the page's chrome."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from repwatch.errors import InputError
from repwatch.ingest import Metadata, Source, read_source
from repwatch.ingest.html import read_html
from repwatch.model import Report

PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
  <meta charset="{charset}">
  <title>{title} | Border News</title>
  <meta property="og:site_name" content="Border News">
  <meta property="og:title" content="{title}">
  <meta property="article:published_time" content="2019-11-20T09:00:00+09:00">
  <link rel="canonical" href="https://example.org/news/1">
</head>
<body>
  <nav><a href="/">Home</a> | <a href="/about">About us</a></nav>
  <article>
    <h1>{title}</h1>
    <p>{first}</p>
    <p>{second}</p>
  </article>
  <footer>Copyright Border News. Subscribe to our newsletter.</footer>
</body>
</html>
"""

ENGLISH = {
    "lang": "en-US",
    "charset": "utf-8",
    "title": "Five North Koreans caught in Dandong",
    "first": "Chinese police arrested five North Koreans in Dandong on Tuesday, a source said.",
    "second": "They are being held at a border detention centre awaiting repatriation.",
}
KOREAN = {
    "lang": "ko",
    "charset": "euc-kr",
    "title": "단둥서 탈북민 5명 체포",
    "first": "중국 공안이 화요일 단둥에서 탈북민 다섯 명을 체포했다고 소식통이 전했다.",
    "second": "이들은 변방 구류소에 수감돼 북송을 기다리고 있다.",
}


def test_html_gives_main_text_as_paragraphs_and_declared_metadata() -> None:
    text, metadata = read_html(PAGE.format(**ENGLISH), source="a.html")
    assert f"{ENGLISH['first']}\n\n{ENGLISH['second']}" in text
    assert "Home" not in text
    assert "newsletter" not in text
    assert metadata == Metadata(
        title=ENGLISH["title"],
        publisher="Border News",
        published=dt.date(2019, 11, 20),
        url="https://example.org/news/1",
        language="en",
    )


def test_html_file_in_euc_kr_is_read(tmp_path: Path) -> None:
    path = tmp_path / "ko.htm"
    path.write_bytes(PAGE.format(**KOREAN).encode("euc-kr"))
    (report,) = read_source(Source(path, "ko.htm"), metadata=Metadata(), max_bytes=10**6)
    assert isinstance(report, Report)
    assert KOREAN["first"] in report.text
    assert (report.language, report.source_format, report.title) == ("ko", "html", KOREAN["title"])


def test_html_fragment_is_read() -> None:
    text, metadata = read_html("<p>Police arrested two.</p><p>Both were returned.</p>", source="f")
    assert text == "Police arrested two.\n\nBoth were returned."
    assert metadata.language is None


def test_html_without_a_declared_date_has_none_even_if_the_text_has_one() -> None:
    html = "<html><body><p>On 3 May 2018 police arrested two people in Yanji.</p></body></html>"
    _, metadata = read_html(html, source="a.html")
    assert metadata.published is None


def test_html_with_broken_markup_still_gives_its_text() -> None:
    text, _ = read_html("<html><body><p>Two caught <b>near Hunchun<div>on Monday", source="b")
    assert "Two caught" in text
    assert "on Monday" in text


@pytest.mark.parametrize(
    "html",
    [
        pytest.param("<html><body></body></html>", id="empty-body"),
        pytest.param("<html><body><script>var x = 1;</script></body></html>", id="script-only"),
        pytest.param("<html><head><title>Only a title</title></head></html>", id="title-only"),
        pytest.param("<!-- nothing here -->", id="comment-only"),
    ],
)
def test_html_without_text_is_rejected(html: str) -> None:
    with pytest.raises(InputError) as caught:
        read_html(html, source="page.html")
    assert str(caught.value) == "page.html: HTML has no extractable text"
