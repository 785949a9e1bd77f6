"""The charts as a browser lays them out in DejaVu Sans, the reports' font: the widths of
text in umebra.charts are estimates, and only real glyphs can show that no label runs into
another or off the picture (issue 18: "FöräldravandringKameragenomgångLOS-insats", "2026-1").
"""

import pytest
from django.utils import translation
from playwright.sync_api import Page

from collaboration.demo import AREAS, schematic_boundary
from umebra import charts

pytestmark = pytest.mark.e2e

# Every <text> of every chart on the page, its box in the chart's own units, and the pairs
# whose boxes overlap by more than a hair.
MEASURE = """() => [...document.querySelectorAll("svg")].map((svg, n) => {
    const frame = svg.getBoundingClientRect();
    const view = svg.viewBox.baseVal;
    const scale = frame.width / view.width;
    const boxes = [...svg.querySelectorAll("text")].map((text) => {
        const r = text.getBoundingClientRect();
        return {
            text: text.textContent,
            left: (r.left - frame.left) / scale, right: (r.right - frame.left) / scale,
            top: (r.top - frame.top) / scale, bottom: (r.bottom - frame.top) / scale,
        };
    });
    const outside = boxes.filter((b) =>
        b.left < -0.5 || b.top < -0.5 || b.right > view.width + 0.5 || b.bottom > view.height + 0.5
    ).map((b) => b.text);
    const overlapping = [];
    boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => {
        const wide = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const high = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (wide > 0.5 && high > 0.5) overlapping.push([a.text, b.text]);
    }));
    return {chart: n, texts: boxes.length, outside, overlapping};
})"""


def drawings() -> list[str]:
    """A horizontal bar chart with long names, twelve months of bars, a line chart of four
    areas and the demo map with a hidden and an empty area, each wide and narrow."""
    months = [f"2026-{month:02}" for month in range(1, 13)]
    kinds = [
        "Föräldravandring",
        "Kameragenomgång vid centrumhuset och busstorget",
        "LOS-insats",
        "Lovaktivitet för unga i Holmsund och på Ålidhem under sportlovet",
        "Dialog",
    ]
    names = list(AREAS)
    drawn = []
    with translation.override("sv"):
        for width, text in ((720, charts.TEXT), (charts.NARROW_WIDTH, charts.NARROW_TEXT)):
            size = {"width": width, "text": text}
            drawn += [
                charts.horizontal_bar_chart(
                    title="Samverkansinsatser efter typ, 2026 kv 3",
                    labels=kinds,
                    values=[12, 3, 41, 1250.5, 0],
                    unit="insatser, räknade en gång för varje deltagande aktör",
                    **size,
                ),
                charts.bar_chart(
                    title="Samverkansinsatser per månad, 2026",
                    labels=months,
                    values=[4, 8, 15, 16, 23, 42, 8, 15, 4, 8, 16, 23],
                    unit="samverkansinsatser",
                    **size,
                ),
                charts.line_chart(
                    title="Upplevd otrygghet per område, 2025-10 till 2026-09",
                    labels=months,
                    series={
                        name: [10 + n + m % 3 for m in range(12)]
                        for n, name in enumerate(names[:4])
                    },
                    unit="%",
                    **size,
                ),
                charts.choropleth(
                    title="Observationer per 1 000 invånare och område, 2026 kv 3",
                    shapes=[
                        charts.Shape(name, schematic_boundary(*centre))
                        for name, (_p, centre) in AREAS.items()
                    ],
                    values={name: 0.4 * n for n, name in enumerate(names[2:], start=1)},
                    hidden={names[0]},
                    unit="observationer per 1 000 invånare",
                    empty_label="inga observationer",
                    **size,
                ),
            ]
    return [str(svg) for svg in drawn]


def test_no_text_in_a_chart_overlaps_another_or_leaves_the_picture(page: Page):
    svgs = drawings()
    page.set_content(
        '<!doctype html><html lang="sv"><body style="margin: 0; font-family: \'DejaVu Sans\'">'
        + "".join(f'<div style="width: 720px">{svg}</div>' for svg in svgs)
        + "</body></html>"
    )
    measured = page.evaluate(MEASURE)
    assert len(measured) == len(svgs) == 8
    assert all(chart["texts"] > 5 for chart in measured)
    assert [(c["chart"], c["outside"], c["overlapping"]) for c in measured] == [
        (n, [], []) for n in range(8)
    ]
