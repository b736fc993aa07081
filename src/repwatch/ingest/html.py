"""HTML: the article's main text and metadata, found by trafilatura (offline; it never fetches).

trafilatura gives one line per paragraph; they are joined with blank lines, the paragraph
separator of FORMAT.md. Its site name becomes the publisher, and the language comes from the
page's ``<html lang>`` (trafilatura only detects language with an optional extra package).
The publication date is the one the page declares (meta tags, structured data), not one
guessed from the text: a date in an article's body is often the incident's, not the report's.
"""

from __future__ import annotations

import re

import trafilatura

from repwatch.errors import InputError
from repwatch.ingest.metadata import Metadata, clean, parse_date

NO_TEXT = "HTML has no extractable text"

_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?(?P<lang>[A-Za-z]{2,3})\b", re.I)
_DOCUMENT = re.compile(r"<(html|body)\b", re.I)
# Only the first few kilobytes hold the <html> tag.
_HEAD_CHARS = 4096
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def read_html(html: str, *, source: str) -> tuple[str, Metadata]:
    """The main text of an HTML page and the metadata it declares."""
    if not _DOCUMENT.search(html):
        # trafilatura rejects a bare fragment ("<p>…</p>") as not quite HTML.
        html = f"<html><body>{html}</body></html>"
    try:
        document = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as exc:  # malformed markup must fail this file, not the batch
        raise InputError(source, "HTML could not be parsed") from exc
    text = _paragraphs(getattr(document, "text", None) or "")
    if not text:
        raise InputError(source, NO_TEXT)
    date = getattr(document, "date", None)
    metadata = Metadata(
        title=clean(getattr(document, "title", None)),
        publisher=clean(getattr(document, "sitename", None)),
        url=clean(getattr(document, "url", None)),
        published=parse_date(date) if date else None,
        language=_language(html),
    )
    return text, metadata


def _paragraphs(text: str) -> str:
    lines = (line.strip() for line in text.splitlines())
    return "\n\n".join(line for line in lines if line)


def _language(html: str) -> str | None:
    match = _HTML_LANG.search(html[:_HEAD_CHARS])
    return match.group("lang").lower() if match else None
