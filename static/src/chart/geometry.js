/* Pure arithmetic of the chart: dates on its time axis, the window the
 * server lays out, where a mark sits on the page. No DOM, no plotly.js:
 * tests/js runs it under node. */

// The dates a chart may show (EARLIEST_SUPPORTED, LATEST_SUPPORTED in timeline/models.py).
export const FIRST_DAY = "0500-01-01";
export const LAST_DAY = "2999-12-31";
// The server lays out plots from this width up (MIN_PLOT_WIDTH in timeline/chart/style.py).
export const MIN_PLOT_WIDTH = 100;
// A layout made for a plot this much wider or narrower than the one drawn is redone.
export const WIDTH_TOLERANCE_PX = 10;
// A first view laid out for the reader's width keeps the server's height if within this share of it.
export const HEIGHT_TOLERANCE = 0.1;

/**
 * A date as plotly.js writes it ("2026-01-13", "2026-01-13 12:00", ISO with T or Z),
 * in milliseconds; plotly.js's dates have no time zone, read here as UTC.
 * @param {string | number | null | undefined} value
 */
export function toTime(value) {
  if (typeof value === "number") return value;
  if (!value) return NaN;
  let text = String(value).trim().replace(" ", "T");
  if (/^\d{4}-\d{2}$/.test(text)) text += "-01";
  if (!/[zZ]|[+-]\d{2}:?\d{2}$/.test(text.slice(10))) text += text.length === 10 ? "T00:00:00Z" : "Z";
  return Date.parse(text);
}

/**
 * The day of a point on the axis, as YYYY-MM-DD, within the supported dates. The last day shown
 * is the one the range's end falls in (an end at midnight belongs to the day before).
 * @param {string | number} value
 * @param {boolean} roundUp
 */
export function isoDay(value, roundUp) {
  let time = toTime(value);
  if (isNaN(time)) return roundUp ? LAST_DAY : FIRST_DAY;
  if (roundUp) time -= 1;
  time = Math.min(toTime(LAST_DAY), Math.max(toTime(FIRST_DAY), time));
  return new Date(time).toISOString().slice(0, 10);
}

/**
 * The width of the plot (the box without its margins) for a box this wide.
 * @param {number} boxWidth
 * @param {Layout | undefined} layout
 */
export function plotWidth(boxWidth, layout) {
  const margin = (layout && layout.margin) || {};
  return Math.max(0, boxWidth - (margin.l || 0) - (margin.r || 0));
}

/**
 * The window the server is asked to lay out: the whole days of a range at a plot width.
 * @param {(string | number)[]} range
 * @param {number} width the plot's width in pixels
 */
export function windowOf(range, width) {
  const from = isoDay(range[0], false);
  const to = isoDay(range[1], true);
  const plot = Math.max(MIN_PLOT_WIDTH, Math.round(width));
  return { from, to, width: plot, key: `${from}/${to}/${plot}` };
}

/**
 * Whether a figure laid out for one plot width should be laid out again for another.
 * @param {number | undefined} laidOutFor
 * @param {number} width
 */
export function needsRefit(laidOutFor, width) {
  return (
    !!laidOutFor && Math.abs(Math.max(MIN_PLOT_WIDTH, Math.round(width)) - laidOutFor) > WIDTH_TOLERANCE_PX
  );
}

/**
 * A height for a figure fitted to the reader's width: the server's, unless the rows need
 * many more or fewer pixels (then the box may change; a little closer or further apart otherwise).
 * @param {number} fitted
 * @param {number} server
 */
export function keptHeight(fitted, server) {
  return Math.abs(fitted - server) <= HEIGHT_TOLERANCE * server ? server : fitted;
}

/**
 * A value's position along an axis of `length` pixels, from the axis's start.
 * @param {Axis} axis
 * @param {string | number} value
 * @param {number} length
 */
function along(axis, value, length) {
  const range = axis.range || [0, 1];
  const read = axis.type === "date" ? toTime : Number;
  const [start, end] = [read(range[0]), read(range[1])];
  return ((read(value) - start) / (end - start)) * length;
}

/**
 * Where each axis's share of the plot lies, in pixels.
 * @param {Axis | undefined} axis
 * @param {number} offset
 * @param {number} length
 */
function span(axis, offset, length) {
  const [low, high] = (axis && axis.domain) || [0, 1];
  return { offset: offset + low * length, length: (high - low) * length };
}

/**
 * Every event mark's centre in view, in the coordinates of `box` (the chart's box on the page),
 * from the figure as drawn (data, and layout with its current range), in the figure's order.
 * @param {Trace[]} data
 * @param {Layout} layout
 * @param {Box} box
 */
export function markCentres(data, layout, box) {
  const margin = layout.margin || {};
  const width = box.width - (margin.l || 0) - (margin.r || 0);
  const height = (layout.height || box.height) - (margin.t || 0) - (margin.b || 0);
  const xaxis = { type: "date", ...layout.xaxis };
  const x = span(xaxis, box.left + (margin.l || 0), width);
  // Plot y runs up the screen: the domain's 0 is the plot's bottom.
  const yaxis = layout.yaxis || {};
  const [low, high] = yaxis.domain || [0, 1];
  const yTop = box.top + (margin.t || 0) + (1 - high) * height;
  const yLength = (high - low) * height;
  const [y0, y1] = (yaxis.range || [0, 1]).map(Number);
  /** @type {{slug: string, x: number, y: number}[]} */
  const centres = [];
  for (const trace of data) {
    if (trace.meta !== "events") continue;
    (trace.customdata || []).forEach((point, index) => {
      if (!point) return;
      const left = along(xaxis, /** @type {string} */ ((trace.x || [])[index]), x.length);
      if (!(left >= 0 && left <= x.length)) return;
      const fromTop = ((y1 - Number((trace.y || [])[index])) / (y1 - y0)) * yLength;
      centres.push({ slug: point[0], x: x.offset + left, y: yTop + fromTop });
    });
  }
  return centres;
}

/**
 * The centre of an event's first mark in view, or null when it has none in view.
 * @param {Trace[]} data
 * @param {Layout} layout
 * @param {Box} box
 * @param {string} slug
 */
export function markCentre(data, layout, box, slug) {
  const found = markCentres(data, layout, box).find((centre) => centre.slug === slug);
  return found ? { x: found.x, y: found.y } : null;
}

/**
 * The event whose mark is nearest a point (a click, a tap), within `radius` pixels, or null.
 * @param {Trace[]} data
 * @param {Layout} layout
 * @param {Box} box
 * @param {{x: number, y: number}} at
 * @param {number} radius
 */
export function markAt(data, layout, box, at, radius) {
  let best = null;
  let bestDistance = radius;
  for (const centre of markCentres(data, layout, box)) {
    const distance = Math.hypot(centre.x - at.x, centre.y - at.y);
    if (distance <= bestDistance) {
      best = centre.slug;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Every event drawn, once: its slug, its position on the time axis and its first point.
 * @param {Trace[]} data
 */
export function drawnEvents(data) {
  /** @type {Map<string, {slug: string, x: string, curveNumber: number, pointNumber: number}>} */
  const bySlug = new Map();
  data.forEach((trace, curveNumber) => {
    (trace.customdata || []).forEach((point, pointNumber) => {
      const slug = point && point[0];
      if (!slug || bySlug.has(slug)) return;
      const x = trace.type === "bar" ? (trace.base || [])[pointNumber] : (trace.x || [])[pointNumber];
      bySlug.set(slug, { slug, x: String(x), curveNumber, pointNumber });
    });
  });
  return [...bySlug.values()];
}

/**
 * The drawn events in the order of the list under the chart, then any not listed by date.
 * @param {ReturnType<typeof drawnEvents>} events
 * @param {string[]} listed slugs in the list's order
 */
export function inListOrder(events, listed) {
  const bySlug = new Map(events.map((item) => [item.slug, item]));
  const ordered = [...new Set(listed)].filter((slug) => bySlug.has(slug)).map((slug) => bySlug.get(slug));
  const inList = new Set(ordered);
  const rest = events.filter((item) => !inList.has(item)).sort((a, b) => toTime(a.x) - toTime(b.x));
  return /** @type {typeof events} */ ([...ordered, ...rest]);
}

/**
 * A range of the same length centred on `at`, or null when `at` is already in view.
 * @param {(string | number)[]} range
 * @param {string | number} at
 */
export function rangeAround(range, at) {
  const [start, end] = range.map(toTime);
  const time = toTime(at);
  if (time >= start && time <= end) return null;
  const half = (end - start) / 2;
  return [new Date(time - half).toISOString(), new Date(time + half).toISOString()];
}

/**
 * The range after scaling it by `factor` around the time `centre` (a pinch: factor < 1 zooms in).
 * @param {(string | number)[]} range
 * @param {number} centre
 * @param {number} factor
 */
export function scaledRange(range, centre, factor) {
  return range.map((edge) => new Date(centre + (toTime(edge) - centre) * factor).toISOString());
}

/**
 * The time under a pixel of the plot.
 * @param {(string | number)[]} range
 * @param {number} pixel from the plot's left edge
 * @param {number} width the plot's width
 */
export function timeAt(range, pixel, width) {
  const [start, end] = range.map(toTime);
  return start + (pixel / width) * (end - start);
}
