/* The chart's first view: the SVG the server draws (timeline/chart/svg.py),
 * shown until plotly.js takes over. Each event drawn in it is an element
 * carrying data-slug that holds its mark and its visible label. */

const FIRST_VIEW = "svg.chart-first-view";

/** @param {HTMLElement} holder */
export function firstView(holder) {
  return holder.querySelector(FIRST_VIEW);
}

/** @param {HTMLElement} holder */
export function removeFirstView(holder) {
  holder.querySelectorAll(FIRST_VIEW).forEach((svg) => svg.remove());
}

/**
 * Remove what is left of an earlier drawing (a history restore brings back markup without its
 * state), keeping the server's SVG until plotly.js has drawn.
 * @param {HTMLElement} holder
 */
export function clearAllButFirstView(holder) {
  [...holder.children].forEach((child) => {
    if (!child.matches(FIRST_VIEW)) child.remove();
  });
}

/**
 * The box of a drawn event's mark in the first view (its first in view), or null.
 * @param {HTMLElement} holder
 * @param {string} slug
 */
function markBox(holder, slug) {
  const svg = firstView(holder);
  if (!svg) return null;
  const bounds = svg.getBoundingClientRect();
  for (const event of svg.querySelectorAll(`[data-slug="${CSS.escape(slug)}"]`)) {
    const mark = event.querySelector(".target, use, circle, rect, path") || event;
    const box = mark.getBoundingClientRect();
    const x = box.left + box.width / 2;
    if (box.width > 0 && x >= bounds.left && x <= bounds.right) return box;
  }
  return null;
}

/**
 * The centre of an event's mark in the first view, in viewport coordinates, or null.
 * @param {HTMLElement} holder
 * @param {string} slug
 */
export function firstViewMarkCentre(holder, slug) {
  const box = markBox(holder, slug);
  return box ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : null;
}

/**
 * The slugs of the events drawn in the first view.
 * @param {HTMLElement} holder
 */
export function firstViewSlugs(holder) {
  const svg = firstView(holder);
  const slugs = new Set(
    [...(svg ? svg.querySelectorAll("[data-slug]") : [])].map((node) => node.getAttribute("data-slug")),
  );
  return [...slugs].sort();
}
