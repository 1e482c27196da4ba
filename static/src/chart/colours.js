/* The one place the chart takes the page's colours. The server's figure is
 * drawn for a light page and lists each colour's lighter twin (figure.dark,
 * timeline/chart/draw_plotly.py); a dark page draws the twins instead, its
 * range bars whole and thinner, and text in the page's text colour
 * (plotly.js's dark grey would vanish on a dark page). The first view (the
 * server's SVG) takes the same colours from site.css. Pure: tests/js. */

/**
 * Whether a CSS colour ("rgb(240, 240, 240)") is light text, that is, the page is dark.
 * @param {string} colour
 */
export function isLightText(colour) {
  const rgb = (colour.match(/\d+(\.\d+)?/g) || []).map(Number);
  return rgb.length >= 3 && rgb[0] + rgb[1] + rgb[2] > 3 * 128;
}

/**
 * The figure to draw on a page whose text colour is `text`: a copy, the figure stays the server's.
 * @param {Figure} figure
 * @param {string} text the chart's computed CSS colour
 * @returns {{data: Trace[], layout: Layout}}
 */
export function themed(figure, text) {
  const dark = isLightText(text);
  /** @type {Record<string, string>} */
  const swap = dark ? { ...figure.dark } : {};
  /** @template T @param {T} value @returns {T} */
  const painted = (value) =>
    /** @type {T} */ (
      Array.isArray(value) ? value.map(painted) : typeof value === "string" ? swap[value] || value : value
    );
  const data = figure.data.map((trace) => {
    const copy = { ...trace };
    if (trace.marker) {
      copy.marker = { ...trace.marker, color: painted(trace.marker.color) };
      if (trace.marker.line)
        copy.marker.line = { ...trace.marker.line, color: painted(trace.marker.line.color) };
    }
    if (trace.line) copy.line = { ...trace.line, color: painted(trace.line.color) };
    // Range bars: faded on a light page, whole and thinner on a dark one (3:1 against it).
    const look = trace.meta === "ranges" && figure.range_bars && figure.range_bars[dark ? "dark" : "light"];
    if (look) {
      copy.opacity = look.opacity;
      copy.line = { ...copy.line, width: look.width };
    }
    return copy;
  });
  const layout = figure.layout;
  return {
    data,
    layout: {
      ...layout,
      font: { ...layout.font, color: text },
      shapes: (layout.shapes || []).map((shape) =>
        shape.fillcolor ? { ...shape, fillcolor: painted(shape.fillcolor) } : shape,
      ),
    },
  };
}
