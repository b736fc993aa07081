from __future__ import annotations

import xml.etree.ElementTree as ET

from markupsafe import Markup

from repwatch.store.stats import MonthCount
from repwatch.web.charts import Bar, bar_chart_svg, timeline_svg

SVG = "{http://www.w3.org/2000/svg}"
PAYLOAD = '<script>alert(1)</script>"><img src=x onerror=alert(1)>'


def parse(svg: Markup) -> ET.Element:
    return ET.fromstring(str(svg))


def titles(root: ET.Element) -> list[str]:
    return [t.text or "" for t in root.iter(f"{SVG}title")]


def test_timeline_has_a_bar_per_month_with_gaps_filled() -> None:
    months = [MonthCount("2019-11", 3, 25), MonthCount("2020-02", 1, 2)]
    root = parse(timeline_svg(months))
    bars = [r for r in root.iter(f"{SVG}rect") if r.get("class") == "bar"]
    assert len(bars) == 4  # November to February
    tips = [t for t in titles(root) if t[:4] in ("2019", "2020")]
    assert tips == [
        "2019-11: 3 incidents, 25 people",
        "2019-12: 0 incidents, 0 people",
        "2020-01: 0 incidents, 0 people",
        "2020-02: 1 incident, 2 people",
    ]
    heights = [float(b.get("height", "0")) for b in bars]
    assert heights[0] > heights[3] > 0 == heights[1]


def test_timeline_draws_people_as_a_line_with_axis_labels() -> None:
    root = parse(timeline_svg([MonthCount("2019-11", 3, 25), MonthCount("2019-12", 2, 40)]))
    (line,) = root.iter(f"{SVG}polyline")
    assert len(line.get("points", "").split()) == 2
    labels = [t.text for t in root.iter(f"{SVG}text")]
    assert "2019-11" in labels
    assert "40" in labels  # the people axis reaches the busiest month
    assert "3" in labels


def test_long_timeline_labels_years() -> None:
    months = [MonthCount(f"{y}-{m:02d}", 1, 1) for y in range(2010, 2020) for m in (1, 6)]
    labels = {t.text for t in parse(timeline_svg(months)).iter(f"{SVG}text")}
    assert {"2010", "2015", "2019"} <= labels


def test_empty_timeline_says_so() -> None:
    root = parse(timeline_svg([]))
    assert any("No incident" in (t.text or "") for t in root.iter(f"{SVG}text"))


def test_bar_chart_stacks_series_and_escapes_labels() -> None:
    svg = bar_chart_svg(
        [Bar(PAYLOAD, (3, 1), href="/incidents?act=arrest&x=1"), Bar("Jilin", (1, 0))],
        series=("occurred", "expected"),
    )
    assert "<script>" not in svg
    assert "<img" not in svg
    root = parse(svg)  # well-formed despite the payload
    labels = [t.text for t in root.iter(f"{SVG}text")]
    assert PAYLOAD in labels
    assert f"{PAYLOAD}: 3 occurred, 1 expected" in titles(root)
    widths = [float(r.get("width", "0")) for r in root.iter(f"{SVG}rect") if r.get("class")]
    assert widths[0] == 3 * widths[1]  # 3 and 1 of the same scale
    (link,) = root.iter(f"{SVG}a")
    assert link.get("href") == "/incidents?act=arrest&x=1"


def test_charts_use_no_style_attributes() -> None:
    svgs = [
        timeline_svg([MonthCount("2019-11", 3, 25)]),
        bar_chart_svg([Bar("Arrest", (2,))]),
        bar_chart_svg([]),
    ]
    for svg in svgs:
        for element in parse(svg).iter():
            assert "style" not in element.attrib
            assert not any(name.startswith("on") for name in element.attrib)
