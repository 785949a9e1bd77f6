"""Charts and maps drawn on the server as SVG: no script, no map tiles, no outside requests.

Pages and PDF reports use the same functions. A PDF is read on paper, where a tooltip never
shows: so each picture says in visible text what it measures, in which unit and over which
period (the caller writes that into ``title`` and ``unit``), keeps a ``<title>`` for screen
readers, and stands beside a table with the same figures. Nothing is told by colour alone.

Text is laid out from an estimate of its width in DejaVu Sans, the reports' font, taken on
the wide side, so that labels are thinned, wrapped or pulled in before they could overlap or
be cut at the picture's edge.
"""

import math
import textwrap
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from itertools import count, pairwise

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from umebra.numbers import figure

INK = "#1d2430"
GRID = "#c9d1dc"
BAR = "#0b4f8a"
# Light to dark; text on the last two is white (contrast at least 4.5:1 either way). The
# lightest is tinted, so that no class looks like the white of paper.
SEQUENTIAL = ["#cfe0f2", "#a3c4e6", "#6fa2d6", "#2f6aa8", "#0b4f8a"]

# Text size in the drawing's own units. An SVG scales with its frame, text and all: drawn 720
# wide and shown 330 pixels wide on a phone, 11-unit labels come out 5 pixels high. So a page
# draws each chart twice (``for_screen``), and the narrow drawing, shown in a frame of at most
# 30rem (umebra.css, .chart-frame), is 300 units wide with 13-unit text: 12 pixels or more in a
# frame 280 pixels wide or wider, what a 360-pixel phone leaves it.
TEXT = 11
NARROW_WIDTH = 300
NARROW_TEXT = 13

# DejaVu Sans's widest common letters (digits, capitals) per unit of text size, and the
# baseline-to-baseline distance of wrapped lines.
LETTER = 0.64
BOLD_LETTER = 0.72
LINE = 1.3
MARGIN = 10

_ids = count(1)


def _text_width(label: str, text: float, bold: bool = False) -> float:
    return len(label) * text * (BOLD_LETTER if bold else LETTER)


def _wrap(label: str, width: float, text: float, bold: bool = False) -> list[str]:
    """``label`` in lines no wider than ``width``, broken between words (inside a word only
    when that word alone is wider)."""
    letters = max(1, int(width // (text * (BOLD_LETTER if bold else LETTER))))
    return textwrap.wrap(label, letters) or [""]


def _text(
    lines: Sequence[str], *, x: float, top: float, text: float, anchor="start", bold=False
) -> tuple[str, float]:
    """Lines of text below ``top``, one ``<text>`` with a ``<tspan>`` a line; returns the SVG
    and the height it takes."""
    if not lines:
        return "", 0
    tspans = "".join(
        format_html(
            '<tspan x="{}" y="{}">{}</tspan>',
            round(x, 1),
            round(top + text + n * LINE * text, 1),
            line,
        )
        for n, line in enumerate(lines)
    )
    svg = format_html(
        '<text text-anchor="{}" font-size="{}" fill="{}"{}>{}</text>',
        anchor,
        text,
        INK,
        mark_safe(' font-weight="bold"') if bold else "",
        mark_safe(tspans),  # escaped line by line
    )
    return svg, len(lines) * LINE * text


def _heading(title: str, unit: str, *, width: int, text: float, unit_x: float = MARGIN):
    """The visible title, bold and wrapped to the width, and under it the unit the value axis
    counts in, starting at ``unit_x``. Returns the SVG and the height both take."""
    title_svg, title_height = _text(
        _wrap(title, width - 2 * MARGIN, text, bold=True) if title else [],
        x=MARGIN,
        top=MARGIN,
        text=text,
        bold=True,
    )
    unit_svg, unit_height = _text(
        _wrap(unit, width - MARGIN - unit_x, text),
        x=unit_x,
        top=MARGIN + title_height + 0.3 * text,
        text=text,
    )
    return title_svg + unit_svg, MARGIN + title_height + 0.3 * text + unit_height


def _svg(width: int, height: float, title: str, body: str) -> SafeString:
    title_id = f"chart-title-{next(_ids)}"
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" width="100%" role="img" '
        'aria-labelledby="{}" class="chart"><title id="{}">{}</title>{}</svg>',
        width,
        math.ceil(height),
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


def _axis_labels(
    labels: Sequence[str], centres: Sequence[float], *, y: float, width: int, text: float
) -> list[str]:
    """Labels under the plot, each centred on its point but pulled in whole from the
    picture's edges: every n-th, the smallest n at which none comes near the next, and the last
    too (the period a reader looks for first), in place of the n-th before it if need be."""
    spans = []
    for label, centre in zip(labels, centres, strict=True):
        half = _text_width(label, text) / 2
        spans.append((label, min(max(centre, half + 1), width - half - 1), half))

    def apart(a, b):  # with two letters' room between them, so that they read as apart
        return a[1] + a[2] + 2 * text <= b[1] - b[2]

    def every_nth(n):
        shown = spans[::n]
        if spans and shown[-1] is not spans[-1]:
            shown = (
                [*shown[:-1], spans[-1]] if not apart(shown[-1], spans[-1]) else [*shown, spans[-1]]
            )
        return shown

    n = 1
    while not all(apart(a, b) for a, b in pairwise(every_nth(n))):
        n += 1
    return [
        format_html(
            '<text x="{}" y="{}" text-anchor="middle" font-size="{}" fill="{}">{}</text>',
            round(centre, 1),
            round(y, 1),
            text,
            INK,
            label,
        )
        for label, centre, _half in every_nth(n)
    ]


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
    values: Sequence[float],
    *,
    left: float,
    right: float,
    top: float,
    height: float,
    text: float,
    ceiling: float | None = None,
) -> tuple[float, list[str]]:
    """The value axis bar and line charts share: from 0 to ``ceiling`` (by default a round
    one over the largest value), a grid line across the plot (``left`` to ``right``, ``top``
    down ``height``) and its figure at each quarter, or at each half in a plot too low for
    quarters to stand clear of one another. Returns the ceiling, for scaling, and the drawn
    axis."""
    ceiling = ceiling or nice_ceiling(max(values, default=0))
    fractions = (0, 0.25, 0.5, 0.75, 1) if height / 4 >= 2.5 * text else (0, 0.5, 1)
    axis = []
    for fraction in fractions:
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
    unit: str,
    width: int = 720,
    height: int = 260,
    text: float = TEXT,
) -> SafeString:
    """Vertical bars for a run of periods (months, weeks), over a value axis in ``unit``.
    Their short labels are thinned, never overlapping or cut; categories, whose names are
    long, go to :func:`horizontal_bar_chart`. Each bar has its label and value as a tooltip."""
    grow = text / TEXT
    heading, top = _heading(title, unit, width=width, text=text)
    top += 0.5 * text
    left, right, bottom = round(44 * grow), 12, round(36 * grow)
    plot_width, plot_height = width - left - right, max(height - top - bottom, height // 2)
    height = top + plot_height + bottom
    top_value, parts = _value_axis(
        values, left=left, right=width - right, top=top, height=plot_height, text=text
    )
    slot = plot_width / max(len(values), 1)
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        bar_height = round(plot_height * value / top_value, 1)
        parts.append(
            format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}: {}</title></rect>',
                round(left + index * slot + slot * 0.15, 1),
                round(top + plot_height - bar_height, 1),
                round(slot * 0.7, 1),
                bar_height,
                BAR,
                label,
                figure(value),
            )
        )
    parts += _axis_labels(
        labels,
        [left + (index + 0.5) * slot for index in range(len(labels))],
        y=top + plot_height + 20 * grow,  # clear of the axis figure 0
        width=width,
        text=text,
    )
    return _svg(width, height, title, heading + "".join(parts))


def horizontal_bar_chart(
    *,
    title: str,
    labels: Sequence[str],
    values: Sequence[float | None],
    unit: str,
    places: int | None = None,
    width: int = 720,
    text: float = TEXT,
) -> SafeString:
    """Horizontal bars for categories: the names in a column on the left, wrapped between
    words onto as many lines as they need, so none is cut or runs into the next, and each
    value printed at the end of its bar (``places`` decimals; "–" and no bar for ``None``).
    """
    grow = text / TEXT
    # Two fifths of the width for the names, more (up to a half) for a long word, so that
    # words are broken only where no column could hold them.
    longest_word = max((_text_width(w, text) for label in labels for w in label.split()), default=0)
    column = max(width * 0.4, min(longest_word + MARGIN, width * 0.5)) - MARGIN
    wrapped = [_wrap(label, column, text) for label in labels]
    column = max((_text_width(line, text) for lines in wrapped for line in lines), default=0)
    bars_x = MARGIN + column + 8 * grow
    heading, y = _heading(title, unit, width=width, text=text, unit_x=bars_x)
    y += 0.3 * text
    shown = ["–" if value is None else figure(value, places) for value in values]
    room = max((_text_width(s, text) for s in shown), default=0) + 6 * grow
    longest = width - MARGIN - room - bars_x
    top_value = max((v for v in values if v is not None), default=0) or 1
    thickness, gap = 14 * grow, 6 * grow
    first = y
    parts = []
    for label, lines, value, text_value in zip(labels, wrapped, values, shown, strict=True):
        row = max(len(lines) * LINE * text, thickness)
        middle = y + row / 2
        label_svg, _label_height = _text(
            lines,
            x=bars_x - 8 * grow,
            top=middle - len(lines) * LINE * text / 2,
            text=text,
            anchor="end",
        )
        length = 0 if value is None else round(longest * float(value) / float(top_value), 1)
        parts.append(label_svg)
        parts.append(
            format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}: {}</title></rect>'
                '<text x="{}" y="{}" font-size="{}" fill="{}">{}</text>',
                round(bars_x, 1),
                round(middle - thickness / 2, 1),
                length,
                round(thickness, 1),
                BAR,
                label,
                text_value,
                round(bars_x + length + 4 * grow, 1),
                round(middle + 0.35 * text, 1),
                text,
                INK,
                text_value,
            )
        )
        y += row + gap
    parts.append(
        format_html(
            '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}"/>',
            round(bars_x, 1),
            round(bars_x, 1),
            round(first, 1),
            round(y - gap, 1),
            INK,
        )
    )
    return _svg(width, y + MARGIN, title, heading + "".join(parts))


def _legend(
    entries: Sequence[tuple[Callable[[float, float], str], str]],
    *,
    top: float,
    width: int,
    text: float,
    swatch: float,
) -> tuple[str, float]:
    """Legend entries, each a swatch drawn by ``draw(x, middle)`` and its label, in rows
    across the picture, a new row where the next entry would not fit. Returns the SVG and
    the height."""
    grow = text / TEXT
    row = LINE * text + 4 * grow
    x, y, parts = MARGIN, top, []
    for draw, label in entries:
        entry = swatch + 6 * grow + _text_width(label, text)
        if x > MARGIN and x + entry > width - MARGIN:
            x, y = MARGIN, y + row
        middle = y + row / 2
        parts.append(draw(x, middle))
        parts.append(
            format_html(
                '<text x="{}" y="{}" font-size="{}" fill="{}">{}</text>',
                round(x + swatch + 6 * grow, 1),
                round(middle + 0.35 * text, 1),
                text,
                INK,
                label,
            )
        )
        x += entry + 16 * grow
    return "".join(parts), (y + row - top) if entries else 0


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
    empty_label: str,
    hidden: Collection[str] = (),
    hidden_label: str | None = None,
    width: int = 560,
    text: float = TEXT,
) -> SafeString:
    """Areas coloured by value, each labelled with its name and value, with a legend.

    An area in ``hidden`` (its count kept back by small-count suppression, or without a
    rate to draw) is hatched and labelled ``hidden_label``, "hidden" unless given; one with
    no value, or zero, is dotted and explained by ``empty_label`` ("no observations").
    Neither looks like a class: a reader must not take a hidden hotspot, or an area nobody
    reported from, for one of the calmest places.
    """
    points = [point for shape in shapes for ring in _rings(shape.geometry) for point in ring]
    if not points:
        return SafeString("")
    min_lon, max_lon = min(p[0] for p in points), max(p[0] for p in points)
    min_lat, max_lat = min(p[1] for p in points), max(p[1] for p in points)
    # Equirectangular, shrunk east-west by the latitude so that shapes keep their proportions.
    squeeze = math.cos(math.radians((min_lat + max_lat) / 2))
    span_x, span_y = (max_lon - min_lon) * squeeze or 1, (max_lat - min_lat) or 1
    grow = text / TEXT
    heading, map_top = _heading(title, "", width=width, text=text)
    scale = (width - 2 * MARGIN) / span_x
    map_bottom = map_top + span_y * scale

    def project(point):
        return (
            round(MARGIN + (point[0] - min_lon) * squeeze * scale, 1),
            round(map_top + (max_lat - point[1]) * scale, 1),
        )

    hidden_label = hidden_label or _("hidden")
    number = next(_ids)
    hidden_fill, empty_fill = f"url(#hidden-{number})", f"url(#empty-{number})"
    patterns = format_html(
        '<defs><pattern id="hidden-{}" width="6" height="6" patternUnits="userSpaceOnUse">'
        '<rect width="6" height="6" fill="#ffffff"/>'
        '<path d="M0,6 L6,0 M-1,1 L1,-1 M5,7 L7,5" stroke="{}" stroke-width="1.5"/></pattern>'
        '<pattern id="empty-{}" width="6" height="6" patternUnits="userSpaceOnUse">'
        '<rect width="6" height="6" fill="#ffffff"/>'
        '<circle cx="3" cy="3" r="1" fill="{}"/></pattern></defs>',
        number,
        INK,
        number,
        INK,
    )
    breaks = class_breaks([values.get(shape.name, 0) for shape in shapes])

    def fill(name):
        if name in hidden:
            return hidden_fill
        if not values.get(name):
            return empty_fill
        value = values[name]
        return SEQUENTIAL[next(i for i, bound in enumerate(breaks) if value <= bound + 1e-9)]

    def shown(name):
        if name in hidden:
            return hidden_label
        return "–" if values.get(name) is None else figure(values[name], 1)

    parts = [patterns]
    for shape in shapes:
        path = " ".join(
            "M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in map(project, ring)) + " Z"
            for ring in _rings(shape.geometry)
        )
        parts.append(
            format_html(
                '<path d="{}" fill="{}" stroke="{}" stroke-width="1.5">'
                "<title>{}: {} {}</title></path>",
                path,
                fill(shape.name),
                INK,
                shape.name,
                shown(shape.name),
                "" if shape.name in hidden else unit,
            )
        )
    for shape in shapes:
        ring = [project(p) for p in _rings(shape.geometry)[0]]
        # Pulled in from the edges so that a label wider than its area is not cut off.
        half_label = _text_width(shape.name, text + 1, bold=True) / 2
        cx = sum(x for x, _y in ring) / len(ring)
        cx = round(min(max(cx, half_label + 1), width - half_label - 1), 1)
        cy = sum(y for _x, y in ring) / len(ring)
        cy = round(min(max(cy, map_top + text + 1), map_bottom - 14 * grow), 1)
        colour = "#ffffff" if fill(shape.name) in SEQUENTIAL[-2:] else INK
        if fill(shape.name) in (hidden_fill, empty_fill):  # a plain ground to read it on
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" rx="2" fill="#ffffff"/>',
                    round(cx - half_label - 3, 1),
                    round(cy - 2 - text - 2, 1),
                    round(2 * half_label + 6, 1),
                    round(text + 7 + 14 * grow, 1),
                )
            )
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
                shown(shape.name),
            )
        )
    unit_svg, unit_height = _text(
        _wrap(unit, width - 2 * MARGIN, text), x=MARGIN, top=map_bottom + MARGIN, text=text
    )
    parts.append(unit_svg)

    def swatch(colour):
        return lambda x, middle: format_html(
            '<rect x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="{}"/>',
            round(x, 1),
            round(middle - 7 * grow, 1),
            round(18 * grow, 1),
            round(14 * grow, 1),
            colour,
            INK,
        )

    lower = 0.0
    entries = []
    for colour, bound in zip(SEQUENTIAL, breaks, strict=True):
        entries.append((swatch(colour), f"{figure(lower, 1)}–{figure(bound, 1)}"))
        lower = bound
    names = [shape.name for shape in shapes]
    if any(name in hidden for name in names):
        entries.append((swatch(hidden_fill), hidden_label))
    if any(fill(name) == empty_fill for name in names):
        entries.append((swatch(empty_fill), empty_label))
    legend, legend_height = _legend(
        entries, top=map_bottom + MARGIN + unit_height, width=width, text=text, swatch=18 * grow
    )
    parts.append(legend)
    height = map_bottom + MARGIN + unit_height + legend_height + MARGIN
    return _svg(width, height, title, heading + "".join(parts))


# Colour, dash pattern and marker of each line: told apart by shape and pattern too, not by
# colour alone. More lines than these cannot be told apart, in print least of all.
LINE_STYLES = [
    ("#0b4f8a", "", "circle"),
    ("#a4161a", "6 3", "square"),
    ("#1b6b34", "2 3", "triangle"),
    ("#8a4b00", "8 3 2 3", "diamond"),
]
MAX_LINES = len(LINE_STYLES)
MARKERS_PER_LINE = 3


def _marker(shape: str, x: float, y: float, colour: str, size: float) -> str:
    """A point's marker, filled, with a white rim that parts it from a crossing line."""
    outline = f'fill="{colour}" stroke="#ffffff" stroke-width="1"'
    if shape == "circle":
        return f'<circle cx="{x}" cy="{y}" r="{round(size, 1)}" {outline}/>'
    if shape == "square":
        side = round(size * 1.7, 1)
        return (
            f'<rect x="{round(x - side / 2, 1)}" y="{round(y - side / 2, 1)}" '
            f'width="{side}" height="{side}" {outline}/>'
        )
    if shape == "triangle":
        corners = [(x, y - size * 1.2), (x + size * 1.15, y + size), (x - size * 1.15, y + size)]
    else:
        corners = [
            (x, y - size * 1.3),
            (x + size * 1.3, y),
            (x, y + size * 1.3),
            (x - size * 1.3, y),
        ]
    points = " ".join(f"{round(a, 1)},{round(b, 1)}" for a, b in corners)
    return f'<polygon points="{points}" {outline}/>'


def line_chart(
    *,
    title: str,
    labels: Sequence[str],
    series: dict[str, Sequence[float | None]],
    unit: str,
    ceiling: float | None = None,
    width: int = 720,
    height: int = 280,
    text: float = TEXT,
    titled: bool = True,
) -> SafeString:
    """One line per series over ``labels``, at most :data:`MAX_LINES`, each with its own
    colour, dash and marker at every point; a gap where a value is missing; a legend below
    that shows dash and marker. More series: :func:`small_multiples`. ``ceiling`` fixes the
    value axis, so that charts drawn side by side compare. A legend of many rows makes the
    chart taller rather than its plot flat. ``titled=False`` leaves the title to the screen
    reader's ``<title>`` alone, for charts under one heading (:func:`small_multiples`)."""
    if len(series) > MAX_LINES:
        raise ValueError(
            f"{len(series)} lines in one chart; at most {MAX_LINES} can be told apart"
            " (draw small_multiples)"
        )
    grow = text / TEXT
    heading, top = _heading(title if titled else "", unit, width=width, text=text)
    top += 0.5 * text
    left, right = round(52 * grow), round(12 * grow)
    size = 3.5 * grow

    def sample(colour, dash, marker):
        def draw(x, middle):
            return format_html(
                '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" stroke-width="2" '
                'stroke-dasharray="{}"/>{}',
                round(x, 1),
                round(x + 28 * grow, 1),
                round(middle, 1),
                round(middle, 1),
                colour,
                dash,
                mark_safe(_marker(marker, round(x + 14 * grow, 1), round(middle, 1), colour, size)),
            )

        return draw

    entries = [(sample(*style), name) for style, name in zip(LINE_STYLES, series, strict=False)]
    legend_top_offset = 26 * grow
    legend, legend_height = _legend(entries, top=0, width=width, text=text, swatch=28 * grow)
    bottom = legend_top_offset + legend_height + MARGIN
    plot_width, plot_height = width - left - right, max(height - top - bottom, height // 2)
    present = [v for values in series.values() for v in values if v is not None]
    top_value, parts = _value_axis(
        present,
        left=left,
        right=width - right,
        top=top,
        height=plot_height,
        text=text,
        ceiling=ceiling,
    )
    step = plot_width / max(len(labels) - 1, 1)
    parts += _axis_labels(
        labels,
        [left + index * step for index in range(len(labels))],
        y=top + plot_height + 20 * grow,  # clear of the axis figure 0
        width=width,
        text=text,
    )
    # A marker at every point crowds a long series and slows the PDF: a few tell the line.
    every = max(1, math.ceil(len(labels) / MARKERS_PER_LINE))
    for (colour, dash, marker), (name, values) in zip(LINE_STYLES, series.items(), strict=False):
        runs: list[list[str]] = [[]]  # a missing value starts a new run: the line has a gap
        markers = []
        for index, value in enumerate(values):
            if value is None:
                runs.append([])
                continue
            x = round(left + index * step, 1)
            y = round(top + plot_height * (1 - float(value) / top_value), 1)
            runs[-1].append(f"{x},{y}")
            if index % every == 0 or index == len(values) - 1:
                markers.append(_marker(marker, x, y, colour, size))
        lines = "".join(
            format_html(
                '<polyline points="{}" fill="none" stroke="{}" stroke-width="2" '
                'stroke-dasharray="{}"/>',
                " ".join(points),
                colour,
                dash,
            )
            for points in filter(None, runs)
        )
        parts.append(
            format_html(
                "<g><title>{}</title>{}{}</g>", name, mark_safe(lines), mark_safe("".join(markers))
            )
        )
    parts.append(
        format_html(
            '<g transform="translate(0 {})">{}</g>',
            round(top + plot_height + legend_top_offset, 1),
            mark_safe(legend),
        )
    )
    return _svg(width, top + plot_height + bottom, title, heading + "".join(parts))


def small_multiples(
    *,
    title: str,
    labels: Sequence[str],
    series: dict[str, Sequence[float | None]],
    unit: str,
    per_chart: int = MAX_LINES,
    width: int = 720,
    height: int = 240,
    text: float = TEXT,
) -> SafeString:
    """Series that one chart cannot hold drawn as several line charts of at most
    ``per_chart`` lines (1: one per area), shared out evenly, over one value axis so that
    they compare, under one heading: each chart's legend names its areas, and its
    ``<title>`` says them to a screen reader. One heading, not one a chart, because a
    report of fifty indicators by ten areas draws 150 of them, and each line of text costs
    WeasyPrint time."""
    names = list(series)
    charts = max(1, math.ceil(len(names) / per_chart))
    size = math.ceil(len(names) / charts) if names else 0
    groups = [names[n : n + size] for n in range(0, len(names), size)] if names else [[]]
    present = [v for values in series.values() for v in values if v is not None]
    ceiling = nice_ceiling(max(present, default=0))
    drawn = [
        line_chart(
            title=_("%(title)s: %(areas)s") % {"title": title, "areas": ", ".join(group)},
            labels=labels,
            series={name: series[name] for name in group},
            unit=unit,
            ceiling=ceiling,
            width=width,
            height=height,
            text=text,
            titled=False,
        )
        for group in groups
    ]
    return format_html(
        '<div class="small-multiples"><p class="small-multiples__title">{}</p>{}</div>',
        title,
        mark_safe("".join(drawn)),
    )
