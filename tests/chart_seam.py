"""
What browser tests know of the chart: its state on #chart (`data-state`,
`data-drawn-by`) and its seam, `window.summit.chart` (static/src/chart/charts.js).
Never plotly.js's internals: a plotly.js upgrade breaks the product or nothing.
"""

from playwright.sync_api import expect

# Generous: two cores shared by parallel browser tests.
expect.set_options(timeout=20_000)

# Every event's mark in view: its slug and centre, in viewport coordinates.
MARK_CENTRES = """() => window.summit.chart.drawnSlugs()
  .map((slug) => ({slug, centre: window.summit.chart.markCentre(slug)}))
  .filter((mark) => mark.centre)
  .map((mark) => ({slug: mark.slug, x: mark.centre.x, y: mark.centre.y}))"""


def settled(page, drawn_by: str | None = None) -> None:
    """Wait until the chart is drawn (by plotly.js or the server, if said) and has nothing left to do."""
    chart = page.locator("#chart")
    if drawn_by:
        expect(chart).to_have_attribute("data-drawn-by", drawn_by)
    expect(chart).to_have_attribute("data-state", "idle")


def open_chart(page, url: str, drawn_by: str | None = None) -> None:
    page.goto(url)
    settled(page, drawn_by)


def mark_centre(page, slug: str) -> dict:
    centre = page.evaluate("(slug) => window.summit.chart.markCentre(slug)", slug)
    assert centre, f"{slug} has no mark in view"
    return centre


def mark_centres(page) -> list[dict]:
    return page.evaluate(MARK_CENTRES)


def drawn_slugs(page) -> list[str]:
    return page.evaluate("() => window.summit.chart.drawnSlugs()")


def chart_range(page) -> list[str]:
    return page.evaluate("() => window.summit.chart.range()")


def range_span_ms(page) -> float:
    return page.evaluate("() => { const r = window.summit.chart.range(); return new Date(r[1]) - new Date(r[0]); }")


def zoom_to(page, start: str, end: str) -> None:
    """Zoom the chart as a reader would, then wait until it is laid out again."""
    page.evaluate("(range) => window.summit.chart.zoomTo(range)", [start, end])
    settled(page, "plotly")


def plot_area(page) -> dict:
    return page.evaluate("() => window.summit.chart.plotArea()")


def label_boxes(page) -> list[dict]:
    return page.evaluate("() => window.summit.chart.labelBoxes()")


def laid_out_for(page) -> int:
    return page.evaluate("() => window.summit.chart.laidOutFor()")
