/* Starts a controller for the page's chart (#chart), again for each chart an
 * htmx swap brings (filters, a history restore), tells it when plotly.js is
 * wanted and when it is here (the loader, loader/plotly.js, says so with
 * document events), and offers tests their seam: window.summit.chart. */

import { summit } from "../namespace.js";
import { ChartController } from "./controller.js";
import * as plotly from "./plotly.js";

/** @type {WeakMap<HTMLElement, ChartController>} */
const controllers = new WeakMap();

/** The figure the server laid out for a chart: the JSON beside it. @param {HTMLElement} holder */
function serverFigure(holder) {
  const source =
    (holder.parentElement && holder.parentElement.querySelector("script[type='application/json']")) ||
    document.getElementById("timeline-figure");
  return source ? /** @type {Figure} */ (JSON.parse(source.textContent || "null")) : null;
}

/** The controller of the chart on the page now, started if it has none. */
export function currentChart() {
  const holder = document.getElementById("chart");
  if (!holder) return null;
  const known = controllers.get(holder);
  if (known) return known;
  const figure = serverFigure(holder);
  if (!figure) return null;
  const loading = summit().plotly;
  const controller = new ChartController(holder, figure, {
    // The page `/` loads plotly.js once it is idle: its chart is not settled before that.
    expectPlotly:
      !!document.querySelector("script[data-plotly][data-load=idle]") ||
      (!!loading && loading.state !== "waiting"),
    ownsHistory: window.parent === window,
  });
  controllers.set(holder, controller);
  if (plotly.available()) controller.plotlyArrived();
  else if (loading && loading.state === "loading") controller.prepare();
  return controller;
}

/** The seam browser tests use instead of plotly.js's internals. */
const seam = {
  /** @param {string} slug the centre of the event's mark in view, in viewport coordinates */
  markCentre: (slug) => currentChart()?.markCentre(slug) ?? null,
  /** The slugs of the events drawn (those out of view too, once plotly.js draws). */
  drawnSlugs: () => currentChart()?.drawnSlugs() ?? [],
  /** The time range in view. */
  range: () => currentChart()?.range() ?? null,
  /** The plot width the figure drawn was laid out for. */
  laidOutFor: () => currentChart()?.figure.layout.meta?.width ?? null,
  /** Every label drawn by plotly.js: the event it names and its box. */
  labelBoxes: () => {
    const chart = currentChart();
    return chart && plotly.isDrawn(chart.holder) ? plotly.labelBoxes(chart.holder) : [];
  },
  /** The plot's area on the page (plotly.js's drawing). */
  plotArea: () => {
    const chart = currentChart();
    return chart && plotly.isDrawn(chart.holder) ? plotly.plotArea(chart.holder) : null;
  },
  /**
   * Show this range, as a zoom would (resolves once laid out again and settled).
   * @param {string[]} range
   */
  zoomTo: (range) => {
    const chart = currentChart();
    return chart ? plotly.setRange(chart.holder, range) : Promise.resolve();
  },
};

export function startCharts() {
  summit().chart = seam;
  document.addEventListener("summit:plotly-wanted", () => currentChart()?.prepare());
  document.addEventListener("summit:plotly-ready", () => currentChart()?.plotlyArrived());
  document.addEventListener("summit:plotly-failed", () => currentChart()?.plotlyFailed());
  document.addEventListener("summit:theme-change", () => currentChart()?.repaint());
  // Each swap that brings a chart (filters, a history restore) starts its controller.
  window.htmx.onLoad((/** @type {Element} */ element) => {
    if (element.id === "chart" || element.querySelector("#chart")) currentChart();
  });
  // Keep the history snapshot small and free of plotly.js's live markup.
  document.addEventListener("htmx:beforeHistorySave", () => {
    const holder = document.getElementById("chart");
    if (holder && plotly.isDrawn(holder)) plotly.purge(holder);
  });
  currentChart();
}
