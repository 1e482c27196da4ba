/* plotly.js on demand. The server draws the chart's first view as SVG;
 * plotly.js (a megabyte of script, most of a phone's work on a first load)
 * comes only when the reader reaches for the chart: the pointer enters or
 * touches it, keyboard focus reaches it, a zoom control or the wheel is used
 * on it; with data-load="idle" (the page `/`) also once the page is idle.
 * The chart's controller hears it on the document: summit:plotly-wanted (the
 * layout for the reader's width is asked for meanwhile), summit:plotly-ready,
 * summit:plotly-failed (the next intent tries again). Fetching plotly.js draws
 * nothing: the controller draws when no press is under way. */

import { summit } from "../namespace.js";

const CHART = "#chart, [data-chart-intent]";
const IDLE_TIMEOUT_MS = 4000;

/** A narrow box shows the server's rows, which plotly.js does not draw: nothing to load. */
function chartIsNarrow() {
  const rows = document.querySelector("#chart .chart-rows");
  return !!rows && getComputedStyle(rows).display !== "none";
}

/** @param {string} name */
function say(name) {
  document.dispatchEvent(new CustomEvent(name));
}

/** @param {HTMLOrSVGScriptElement | null} script the loader's own tag: data-plotly, data-load */
export function startPlotlyLoader(script) {
  const source = script instanceof HTMLScriptElement ? script.dataset.plotly : undefined;
  const status = (summit().plotly = { state: "waiting" });

  function load() {
    if (status.state !== "waiting" || !source || chartIsNarrow()) return;
    status.state = "loading";
    say("summit:plotly-wanted");
    const tag = document.createElement("script");
    tag.src = source;
    tag.onload = () => {
      status.state = "ready";
      say("summit:plotly-ready");
    };
    tag.onerror = () => {
      status.state = "waiting";
      say("summit:plotly-failed");
    };
    document.head.appendChild(tag);
  }

  /** @param {Event} event */
  const onIntent = (event) => {
    if (event.target instanceof Element && event.target.closest(CHART)) load();
  };
  for (const name of ["pointerover", "touchstart", "focusin", "wheel"]) {
    document.addEventListener(name, onIntent, { passive: true, capture: true });
  }

  if (script instanceof HTMLScriptElement && script.dataset.load === "idle") {
    const whenIdle = () => {
      if (window.requestIdleCallback) window.requestIdleCallback(load, { timeout: IDLE_TIMEOUT_MS });
      else setTimeout(load, 1);
    };
    if (document.readyState === "complete") whenIdle();
    else window.addEventListener("load", whenIdle);
  }
}
