/* The one module that talks to plotly.js: every Plotly.* call and every
 * read of what it drew goes through here, through its public API (the graph
 * div's data and layout, its events, Plotly.react/relayout/Fx). A plotly.js
 * upgrade is checked here, and by the browser tests through the chart's seam. */

import { markAt, markCentre } from "./geometry.js";

// The time axis: the one plotly.js zooms and pans.
const TIME_AXIS = "xaxis";

/** What a reader can use: zoom in, zoom out, back to the first view. */
const CONFIG = {
  // The drawing follows its box's width; the controller also fits it when a resize has rested
  // (resize() below), so it knows when one is under way.
  responsive: true,
  displaylogo: false,
  modeBarButtons: [["zoomIn2d", "zoomOut2d", "resetScale2d"]],
  doubleClick: "reset",
  // The wheel is the page's; chart/gestures.js zooms with ctrl/⌘ + wheel, or once engaged.
  scrollZoom: false,
};

// The languages whose dictionaries the vendored plotly.js carries (tools/build-plotly.mjs):
// its mode bar's tooltips ("Zoom in", "Reset axes") in the page's language. The figure's
// own words (ticks, labels, hovers) come written by the server in that language already.
const LOCALES = ["ja", "ko"];

/**
 * plotly.js's config for a page written in `lang` (its <html lang>): a registered
 * locale for Japanese and Korean pages, English for every other.
 * @param {string} lang
 */
export function configFor(lang) {
  const base = (lang || "").trim().toLowerCase().split("-")[0];
  return { ...CONFIG, locale: LOCALES.includes(base) ? base : "en" };
}

/**
 * The language of the page the box is on: its <html lang>.
 * @param {HTMLElement} holder
 */
function pageLanguage(holder) {
  const root = holder.ownerDocument && holder.ownerDocument.documentElement;
  return (root && root.lang) || "";
}

/** Whether plotly.js is on the page. */
export function available() {
  return typeof window.Plotly !== "undefined";
}

/** @returns {any} */
function plotly() {
  return window.Plotly;
}

/**
 * Whether plotly.js has drawn into this box (and not been purged since).
 * @param {HTMLElement} holder
 */
export function isDrawn(holder) {
  const graph = /** @type {PlotlyHolder} */ (holder);
  return Array.isArray(graph.data) && !!graph.layout;
}

/**
 * Draw (or update) the figure in the box.
 * @param {HTMLElement} holder
 * @param {{data: Trace[], layout: Layout}} figure
 * @param {{pan: boolean}} options whether a one-finger or mouse drag pans the chart (engaged) or not
 * @returns {Promise<void>}
 */
export function draw(holder, figure, options) {
  // Every click in the plot is told (plotly_click), on a mark or not: listen() finds the mark.
  const layout = {
    ...figure.layout,
    clickmode: "event",
    clickanywhere: true,
    dragmode: options.pan ? "pan" : false,
  };
  return plotly().react(holder, figure.data, layout, configFor(pageLanguage(holder)));
}

/**
 * Fit the drawing to the box's width now (the box keeps the figure's height).
 * @param {HTMLElement} holder
 * @returns {Promise<void>}
 */
export function resize(holder) {
  return plotly().Plots.resize(holder);
}

/**
 * The time range in view, as plotly.js last drew it.
 * @param {HTMLElement} holder
 * @returns {(string | number)[] | null}
 */
export function range(holder) {
  const layout = /** @type {PlotlyHolder} */ (holder).layout;
  const axis = layout && layout[TIME_AXIS];
  return axis && axis.range ? axis.range.slice() : null;
}

/**
 * Show this time range.
 * @param {HTMLElement} holder
 * @param {(string | number)[]} to
 */
export function setRange(holder, to) {
  return plotly().relayout(holder, { [`${TIME_AXIS}.range`]: to });
}

/**
 * Whether a plotly_relayout event changed the time range.
 * @param {Record<string, unknown>} change
 */
export function changesRange(change) {
  return Object.keys(change).some(
    (name) => name.startsWith(`${TIME_AXIS}.range`) || name === `${TIME_AXIS}.autorange`,
  );
}

/**
 * Let the reader drag the plot (pan) or not: the page owns one-finger swipes until the chart is engaged.
 * @param {HTMLElement} holder
 * @param {boolean} pan
 */
export function setPanning(holder, pan) {
  return plotly().relayout(holder, { dragmode: pan ? "pan" : false });
}

// How far from a mark's centre a click still opens it, when the figure does not say (its hoverdistance).
const HIT_RADIUS_PX = 13;

/**
 * Listen to what the reader does in the plot.
 * @param {HTMLElement} holder
 * @param {{open: (slug: string) => void, missed: (event: Event) => void, zoomed: (change: Record<string, unknown>) => void}} on
 */
export function listen(holder, on) {
  const graph = /** @type {PlotlyHolder & {on: Function}} */ (holder);
  /* A click in the plot (the figure's clickanywhere makes plotly.js say so) opens the mark under
   * it: found from where the press was, not from plotly.js's last hover, which lags the pointer
   * (it is throttled) and is not there at all for a finger. */
  graph.on("plotly_click", (/** @type {any} */ click) => {
    const event = click.event;
    const slug = event && slugAt(holder, { x: event.clientX, y: event.clientY });
    if (slug) on.open(slug);
    else if (event) on.missed(event);
  });
  // A label opens its event too; lane names are not events.
  graph.on("plotly_clickannotation", (/** @type {any} */ event) => {
    const name = event.annotation && event.annotation.name;
    if (name && name !== "lane") on.open(name);
  });
  graph.on("plotly_relayout", on.zoomed);
}

/**
 * The event whose mark is under a point of the viewport, or null.
 * @param {HTMLElement} holder
 * @param {{x: number, y: number}} at
 */
export function slugAt(holder, at) {
  const graph = /** @type {PlotlyHolder} */ (holder);
  if (!graph.data || !graph.layout || !isFinite(at.x) || !isFinite(at.y)) return null;
  const box = holder.getBoundingClientRect();
  const radius = Number(graph.layout.hoverdistance) || HIT_RADIUS_PX;
  return markAt(
    graph.data,
    graph.layout,
    { left: box.left, top: box.top, width: box.width, height: box.height },
    at,
    radius,
  );
}

/**
 * Show a point's hover label: the keyboard's visible highlight.
 * @param {HTMLElement} holder
 * @param {{curveNumber: number, pointNumber: number}} point
 */
export function highlight(holder, point) {
  try {
    plotly().Fx.hover(holder, [point]);
  } catch {
    /* A point outside the drawn window has no label; the announcement still says where we are. */
  }
}

/** @param {HTMLElement} holder */
export function unhighlight(holder) {
  if (available() && isDrawn(holder)) plotly().Fx.unhover(holder);
}

/**
 * Forget the drawing (a history snapshot keeps none of plotly.js's live markup).
 * @param {HTMLElement} holder
 */
export function purge(holder) {
  if (available()) plotly().purge(holder);
  holder.querySelectorAll(".plot-container").forEach((drawing) => drawing.remove());
}

/**
 * The plot's area (the box without its margins) on the page.
 * @param {HTMLElement} holder
 * @returns {Box}
 */
export function plotArea(holder) {
  const layout = /** @type {PlotlyHolder} */ (holder).layout || {};
  const margin = layout.margin || {};
  const box = holder.getBoundingClientRect();
  return {
    left: box.left + (margin.l || 0),
    top: box.top + (margin.t || 0),
    width: box.width - (margin.l || 0) - (margin.r || 0),
    height: box.height - (margin.t || 0) - (margin.b || 0),
  };
}

/**
 * The centre of an event's mark as drawn, in viewport coordinates, or null when out of view.
 * @param {HTMLElement} holder
 * @param {string} slug
 */
export function markCentreOf(holder, slug) {
  const graph = /** @type {PlotlyHolder} */ (holder);
  if (!graph.data || !graph.layout) return null;
  const box = holder.getBoundingClientRect();
  return markCentre(
    graph.data,
    graph.layout,
    { left: box.left, top: box.top, width: box.width, height: box.height },
    slug,
  );
}

/**
 * Every label and lane name drawn: the event it names (or "lane") and its text's box on the page.
 * @param {HTMLElement} holder
 */
export function labelBoxes(holder) {
  const graph = /** @type {PlotlyHolder} */ (holder);
  const notes = (graph.layout && graph.layout.annotations) || [];
  return [...holder.querySelectorAll(".annotation")].map((node) => {
    const note = notes[Number(node.getAttribute("data-index"))] || {};
    const text = node.querySelector(".annotation-text") || node;
    const box = text.getBoundingClientRect();
    return {
      name: note.name || "",
      text: node.textContent || "",
      left: box.left,
      right: box.right,
      top: box.top,
      bottom: box.bottom,
    };
  });
}

/**
 * The slugs of every event in the figure drawn (those out of view too, ready for a pan).
 * @param {HTMLElement} holder
 */
export function drawnSlugs(holder) {
  const slugs = new Set();
  for (const trace of /** @type {PlotlyHolder} */ (holder).data || []) {
    for (const point of trace.customdata || []) if (point) slugs.add(point[0]);
  }
  return [...slugs].sort();
}
