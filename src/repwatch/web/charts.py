"""Charts drawn on the server as SVG: no chart library, no script, nothing to load.

Every text that goes into a chart is escaped here, and the result is returned as
``Markup`` so that templates insert it as it is. Only presentation attributes
and classes are used (the Content-Security-Policy forbids style attributes);
app.css may restyle the classes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from repwatch.store.stats import MonthCount

INCIDENT_COLOUR = "#3b6ea8"
PEOPLE_COLOUR = "#c0392b"
SERIES_COLOURS = ("#3b6ea8", "#9bb7d4", "#7f8c8d", "#d4a017")
TEXT_COLOUR = "#333"
AXIS_COLOUR = "#999"


@dataclass(frozen=True)
class Bar:
    """One row of a bar chart: its label, a value per series (stacked), and where it
    leads when clicked (optional)."""

    label: str
    values: tuple[int, ...]
    href: str | None = None


def timeline_svg(months: Sequence[MonthCount], *, width: int = 800, height: int = 240) -> Markup:
    """Incidents per month as bars (left axis) and people per month as a line (right
    axis), from the first month to the last with the empty months between; each bar
    has a <title> for its tooltip."""
    if not months:
        return _empty(width, height, "No incident with a known month.")
    series = _fill_months(months)
    left, right, top, bottom = 44, 52, 16, 36
    plot_w, plot_h = width - left - right, height - top - bottom
    step = plot_w / len(series)
    most_incidents = max(m.incidents for m in series) or 1
    most_people = max(m.people for m in series) or 1
    parts = [
        _open(width, height, "timeline", "Incidents and people per month"),
        _axis_line(left, top + plot_h, left + plot_w, top + plot_h),
        _text(left - 6, top + 4, f"{most_incidents:,}", anchor="end", fill=INCIDENT_COLOUR),
        _text(left - 6, top + plot_h, "0", anchor="end", fill=INCIDENT_COLOUR),
        _text(left + plot_w + 6, top + 4, f"{most_people:,}", fill=PEOPLE_COLOUR),
        _text(left + plot_w + 6, top + plot_h, "0", fill=PEOPLE_COLOUR),
    ]
    bar_w = max(step * 0.8, 0.5)
    line: list[str] = []
    for i, month in enumerate(series):
        x = left + i * step
        bar_h = plot_h * month.incidents / most_incidents
        tip = (
            f"{month.month}: {month.incidents:,} incident{_s(month.incidents)}, "
            f"{month.people:,} {'person' if month.people == 1 else 'people'}"
        )
        parts.append(
            f'<rect class="bar" x="{x + (step - bar_w) / 2:.1f}" y="{top + plot_h - bar_h:.1f}" '
            f'width="{bar_w:.1f}" height="{bar_h:.1f}" fill="{INCIDENT_COLOUR}">'
            f"<title>{escape(tip)}</title></rect>"
        )
        line.append(f"{x + step / 2:.1f},{top + plot_h - plot_h * month.people / most_people:.1f}")
        if _labelled(month.month, i, len(series)):
            label = month.month[:4] if len(series) > 24 else month.month
            parts.append(_axis_line(x, top + plot_h, x, top + plot_h + 4))
            parts.append(_text(x, top + plot_h + 16, label, anchor="start"))
    parts.append(
        f'<polyline class="people-line" points="{" ".join(line)}" fill="none" '
        f'stroke="{PEOPLE_COLOUR}" stroke-width="2"/>'
    )
    parts.append(
        _legend(left, height - 4, (("incidents", INCIDENT_COLOUR), ("people", PEOPLE_COLOUR)))
    )
    parts.append("</svg>")
    return Markup("".join(parts))


def bar_chart_svg(
    items: Sequence[Bar],
    *,
    series: Sequence[str] = ("incidents",),
    title: str = "",
    width: int = 420,
    row_height: int = 22,
) -> Markup:
    """Horizontal bars, one row per item, its values stacked in the order of ``series``;
    each bar carries a <title> with its label and values."""
    if not items:
        return _empty(width, row_height * 2, "Nothing to count.")
    legend_h = row_height if len(series) > 1 else 0
    height = row_height * len(items) + legend_h + 4
    label_w, value_w = min(160, width // 3), 56
    plot_w = width - label_w - value_w
    most = max(sum(item.values) for item in items) or 1
    parts = [_open(width, height, "bars", title or "Counts")]
    for row, item in enumerate(items):
        y = row * row_height
        parts.append(_text(label_w - 6, y + row_height * 0.68, item.label, anchor="end"))
        x = float(label_w)
        tip = f"{item.label}: " + ", ".join(
            f"{value:,} {name}" for name, value in zip(series, item.values, strict=False)
        )
        segments = []
        for k, value in enumerate(item.values):
            w = plot_w * value / most
            colour = SERIES_COLOURS[k % len(SERIES_COLOURS)]
            segments.append(
                f'<rect class="bar series-{k}" x="{x:.1f}" y="{y + 3}" width="{w:.1f}" '
                f'height="{row_height - 6}" fill="{colour}"><title>{escape(tip)}</title></rect>'
            )
            x += w
        total = _text(x + 4, y + row_height * 0.68, f"{sum(item.values):,}")
        group = "".join(segments) + total
        if item.href:
            group = f'<a href="{escape(item.href)}">{group}</a>'
        parts.append(f"<g>{group}</g>")
    if legend_h:
        legend = tuple(
            (name, SERIES_COLOURS[k % len(SERIES_COLOURS)]) for k, name in enumerate(series)
        )
        parts.append(_legend(label_w, height - 6, legend))
    parts.append("</svg>")
    return Markup("".join(parts))


def _fill_months(months: Sequence[MonthCount]) -> list[MonthCount]:
    """The months from the first to the last, those without incidents as zeros."""
    have = {m.month: m for m in months}
    year, month = map(int, months[0].month.split("-"))
    last = months[-1].month
    filled = []
    while True:
        key = f"{year:04d}-{month:02d}"
        filled.append(have.get(key, MonthCount(key, 0, 0)))
        if key >= last:
            return filled
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _labelled(month: str, index: int, count: int) -> bool:
    # Every month of a short series, each January of a long one, and always the first.
    if index == 0:
        return True
    if count <= 12:
        return True
    if count <= 24:
        return month.endswith(("-01", "-07"))
    return month.endswith("-01") and (count <= 120 or int(month[:4]) % 5 == 0)


def _open(width: int, height: int, kind: str, label: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-{kind}" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-label="{escape(label)}" font-family="sans-serif" font-size="11">'
        f"<title>{escape(label)}</title>"
    )


def _text(x: float, y: float, text: str, *, anchor: str = "start", fill: str = TEXT_COLOUR) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" fill="{fill}">{escape(text)}</text>'
    )


def _axis_line(x1: float, y1: float, x2: float, y2: float) -> str:
    return (
        f'<line class="axis" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
        f'stroke="{AXIS_COLOUR}"/>'
    )


def _legend(x: float, y: float, entries: Sequence[tuple[str, str]]) -> str:
    parts = []
    for name, colour in entries:
        parts.append(
            f'<rect x="{x:.1f}" y="{y - 9:.1f}" width="10" height="10" fill="{colour}"/>'
            + _text(x + 14, y, name)
        )
        x += 14 + 7 * len(name) + 16
    return f'<g class="legend">{"".join(parts)}</g>'


def _empty(width: int, height: int, message: str) -> Markup:
    return Markup(
        _open(width, height, "empty", message)
        + _text(width / 2, height / 2, message, anchor="middle", fill=AXIS_COLOUR)
        + "</svg>"
    )


def _s(n: int) -> str:
    return "" if n == 1 else "s"
