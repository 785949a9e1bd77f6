"""Server-drawn SVG: well-formed, titled, escaped, and true to the figures."""

import xml.etree.ElementTree as ET

from django.utils import translation

from umebra import charts

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(str(svg))


def test_a_bar_chart_has_one_bar_per_value_scaled_to_a_round_axis():
    root = parse(charts.bar_chart(title="Per vecka", labels=["v1", "v2", "v3"], values=[3, 7, 0]))
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "Per vecka"
    bars = root.findall(f"{SVG}rect")
    assert len(bars) == 3
    heights = [float(bar.get("height")) for bar in bars]
    assert heights[1] > heights[0] > heights[2] == 0
    assert [bar.find(f"{SVG}title").text for bar in bars] == ["v1: 3", "v2: 7", "v3: 0"]
    ticks = [text.text for text in root.iter(f"{SVG}text")][:5]
    assert ticks == ["0", "2,5", "5", "7,5", "10"]  # Swedish decimal comma, no trailing zeros


def test_text_is_escaped():
    root = parse(charts.bar_chart(title="<script>", labels=["<b>"], values=[1]))
    assert root.find(f"{SVG}title").text == "<script>"  # parsed back: it was escaped


def test_nice_ceilings():
    assert [charts.nice_ceiling(v) for v in (0, 3, 7, 11, 26, 480)] == [1, 5, 10, 20, 50, 500]


def test_a_map_colours_each_area_by_its_class_and_labels_it_in_the_readers_language():
    square = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]}
    moved = {"type": "Polygon", "coordinates": [[[2, 0], [3, 0], [3, 1], [2, 1], [2, 0]]]}

    def draw():
        return parse(
            charts.choropleth(
                title="Karta",
                shapes=[charts.Shape("Låg", square), charts.Shape("Hög", moved)],
                values={"Låg": 1.0, "Hög": 10.5},
                unit="per 1 000",
            )
        )

    root = draw()
    fills = {
        p.find(f"{SVG}title").text.split(":")[0]: p.get("fill") for p in root.iter(f"{SVG}path")
    }
    assert fills == {"Låg": charts.SEQUENTIAL[0], "Hög": charts.SEQUENTIAL[-1]}
    labels = [t.text for t in root.iter(f"{SVG}tspan")]
    assert labels == ["Låg", "1,0", "Hög", "10,5"]
    legend = [t.text for t in root.iter(f"{SVG}text") if not list(t)][:2]
    assert legend == ["0,0–2,1", "2,1–4,2"]
    with translation.override("en"):
        assert [t.text for t in draw().iter(f"{SVG}tspan")] == ["Låg", "1.0", "Hög", "10.5"]


def test_a_map_without_boundaries_is_empty():
    assert charts.choropleth(title="Karta", shapes=[], values={}, unit="") == ""


def test_bar_and_line_charts_draw_the_same_value_axis_for_the_same_figures():
    def ticks(svg) -> list[str]:
        return [text.text for text in parse(svg).iter(f"{SVG}text")][:5]

    with translation.override("sv"):
        bars = charts.bar_chart(title="t", labels=["a", "b"], values=[3, 7])
        lines = charts.line_chart(title="t", labels=["a", "b"], series={"s": [3, 7]})
    assert ticks(bars) == ticks(lines) == ["0", "2,5", "5", "7,5", "10"]


def test_a_chart_for_a_page_is_drawn_wide_and_narrow_with_larger_text_in_the_narrow_one():
    html = str(charts.for_screen(charts.bar_chart, title="t", labels=["v1", "v2"], values=[3, 7]))
    wide, narrow = (parse(part[part.index("<svg") :]) for part in html.split("</div>")[:2])
    assert wide.get("viewBox") == "0 0 720 260"
    assert narrow.get("viewBox").startswith(f"0 0 {charts.NARROW_WIDTH} ")
    assert {float(t.get("font-size")) for t in narrow.iter(f"{SVG}text")} == {charts.NARROW_TEXT}
    assert {float(t.get("font-size")) for t in wide.iter(f"{SVG}text")} == {charts.TEXT}


def test_a_map_without_boundaries_is_empty_for_a_page_too():
    assert charts.for_screen(charts.choropleth, title="K", shapes=[], values={}, unit="") == ""
