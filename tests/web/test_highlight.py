"""Evidence highlighting: spans marked, overlaps split, everything escaped."""

from __future__ import annotations

from xml.etree import ElementTree

from repwatch.web.highlight import Mark, highlight


def _parse(markup: str) -> ElementTree.Element:
    return ElementTree.fromstring(f"<p>{markup}</p>")


def test_a_span_is_marked_with_its_field() -> None:
    text = "Two women were arrested in Dandong."
    root = _parse(highlight(text, [Mark("acts", 15, 23, "arrest (occurred)")]))
    (mark,) = root.iter("mark")
    assert mark.text == "arrested"
    assert mark.get("class") == "acts"
    assert "".join(root.itertext()) == text


def test_overlapping_spans_are_split_without_losing_text() -> None:
    text = "arrested in Dandong"
    marks = [Mark("acts", 0, 19, "arrest"), Mark("places", 12, 19, "place (caught)")]
    root = _parse(highlight(text, marks))
    found = [(m.text, m.get("class")) for m in root.iter("mark")]
    assert found == [("arrested in ", "acts"), ("Dandong", "acts places")]
    assert "".join(root.itertext()) == text


def test_hostile_text_is_escaped() -> None:
    text = 'Held <script>alert(1)</script> "><img src=x onerror=alert(1)>'
    markup = str(highlight(text, [Mark("acts", 0, 4, "<b>label</b>")]))
    assert "<script>" not in markup
    assert "<img" not in markup
    assert "&lt;script&gt;" in markup
    assert "<b>" not in markup
    assert "".join(_parse(markup).itertext()) == text


def test_spans_outside_the_text_are_ignored() -> None:
    assert str(highlight("short", [Mark("acts", 3, 99, "x")])) == "short"
