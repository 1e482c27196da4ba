/* Keyboard use of the chart: with #chart focused, the left and right arrow
 * keys (Home, End) step through the drawn events in date order, the focused
 * event is highlighted and announced, Enter opens its detail panel (as a
 * click does), and when page/panel.js closes it (Escape, ×) focus comes back
 * here. The order is the one of the list under the chart, so the keyboard,
 * the list and the server agree. */

import { currentChart } from "./charts.js";
import { inListOrder, rangeAround } from "./geometry.js";
import * as plotly from "./plotly.js";
import { uiString } from "../strings.js";

/** @typedef {ReturnType<typeof inListOrder>[number]} Item */

const walk = {
  /** @type {HTMLElement | null} */
  holder: null,
  /** @type {Item[]} */
  order: [],
  index: -1,
  openedFromChart: false,
};

function listedSlugs() {
  return [...document.querySelectorAll(".event-list [data-slug]")].map(
    (link) => link.getAttribute("data-slug") || "",
  );
}

/** The walk for the chart on the page, begun again when the chart or its figure changed. */
function refresh() {
  const chart = currentChart();
  if (!chart) return null;
  const focused = chart.holder.dataset.focusedSlug;
  walk.holder = chart.holder;
  walk.order = inListOrder(chart.events(), listedSlugs());
  walk.index = walk.order.findIndex((item) => item.slug === focused);
  return chart;
}

/** @param {Item} item */
function describe(item) {
  const link = document.querySelector(`.event-list [data-slug="${CSS.escape(item.slug)}"]`);
  if (!link) return item.slug;
  const date = link.closest(".event-item")?.querySelector(".date");
  return (date ? `${(date.textContent || "").trim()}: ` : "") + (link.textContent || "").trim();
}

/** @param {number} index */
function focusEvent(index) {
  const chart = currentChart();
  if (!chart || !walk.order.length) return;
  walk.index = Math.max(0, Math.min(walk.order.length - 1, index));
  const item = walk.order[walk.index];
  chart.holder.dataset.focusedSlug = item.slug;
  if (plotly.isDrawn(chart.holder)) {
    const range = plotly.range(chart.holder);
    const around = range && rangeAround(range, item.x);
    if (around) plotly.setRange(chart.holder, around);
    // The hover label is the visible highlight; it shows title and date.
    plotly.highlight(chart.holder, item);
  }
  const status = document.getElementById("chart-focus");
  const position = uiString("position", "{index} of {total}", {
    index: walk.index + 1,
    total: walk.order.length,
  });
  if (status) status.textContent = `${describe(item)} (${position})`;
}

/** @param {KeyboardEvent} event */
function onKey(event) {
  const holder = document.getElementById("chart");
  if (!holder || event.target !== holder || event.altKey || event.ctrlKey || event.metaKey) return;
  if (walk.holder !== holder && !refresh()) return;
  /** @type {Record<string, number>} */
  const moves = {
    ArrowRight: walk.index + 1,
    ArrowDown: walk.index + 1,
    ArrowLeft: walk.index < 0 ? 0 : walk.index - 1,
    ArrowUp: walk.index < 0 ? 0 : walk.index - 1,
    Home: 0,
    End: walk.order.length - 1,
  };
  if (event.key in moves) {
    event.preventDefault();
    focusEvent(moves[event.key]);
  } else if ((event.key === "Enter" || event.key === " ") && walk.index >= 0) {
    event.preventDefault();
    walk.openedFromChart = true;
    currentChart()?.openEvent(walk.order[walk.index].slug);
  }
}

export function startKeys() {
  document.addEventListener("timeline:rendered", (event) => {
    if (event.target instanceof HTMLElement && event.target.id === "chart") refresh();
  });
  document.addEventListener("keydown", onKey);
  // The panel closed (Escape, ×): focus goes back where it came from.
  document.addEventListener("summit:panel-closed", () => {
    if (!walk.openedFromChart) return;
    walk.openedFromChart = false;
    document.getElementById("chart")?.focus();
  });
  // Leaving the chart takes the keyboard highlight with it.
  document.addEventListener("focusout", (event) => {
    if (event.target instanceof HTMLElement && event.target.id === "chart") plotly.unhighlight(event.target);
  });
}
