"""Charts and maps drawn on the server as SVG: no script, no map tiles, no outside requests.

Pages and PDF reports use the same functions. Each picture has a title for screen readers and
is meant to stand beside a table with the same figures, so nothing is told by colour alone.
"""

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import count

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from umebra.numbers import figure

INK = "#1d2430"
GRID = "#c9d1dc"
BAR = "#0b4f8a"
# Light to dark; text on the last two is white (contrast at least 4.5:1 either way).
SEQUENTIAL = ["#eef3f9", "#c6d9ee", "#8db4dc", "#3f7fbf", "#0b4f8a"]
NO_DATA = "#ffffff"

# Text size in the drawing's own units. An SVG scales with its frame, text and all: drawn 720
# wide and shown 330 pixels wide on a phone, 11-unit labels come out 5 pixels high. So a page
# draws each chart twice (``for_screen``), and the narrow drawing, shown in a frame of at most
# 30rem (umebra.css, .chart-frame), is 300 units wide with 13-unit text: 12 pixels or more in a
# frame 280 pixels wide or wider, what a 360-pixel phone leaves it.
TEXT = 11
NARROW_WIDTH = 300
NARROW_TEXT = 13

_ids = count(1)


def _svg(width: int, height: int, title: str, body: str) -> SafeString:
    title_id = f"chart-title-{next(_ids)}"
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" width="100%" role="img" '
        'aria-labelledby="{}" class="chart"><title id="{}">{}</title>{}</svg>',
        width,
        height,
        title_id,
        title_id,
        title,
        mark_safe(body),  # built from escaped parts below
    )


def for_screen(draw: Callable[..., SafeString], /, **arguments) -> SafeString:
    """A chart for a page: ``draw(**arguments)`` as drawn for reports and wide screens, and
    again narrow with larger text, for the stylesheet to show the one that fits its frame."""
    wide = draw(**arguments)
    if not wide:
        return wide
    narrow = draw(**arguments, width=NARROW_WIDTH, text=NARROW_TEXT)
    return format_html(
        '<div class="chart-frame"><div class="chart-frame__wide">{}</div>'
        '<div class="chart-frame__narrow">{}</div></div>',
        wide,
        narrow,
    )


def _label_every(labels: Sequence[str], slot: float, text: float) -> int:
    """Label every n-th slot, so that labels of about this many letters do not overlap."""
    widest = max((len(label) for label in labels), default=0) * 0.6 * text + 4
    return max(1, math.ceil(widest / max(slot, 1)))


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 2.5, 5 × 10ⁿ at or above ``value``, for a readable axis."""
    if value <= 0:
        return 1
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def _value_axis(
    values: Sequence[float], *, left: float, right: float, top: float, height: float, text: float
) -> tuple[float, list[str]]:
    """The value axis bar and line charts share: from 0 to a round ceiling over the largest
    value, a grid line across the plot (``left`` to ``right``, ``top`` down ``height``) and
    its figure at each quarter. Returns the ceiling, for scaling, and the drawn axis."""
    ceiling = nice_ceiling(max(values, default=0))
    axis = []
    for fraction in (0, 0.25, 0.5, 0.75, 1):
        y = round(top + height * (1 - fraction), 1)
        axis.append(
            format_html(
                '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}"/>'
                '<text x="{}" y="{}" text-anchor="end" font-size="{}" fill="{}">{}</text>',
                left,
                right,
                y,
                y,
                GRID,
                left - 6,
                round(y + 4 * text / TEXT, 1),
                text,
                INK,
                figure(ceiling * fraction),
            )
        )
    return ceiling, axis


def bar_chart(
    *,
    title: str,
    labels: Sequence[str],
    values: Sequence[float],
    width: int = 720,
    height: int = 260,
    label_every: int = 1,
    text: float = TEXT,
) -> SafeString:
    """Vertical bars with a value axis; each bar carries its label and value as a tooltip."""
    grow = text / TEXT
    left, right, top, bottom = round(44 * grow), 12, 12, round(36 * grow)
    plot_width, plot_height = width - left - right, height - top - bottom
    top_value, parts = _value_axis(
        values, left=left, right=width - right, top=top, height=plot_height, text=text
    )
    slot = plot_width / max(len(values), 1)
    label_every = max(label_every, _label_every(labels, slot, text))
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        bar_height = round(plot_height * value / top_value, 1)
        x = left + index * slot
        parts.append(
            format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}: {}</title></rect>',
                round(x + slot * 0.15, 1),
                round(top + plot_height - bar_height, 1),
                round(slot * 0.7, 1),
                bar_height,
                BAR,
                label,
                figure(value),
            )
        )
        if index % label_every == 0:
            parts.append(
                format_html(
                    '<text x="{}" y="{}" text-anchor="middle" font-size="{}" fill="{}">{}</text>',
                    round(x + slot / 2, 1),
                    round(height - bottom + 16 * grow, 1),
                    text,
                    INK,
                    label,
                )
            )
    return _svg(width, height, title, "".join(parts))


@dataclass(frozen=True)
class Shape:
    """A named area and its boundary as GeoJSON (a Polygon or MultiPolygon, WGS 84)."""

    name: str
    geometry: dict


def _rings(geometry: dict) -> list[list[list[float]]]:
    if geometry["type"] == "Polygon":
        return geometry["coordinates"]
    if geometry["type"] == "MultiPolygon":
        return [ring for polygon in geometry["coordinates"] for ring in polygon]
    raise ValueError(f"not a polygon: {geometry['type']}")


def class_breaks(values: Sequence[float], classes: int = len(SEQUENTIAL)) -> list[float]:
    """Upper bounds of equal-width classes from 0 to the largest value."""
    top = max(values, default=0) or 1
    return [top * (n + 1) / classes for n in range(classes)]


def choropleth(
    *,
    title: str,
    shapes: Sequence[Shape],
    values: dict[str, float],
    unit: str,
    width: int = 560,
    text: float = TEXT,
) -> SafeString:
    """Areas coloured by value, each labelled with its name and value, with a legend."""
    points = [point for shape in shapes for ring in _rings(shape.geometry) for point in ring]
    if not points:
        return SafeString("")
    min_lon, max_lon = min(p[0] for p in points), max(p[0] for p in points)
    min_lat, max_lat = min(p[1] for p in points), max(p[1] for p in points)
    # Equirectangular, shrunk east-west by the latitude so that shapes keep their proportions.
    squeeze = math.cos(math.radians((min_lat + max_lat) / 2))
    span_x, span_y = (max_lon - min_lon) * squeeze or 1, (max_lat - min_lat) or 1
    grow = text / TEXT
    margin, legend_step, legend_row = 10, 104 * grow, 20 * grow
    per_row = max(1, int((width - 2 * margin) // legend_step))
    legend_rows = math.ceil(len(SEQUENTIAL) / per_row)
    legend_height = round(legend_rows * legend_row + 26 * grow)
    scale = (width - 2 * margin) / span_x
    map_height = span_y * scale
    height = int(map_height + 2 * margin + legend_height)

    def project(point):
        return (
            round(margin + (point[0] - min_lon) * squeeze * scale, 1),
            round(margin + (max_lat - point[1]) * scale, 1),
        )

    breaks = class_breaks([values.get(shape.name, 0) for shape in shapes])

    def fill(value):
        if value is None:
            return NO_DATA
        return SEQUENTIAL[next(i for i, bound in enumerate(breaks) if value <= bound + 1e-9)]

    parts = []
    for shape in shapes:
        value = values.get(shape.name)
        path = " ".join(
            "M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in map(project, ring)) + " Z"
            for ring in _rings(shape.geometry)
        )
        parts.append(
            format_html(
                '<path d="{}" fill="{}" stroke="{}" stroke-width="1.5">'
                "<title>{}: {} {}</title></path>",
                path,
                fill(value),
                INK,
                shape.name,
                "–" if value is None else figure(value, 1),
                unit,
            )
        )
    for shape in shapes:
        value = values.get(shape.name)
        ring = [project(p) for p in _rings(shape.geometry)[0]]
        # Pulled in from the edge so that a label wider than its area is not cut off.
        half_label = len(shape.name) * 0.31 * (text + 1)
        cx = sum(x for x, _ in ring) / len(ring)
        cx = round(min(max(cx, half_label), width - half_label), 1)
        cy = round(sum(y for _, y in ring) / len(ring), 1)
        colour = "#ffffff" if fill(value) in SEQUENTIAL[-2:] else INK
        parts.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="middle" font-size="{}" fill="{}">'
                '<tspan x="{}" font-weight="bold">{}</tspan>'
                '<tspan x="{}" dy="{}">{}</tspan></text>',
                cx,
                round(cy - 2, 1),
                text + 1,
                colour,
                cx,
                shape.name,
                cx,
                round(14 * grow, 1),
                "–" if value is None else figure(value, 1),
            )
        )
    legend_y = round(map_height + 2 * margin + 8, 1)
    lower = 0.0
    for index, (colour, bound) in enumerate(zip(SEQUENTIAL, breaks, strict=True)):
        x = round(margin + (index % per_row) * legend_step, 1)
        y = round(legend_y + (index // per_row) * legend_row, 1)
        parts.append(
            format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="{}"/>'
                '<text x="{}" y="{}" font-size="{}" fill="{}">{}–{}</text>',
                x,
                y,
                round(18 * grow, 1),
                round(14 * grow, 1),
                colour,
                INK,
                round(x + 22 * grow, 1),
                round(y + 11 * grow, 1),
                text,
                INK,
                figure(lower, 1),
                figure(bound, 1),
            )
        )
        lower = bound
    parts.append(
        format_html(
            '<text x="{}" y="{}" font-size="{}" fill="{}">{}</text>',
            margin,
            round(legend_y + legend_rows * legend_row + 12 * grow, 1),
            text,
            INK,
            unit,
        )
    )
    return _svg(width, height, title, "".join(parts))


# Line colours and dash patterns: told apart by pattern too, not by colour alone.
LINE_STYLES = [
    ("#0b4f8a", ""),
    ("#a4161a", "6 3"),
    ("#1b6b34", "2 3"),
    ("#8a4b00", "8 3 2 3"),
    ("#5b2a86", "12 4"),
    ("#1d2430", "1 2"),
    ("#0e7490", "4 4"),
    ("#7c2d12", "10 2 2 2"),
]


def line_chart(
    *,
    title: str,
    labels: Sequence[str],
    series: dict[str, Sequence[float | None]],
    width: int = 720,
    height: int = 280,
    text: float = TEXT,
) -> SafeString:
    """One line per series over ``labels``; a gap where a value is missing; a legend below.
    A legend of many rows makes the chart taller rather than its plot flat."""
    grow = text / TEXT
    left, right, top = round(52 * grow), 12, 12
    legend_step, legend_row = 165 * grow, 18 * grow
    per_row = max(1, int((width - left) // legend_step))
    legend_rows = math.ceil(len(series) / per_row)
    bottom = round(36 * grow + legend_row * legend_rows)
    plot_width, plot_height = width - left - right, max(height - top - bottom, height // 2)
    height = top + plot_height + bottom
    present = [v for values in series.values() for v in values if v is not None]
    top_value, parts = _value_axis(
        present, left=left, right=width - right, top=top, height=plot_height, text=text
    )
    step = plot_width / max(len(labels) - 1, 1)
    label_every = max(len(labels) // 12, _label_every(labels, step, text))
    for index, label in enumerate(labels):
        if index % label_every == 0:
            parts.append(
                format_html(
                    '<text x="{}" y="{}" text-anchor="middle" font-size="{}" fill="{}">{}</text>',
                    round(left + index * step, 1),
                    round(top + plot_height + 16 * grow, 1),
                    text,
                    INK,
                    label,
                )
            )
    for number, (name, values) in enumerate(series.items()):
        colour, dash = LINE_STYLES[number % len(LINE_STYLES)]
        runs: list[list[str]] = [[]]  # a missing value starts a new run: the line has a gap
        for index, value in enumerate(values):
            if value is None:
                runs.append([])
                continue
            x = round(left + index * step, 1)
            y = round(top + plot_height * (1 - float(value) / top_value), 1)
            runs[-1].append(f"{x},{y}")
        for points in filter(None, runs):
            parts.append(
                format_html(
                    '<polyline points="{}" fill="none" stroke="{}" stroke-width="2" '
                    'stroke-dasharray="{}"><title>{}</title></polyline>',
                    " ".join(points),
                    colour,
                    dash,
                    name,
                )
            )
        legend_x = round(left + (number % per_row) * legend_step, 1)
        legend_y = round(top + plot_height + 30 * grow + legend_row * (number // per_row), 1)
        parts.append(
            format_html(
                '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" stroke-width="2" '
                'stroke-dasharray="{}"/><text x="{}" y="{}" font-size="{}" fill="{}">{}</text>',
                legend_x,
                round(legend_x + 24 * grow, 1),
                legend_y,
                legend_y,
                colour,
                dash,
                round(legend_x + 30 * grow, 1),
                round(legend_y + 4 * grow, 1),
                text,
                INK,
                name,
            )
        )
    return _svg(width, height, title, "".join(parts))
