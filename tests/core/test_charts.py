"""Server-drawn SVG: well-formed, titled, escaped, true to the figures, and readable on paper,
where no tooltip shows: a visible title and unit, lines told apart by more than colour, and a
map on which a hidden or empty area never passes for a calm one."""

import itertools
import xml.etree.ElementTree as ET

import pytest
from django.utils import translation

from umebra import charts

SVG = "{http://www.w3.org/2000/svg}"
SQUARE = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]}


def parse(svg: str) -> ET.Element:
    return ET.fromstring(str(svg))


def texts(root: ET.Element) -> list[str]:
    """Every visible text, a wrapped one joined back into one line."""
    return [" ".join(t.text for t in text.iter() if t.text) for text in root.iter(f"{SVG}text")]


def square(x: float) -> dict:
    return {"type": "Polygon", "coordinates": [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]]}


def test_a_bar_chart_has_one_bar_per_value_scaled_to_a_round_axis():
    root = parse(
        charts.bar_chart(title="Per vecka", labels=["v1", "v2", "v3"], values=[3, 7, 0], unit="st")
    )
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "Per vecka"
    bars = root.findall(f"{SVG}rect")
    assert len(bars) == 3
    heights = [float(bar.get("height")) for bar in bars]
    assert heights[1] > heights[0] > heights[2] == 0
    assert [bar.find(f"{SVG}title").text for bar in bars] == ["v1: 3", "v2: 7", "v3: 0"]
    ticks = texts(root)[2:7]
    assert ticks == ["0", "2,5", "5", "7,5", "10"]  # Swedish decimal comma, no trailing zeros


@pytest.mark.parametrize(
    "draw",
    [
        lambda: charts.bar_chart(
            title="Gemensamma insatser per månad, 2026 kv 3",
            labels=["2026-07", "2026-08"],
            values=[3, 4],
            unit="insatser",
        ),
        lambda: charts.horizontal_bar_chart(
            title="Gemensamma insatser per månad, 2026 kv 3",
            labels=["Dialog", "Trygghetsvandring"],
            values=[3, 4],
            unit="insatser",
        ),
        lambda: charts.line_chart(
            title="Gemensamma insatser per månad, 2026 kv 3",
            labels=["2026-07", "2026-08"],
            series={"Teg": [1, 2]},
            unit="insatser",
        ),
    ],
)
def test_every_chart_shows_its_title_and_the_unit_of_its_value_axis(draw):
    root = parse(draw())
    title, _unit = root.findall(f"{SVG}text")[:2]
    assert title.get("font-weight") == "bold"
    assert texts(root)[:2] == ["Gemensamma insatser per månad, 2026 kv 3", "insatser"]
    assert root.find(f"{SVG}title").text == "Gemensamma insatser per månad, 2026 kv 3"


def test_a_long_title_is_wrapped_not_cut():
    title = "Effekt per 1 000 kr per projekt, " * 4
    root = parse(charts.bar_chart(title=title, labels=["a"], values=[1], unit="", width=300))
    lines = root.find(f"{SVG}text").findall(f"{SVG}tspan")
    assert len(lines) > 1 and " ".join(t.text for t in lines) == title.strip()


def test_horizontal_bars_wrap_long_labels_between_words_and_print_each_value():
    labels = ["Föräldravandring", "Kameragenomgång i centrum och på torget", "LOS-insats"]
    root = parse(
        charts.horizontal_bar_chart(
            title="Insatser per typ", labels=labels, values=[4, 12, None], unit="insatser"
        )
    )
    label_texts = [t for t in root.iter(f"{SVG}text") if t.get("text-anchor") == "end"]
    assert [" ".join(s.text for s in t) for t in label_texts] == labels  # whole, never cut
    narrow = parse(
        charts.horizontal_bar_chart(
            title="t", labels=labels, values=[4, 12, None], unit="", width=300, text=13
        )
    )
    wrapped = [t for t in narrow.iter(f"{SVG}text") if t.get("text-anchor") == "end"][1]
    lines = [s.text for s in wrapped]
    assert len(lines) > 1 and " ".join(lines) == labels[1]  # broken between words only
    assert set(" ".join(lines).split()) == set(labels[1].split())
    bars = root.findall(f"{SVG}rect")
    assert [b.find(f"{SVG}title").text for b in bars] == [
        f"{label}: {v}" for label, v in zip(labels, ["4", "12", "–"], strict=True)
    ]
    assert (
        float(bars[1].get("width")) > float(bars[0].get("width")) > float(bars[2].get("width")) == 0
    )
    assert [t for t in texts(root) if t in {"4", "12", "–"}] == ["4", "12", "–"]


def test_month_labels_are_thinned_until_none_overlaps_and_both_ends_stay_whole():
    months = [f"2026-{m:02}" for m in range(1, 13)]
    for width, text in ((720, charts.TEXT), (charts.NARROW_WIDTH, charts.NARROW_TEXT)):
        root = parse(
            charts.line_chart(
                title="t",
                labels=months,
                series={"a": list(range(12))},
                unit="",
                width=width,
                text=text,
            )
        )
        drawn = [t for t in root.iter(f"{SVG}text") if t.text in months]
        spans = [
            (
                float(t.get("x")) - charts._text_width(t.text, text) / 2,
                float(t.get("x")) + charts._text_width(t.text, text) / 2,
            )
            for t in drawn
        ]
        assert (drawn[0].text, drawn[-1].text) == ("2026-01", "2026-12")
        assert spans[0][0] >= 0 and spans[-1][1] <= width
        assert all(a[1] < b[0] for a, b in itertools.pairwise(spans))
    assert len(drawn) < 12  # thinned on the narrow drawing


def test_text_is_escaped():
    root = parse(charts.bar_chart(title="<script>", labels=["<b>"], values=[1], unit="<i>"))
    assert root.find(f"{SVG}title").text == "<script>"  # parsed back: it was escaped
    assert texts(root)[:2] == ["<script>", "<i>"]


def test_nice_ceilings():
    assert [charts.nice_ceiling(v) for v in (0, 3, 7, 11, 26, 480)] == [1, 5, 10, 20, 50, 500]


def map_of(values, hidden=(), names=("Låg", "Hög")):
    return parse(
        charts.choropleth(
            title="Karta",
            shapes=[charts.Shape(name, square(2 * n)) for n, name in enumerate(names)],
            values=values,
            unit="per 1 000",
            hidden=hidden,
            empty_label="inga observationer",
        )
    )


def area_fills(root: ET.Element) -> dict[str, str]:
    return {
        p.find(f"{SVG}title").text.split(":")[0]: p.get("fill")
        for p in root.iter(f"{SVG}path")
        if p.find(f"{SVG}title") is not None
    }


def test_a_map_colours_each_area_by_its_class_and_labels_it_in_the_readers_language():
    root = map_of({"Låg": 1.0, "Hög": 10.5})
    assert area_fills(root) == {"Låg": charts.SEQUENTIAL[0], "Hög": charts.SEQUENTIAL[-1]}
    labels = [t.text for t in root.iter(f"{SVG}tspan") if t.text in {"Låg", "Hög", "1,0", "10,5"}]
    assert labels == ["Låg", "1,0", "Hög", "10,5"]
    assert "0,0–2,1" in texts(root) and "2,1–4,2" in texts(root)
    assert "per 1 000" in texts(root)
    with translation.override("en"):
        assert "10.5" in [t.text for t in map_of({"Låg": 1.0, "Hög": 10.5}).iter(f"{SVG}tspan")]


def test_the_lowest_class_is_tinted_not_white():
    lightest = charts.SEQUENTIAL[0].lstrip("#")
    assert lightest.lower() != "ffffff"
    assert min(int(lightest[i : i + 2], 16) for i in (0, 2, 4)) < 0xE0


def legend_fill(root: ET.Element, label: str) -> str:
    """The fill of the swatch drawn just before the legend entry ``label``."""
    children = list(root)
    at = next(i for i, e in enumerate(children) if e.tag == f"{SVG}text" and e.text == label)
    return children[at - 1].get("fill")


def test_hidden_and_empty_areas_have_fills_and_legend_entries_of_their_own():
    with translation.override("sv"):
        root = map_of(
            {"Låg": 1.0, "Hög": 10.5, "Noll": 0},
            hidden={"Dold"},
            names=("Låg", "Hög", "Dold", "Tom", "Noll"),
        )
    fills = area_fills(root)
    patterns = {f"url(#{p.get('id')})" for p in root.iter(f"{SVG}pattern")}
    assert fills["Dold"] in patterns and fills["Tom"] in patterns
    assert fills["Dold"] != fills["Tom"]
    assert fills["Noll"] == fills["Tom"]  # zero is no observations, not the lowest class
    assert not {fills["Dold"], fills["Tom"]} & set(charts.SEQUENTIAL)
    assert legend_fill(root, "dolt") == fills["Dold"]
    assert legend_fill(root, "inga observationer") == fills["Tom"]
    tspans = [t.text for t in root.iter(f"{SVG}tspan")]
    assert tspans[tspans.index("Dold") + 1] == "dolt"
    assert "Dold: dolt " in [
        p.find(f"{SVG}title").text
        for p in root.iter(f"{SVG}path")
        if p.find(f"{SVG}title") is not None
    ]


def test_a_map_names_in_its_legend_only_the_patterns_it_uses():
    legend = texts(map_of({"Låg": 1.0, "Hög": 10.5}))
    assert "dolt" not in legend and "inga observationer" not in legend


def test_the_hidden_label_is_translated():
    with translation.override("en"):
        root = map_of({"Låg": 1.0}, hidden={"Hög"})
    assert "hidden" in texts(root)


def test_a_map_without_boundaries_is_empty():
    assert charts.choropleth(title="Karta", shapes=[], values={}, unit="", empty_label="") == ""


def test_bar_and_line_charts_draw_the_same_value_axis_for_the_same_figures():
    def ticks(svg) -> list[str]:
        return texts(parse(svg))[2:7]

    with translation.override("sv"):
        bars = charts.bar_chart(title="t", labels=["a", "b"], values=[3, 7], unit="u")
        lines = charts.line_chart(title="t", labels=["a", "b"], series={"s": [3, 7]}, unit="u")
    assert ticks(bars) == ticks(lines) == ["0", "2,5", "5", "7,5", "10"]


EIGHT = {f"Område {n}": [n, n + 1, None, n * 2] for n in range(1, 9)}
MONTHS = ["2025-10", "2025-11", "2025-12", "2026-01"]


def test_a_line_chart_refuses_more_lines_than_can_be_told_apart():
    with pytest.raises(ValueError, match="at most 4"):
        charts.line_chart(title="t", labels=MONTHS, series=dict(list(EIGHT.items())[:5]), unit="%")


def marker_shapes(group: ET.Element) -> set[tuple[str, int]]:
    """What each marker looks like: its element, and a polygon's number of corners."""
    return {
        (child.tag, len(child.get("points", "").split()))
        for child in group
        if child.tag in {f"{SVG}circle", f"{SVG}rect", f"{SVG}polygon"}
    }


def test_each_line_has_its_own_marker_and_dash_and_the_legend_shows_both():
    root = parse(
        charts.line_chart(title="t", labels=MONTHS, series=dict(list(EIGHT.items())[:4]), unit="%")
    )
    lines = [g for g in root.findall(f"{SVG}g") if g.find(f"{SVG}title") is not None]
    assert len(lines) == 4
    markers = [marker_shapes(g) for g in lines]
    assert all(len(m) == 1 for m in markers) and len({m.pop() for m in markers}) == 4
    assert len({g.find(f"{SVG}polyline").get("stroke-dasharray") for g in lines}) == 4
    # Marked every other point of four, and the last: the missing third has none.
    assert len(lines[0].findall(f"{SVG}circle")) == 2
    legend = root.find(f"{SVG}g[@transform]")
    assert len(legend.findall(f"{SVG}line")) == 4
    assert len(marker_shapes(legend)) == 4
    assert [t.text for t in legend.findall(f"{SVG}text")] == list(EIGHT)[:4]


def svgs(html: str) -> list[ET.Element]:
    """The charts of small multiples, each parsed."""
    return [parse("<svg" + part[: part.index("</svg>") + 6]) for part in html.split("<svg")[1:]]


def test_small_multiples_split_eight_areas_into_charts_of_four_on_one_axis_under_one_title():
    html = str(
        charts.small_multiples(title="Otrygghet per område", labels=MONTHS, series=EIGHT, unit="%")
    )
    # One heading for all, said once (each chart drawn under it has its unit and legend).
    assert html.count("Otrygghet per område</p>") == 1
    roots = svgs(html)
    assert len(roots) == 2
    for root, names in zip(roots, (list(EIGHT)[:4], list(EIGHT)[4:]), strict=True):
        assert len([g for g in root.findall(f"{SVG}g") if g.find(f"{SVG}title") is not None]) == 4
        # A screen reader hears the heading and the chart's areas.
        assert root.find(f"{SVG}title").text == "Otrygghet per område: " + ", ".join(names)
        assert texts(root)[0] == "%"
    assert texts(roots[0])[1:6] == texts(roots[1])[1:6] == ["0", "5", "10", "15", "20"]
    single = str(
        charts.small_multiples(title="t", labels=MONTHS, series=EIGHT, unit="%", per_chart=1)
    )
    assert single.count("<svg") == 8


def test_small_multiples_of_few_series_are_one_chart_under_the_title():
    html = str(
        charts.small_multiples(
            title="Otrygghet", labels=MONTHS, series=dict(list(EIGHT.items())[:3]), unit="%"
        )
    )
    assert html.count("<svg") == 1 and '<p class="small-multiples__title">Otrygghet</p>' in html


def test_a_long_line_is_marked_at_a_few_points_first_and_last_among_them():
    months = [f"2026-{m:02}" for m in range(1, 13)]
    root = parse(
        charts.line_chart(title="t", labels=months, series={"a": list(range(12))}, unit="%")
    )
    line = next(g for g in root.findall(f"{SVG}g") if g.find(f"{SVG}title") is not None)
    xs = [float(c.get("cx")) for c in line.findall(f"{SVG}circle")]
    points = [float(p.split(",")[0]) for p in line.find(f"{SVG}polyline").get("points").split()]
    assert len(xs) == 4 and xs[0] == points[0] and xs[-1] == points[-1]


def test_a_low_plot_has_its_value_axis_at_the_halves():
    root = parse(
        charts.line_chart(
            title="t", labels=MONTHS, series={"a": [3, 7, 1, 9]}, unit="%", height=150
        )
    )
    assert texts(root)[2:5] == ["0", "5", "10"]


def test_a_chart_for_a_page_is_drawn_wide_and_narrow_with_larger_text_in_the_narrow_one():
    html = str(
        charts.for_screen(charts.bar_chart, title="t", labels=["v1", "v2"], values=[3, 7], unit="u")
    )
    wide, narrow = (parse(part[part.index("<svg") :]) for part in html.split("</div>")[:2])
    assert wide.get("viewBox").startswith("0 0 720 ")
    assert narrow.get("viewBox").startswith(f"0 0 {charts.NARROW_WIDTH} ")
    assert {float(t.get("font-size")) for t in narrow.iter(f"{SVG}text")} == {charts.NARROW_TEXT}
    assert {float(t.get("font-size")) for t in wide.iter(f"{SVG}text")} == {charts.TEXT}


def test_a_map_without_boundaries_is_empty_for_a_page_too():
    assert (
        charts.for_screen(
            charts.choropleth, title="K", shapes=[], values={}, unit="", empty_label=""
        )
        == ""
    )
