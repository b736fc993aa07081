"""Markdown: the text kept, the title and front matter read."""

from __future__ import annotations

import datetime as dt

import pytest

from repwatch.errors import InputError
from repwatch.ingest import Metadata
from repwatch.ingest.markdown import read_markdown


def test_markdown_leading_heading_gives_the_title_and_stays_in_the_text() -> None:
    text, metadata = read_markdown("# Five caught in Dandong #\n\nPolice said.\n", source="a.md")
    assert metadata == Metadata(title="Five caught in Dandong")
    assert text.startswith("# Five caught in Dandong")


def test_markdown_front_matter_gives_metadata_and_leaves_the_text() -> None:
    document = (
        "---\n"
        'title: "Five caught"\n'
        "source: Border Report\n"
        "date: 2019-11-20\n"
        "url: https://example.org/a\n"
        "lang: ko\n"
        "tags: border\n"
        "---\n"
        "# Another heading\n\nBody.\n"
    )
    text, metadata = read_markdown(document, source="a.md")
    assert metadata == Metadata(
        title="Five caught",
        publisher="Border Report",
        published=dt.date(2019, 11, 20),
        url="https://example.org/a",
        language="ko",
    )
    assert text == "# Another heading\n\nBody.\n"


def test_markdown_front_matter_accepts_a_timestamp_as_the_date() -> None:
    _, metadata = read_markdown("---\npublished: 2019-11-20T08:30:00+09:00\n---\nx", source="a")
    assert metadata.published == dt.date(2019, 11, 20)


def test_markdown_rejects_front_matter_with_a_bad_date() -> None:
    with pytest.raises(InputError) as caught:
        read_markdown("---\ndate: last Tuesday\n---\nBody.", source="a.md")
    assert str(caught.value) == "a.md: front matter: the date is not an ISO date (YYYY-MM-DD)"


@pytest.mark.parametrize(
    "document",
    [
        pytest.param("---\nPolice arrested five people.\n---\nMore.", id="rule-around-prose"),
        pytest.param("---\nUpdate: five were later freed.\n---\nMore.", id="unknown-key-only"),
        pytest.param("Text first\n---\ntitle: T\n---\n", id="not-at-the-top"),
    ],
)
def test_markdown_keeps_text_that_only_looks_like_front_matter(document: str) -> None:
    text, metadata = read_markdown(document, source="a.md")
    assert text == document
    assert metadata.title is None
