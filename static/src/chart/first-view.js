/* The chart as the server draws it: the SVG of a wide box, or in a narrow box
 * (a container query in site.css shows one or the other) the rows, where time
 * runs down the screen (templates/timeline/_chart_rows.html). Each event drawn
 * is an element carrying data-slug that holds its mark and its visible label.
 * plotly.js takes over from the SVG; the rows stay, for a box that narrows. */

const FIRST_VIEW = "svg.chart-first-view";
const ROWS = ".chart-rows";

/** @param {HTMLElement} holder */
export function removeFirstView(holder) {
  holder.querySelectorAll(FIRST_VIEW).forEach((svg) => svg.remove());
}

/**
 * Remove what is left of an earlier drawing (a history restore brings back markup without its
 * state), keeping the server's drawings.
 * @param {HTMLElement} holder
 */
export function clearAllButFirstView(holder) {
  [...holder.children].forEach((child) => {
    if (!child.matches(`${FIRST_VIEW}, ${ROWS}`)) child.remove();
  });
}

/**
 * Whether the chart's box is narrow: the server's rows are the chart, and plotly.js draws nothing.
 * @param {HTMLElement} holder
 */
export function showsRows(holder) {
  const rows = holder.querySelector(ROWS);
  return !!rows && getComputedStyle(rows).display !== "none";
}

/** The events drawn by the server that are on the page now. @param {HTMLElement} holder */
function shownEvents(holder) {
  return [...holder.querySelectorAll("[data-slug]")].filter(
    (node) => !node.closest(".plot-container") && node.getClientRects().length > 0,
  );
}

/**
 * The centre of an event's mark as the server drew it (its first in view), in viewport coordinates, or null.
 * @param {HTMLElement} holder
 * @param {string} slug
 */
export function firstViewMarkCentre(holder, slug) {
  const bounds = holder.getBoundingClientRect();
  for (const event of shownEvents(holder)) {
    if (event.getAttribute("data-slug") !== slug) continue;
    const mark = event.querySelector(".target, .row-mark, use, circle, path, rect") || event;
    const box = mark.getBoundingClientRect();
    const x = box.left + box.width / 2;
    if (box.width > 0 && x >= bounds.left && x <= bounds.right) return { x, y: box.top + box.height / 2 };
  }
  return null;
}

/** The slugs of the events the server drew that are shown. @param {HTMLElement} holder */
export function firstViewSlugs(holder) {
  return [...new Set(shownEvents(holder).map((node) => node.getAttribute("data-slug") || ""))].sort();
}
