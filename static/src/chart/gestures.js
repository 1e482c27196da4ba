/* The page owns the scroll, as a map embed does. A one-finger swipe or the
 * mouse wheel over the chart scrolls the page (or the article around an
 * embed); the chart zooms with a pinch, ctrl/⌘ + wheel, its zoom buttons, or,
 * once the reader has engaged it (a click in the plot away from the marks),
 * the wheel and a drag too, until the pointer leaves it or a press lands
 * elsewhere. Where the reader tries otherwise, a hint over the chart says
 * how, in the page's language (strings.js). */

import { scaledRange, timeAt } from "./geometry.js";
import * as plotly from "./plotly.js";
import { uiString } from "../strings.js";

// A pointer that moves this far between press and release dragged: its release is no click.
const DRAG_PX = 8;
// How long the hint stays once the reader stops trying.
const HINT_MS = 1500;
// One wheel notch (100 px of deltaY) zooms by about a fifth.
const WHEEL_ZOOM_PER_PX = 0.002;
const LINE_PX = 16;

/**
 * @typedef {object} Chart what the gestures need of the chart's controller
 * @property {HTMLElement} holder
 * @property {boolean} engaged
 * @property {(engaged: boolean) => void} engage
 * @property {() => boolean} narrow the box shows the server's rows: the page's gestures, all of them
 */

/** @param {HTMLElement} holder */
function hintFor(holder) {
  const next = holder.nextElementSibling;
  if (next instanceof HTMLElement && next.classList.contains("chart-hint")) return next;
  const hint = document.createElement("p");
  hint.className = "chart-hint";
  hint.setAttribute("aria-hidden", "true");
  holder.after(hint);
  return hint;
}

/**
 * Show a hint over the chart for a moment.
 * @param {HTMLElement} holder
 * @param {"wheel" | "touch"} kind
 */
function showHint(holder, kind) {
  // On a Mac the key is ⌘.
  const mac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
  const words =
    kind === "touch"
      ? uiString("zoom_touch", "Use two fingers to zoom")
      : mac
        ? uiString("zoom_wheel_mac", "Use ⌘ + scroll to zoom")
        : uiString("zoom_wheel", "Use ctrl + scroll to zoom");
  const hint = hintFor(holder);
  hint.textContent = words;
  Object.assign(hint.style, {
    top: `${holder.offsetTop}px`,
    left: `${holder.offsetLeft}px`,
    width: `${holder.offsetWidth}px`,
    height: `${holder.offsetHeight}px`,
  });
  hint.classList.add("shown");
  clearTimeout(Number(hint.dataset.timer));
  hint.dataset.timer = String(setTimeout(() => hint.classList.remove("shown"), HINT_MS));
}

/**
 * Zoom the time axis by `factor` around a point of the viewport (factor < 1 zooms in).
 * @param {HTMLElement} holder
 * @param {number} clientX
 * @param {number} factor
 */
function zoomAround(holder, clientX, factor) {
  const range = plotly.range(holder);
  if (!range) return;
  const area = plotly.plotArea(holder);
  const centre = timeAt(range, Math.min(Math.max(clientX - area.left, 0), area.width), area.width);
  plotly.setRange(holder, scaledRange(range, centre, factor));
}

/**
 * The wheel: the page's, unless ctrl/⌘ is held or the chart is engaged. Zooms are gathered
 * into one per frame.
 * @param {Chart} chart
 * @param {AbortSignal} signal
 */
function watchWheel(chart, signal) {
  const holder = chart.holder;
  let factor = 1;
  let clientX = 0;
  let frame = 0;
  /** @param {WheelEvent} event */
  const onWheel = (event) => {
    if (chart.narrow()) return;
    const zooms = event.ctrlKey || event.metaKey || chart.engaged;
    if (!zooms) {
      showHint(holder, "wheel");
      return; // the page scrolls
    }
    // Not the browser's page zoom, nor plotly.js's own handling.
    event.preventDefault();
    event.stopPropagation();
    if (!plotly.isDrawn(holder)) return; // plotly.js is on its way (the wheel was the intent)
    const pixels = event.deltaY * (event.deltaMode === 1 ? LINE_PX : 1);
    factor *= Math.exp(pixels * WHEEL_ZOOM_PER_PX);
    clientX = event.clientX;
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      zoomAround(holder, clientX, factor);
      factor = 1;
    });
  };
  holder.addEventListener("wheel", onWheel, { capture: true, passive: false, signal });
}

/**
 * Two fingers pinch the time axis; one finger scrolls the page (and is told how to zoom).
 * @param {Chart} chart
 * @param {AbortSignal} signal
 */
function watchTouches(chart, signal) {
  const holder = chart.holder;
  /** @type {{spread: number, range: (string | number)[], centre: number} | null} */
  let pinch = null;
  let hinted = false;
  /** @type {{x: number, y: number} | null} */
  let start = null;
  /** @param {TouchList} touches */
  const spread = (touches) => Math.abs(touches[0].clientX - touches[1].clientX) || 1;
  const options = { capture: true, passive: false, signal };
  holder.addEventListener(
    "touchstart",
    (event) => {
      if (chart.narrow()) return;
      hinted = false;
      start =
        event.touches.length === 1 ? { x: event.touches[0].clientX, y: event.touches[0].clientY } : null;
      const range = plotly.isDrawn(holder) ? plotly.range(holder) : null;
      if (event.touches.length !== 2 || !range) return;
      const area = plotly.plotArea(holder);
      const middle = (event.touches[0].clientX + event.touches[1].clientX) / 2 - area.left;
      pinch = { spread: spread(event.touches), range, centre: timeAt(range, middle, area.width) };
      // Before plotly.js sees it, which would start a one-finger pan.
      event.preventDefault();
      event.stopPropagation();
    },
    options,
  );
  holder.addEventListener(
    "touchmove",
    (event) => {
      if (chart.narrow()) return;
      if (pinch && event.touches.length === 2) {
        event.preventDefault();
        event.stopPropagation();
        plotly.setRange(holder, scaledRange(pinch.range, pinch.centre, pinch.spread / spread(event.touches)));
        return;
      }
      const touch = event.touches[0];
      const moved = start && touch && Math.hypot(touch.clientX - start.x, touch.clientY - start.y) > DRAG_PX;
      if (moved && !chart.engaged && !hinted) {
        hinted = true;
        showHint(holder, "touch");
      }
    },
    options,
  );
  holder.addEventListener("touchend", () => (pinch = null), { signal });
}

/**
 * Engaged by a click in the plot away from the marks (the controller calls engage());
 * let go when the mouse leaves or a press lands outside the chart.
 * @param {Chart} chart
 * @param {AbortSignal} signal
 */
function watchEngagement(chart, signal) {
  const holder = chart.holder;
  holder.addEventListener(
    "pointerleave",
    (event) => {
      if (event.pointerType === "mouse" && chart.engaged) chart.engage(false);
    },
    { signal },
  );
  document.addEventListener(
    "pointerdown",
    (event) => {
      if (chart.engaged && !(event.target instanceof Node && holder.contains(event.target)))
        chart.engage(false);
    },
    { capture: true, signal },
  );
}

/**
 * Whether the press that ends in a click moved (a drag or a swipe, not a tap): its click opens nothing.
 * @param {HTMLElement} holder
 * @param {AbortSignal} signal
 */
export function watchDrags(holder, signal) {
  const state = { dragged: false };
  /** @type {{x: number, y: number} | null} */
  let start = null;
  const options = { capture: true, signal };
  holder.addEventListener(
    "pointerdown",
    (event) => {
      state.dragged = false;
      start = { x: event.clientX, y: event.clientY };
    },
    options,
  );
  holder.addEventListener(
    "pointermove",
    (event) => {
      if (start && Math.hypot(event.clientX - start.x, event.clientY - start.y) > DRAG_PX)
        state.dragged = true;
    },
    options,
  );
  // The browser took the press over to scroll the page.
  holder.addEventListener("pointercancel", () => (state.dragged = true), options);
  return state;
}

/**
 * @param {Chart} chart
 * @param {AbortSignal} signal
 */
export function watchGestures(chart, signal) {
  watchWheel(chart, signal);
  watchTouches(chart, signal);
  watchEngagement(chart, signal);
}
