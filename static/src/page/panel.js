/* The detail panel: the one place that opens and closes it, with
 * `?event=<slug>` in the address bar so a link reproduces it and the back
 * button closes it. The panel's address comes from #detail's
 * data-panel-url (the server's URL for the slug "SLUG"). */

import { uiString } from "../strings.js";
import { withoutEmptyParameters } from "./query.js";

// A horizontal swipe on the panel this long (and mostly sideways) goes to the previous or next event.
const SWIPE_PX = 60;

// In an embed the address bar is the article's: its history is not ours to push onto.
const OWNS_HISTORY = window.parent === window;

// Set while the back or forward button (not the reader's click) opens a panel.
let restoring = false;
// Where the address bar last was: a step back that only changes `event` is ours to answer.
let lastHref = location.href;

function detail() {
  return document.getElementById("detail");
}

/** @param {string} slug */
export function panelUrl(slug) {
  const template = detail()?.dataset.panelUrl || "/events/SLUG/panel/";
  return template.replace("SLUG", encodeURIComponent(slug));
}

/** The slug a panel's address names, or null. @param {string} path */
function slugOfPanel(path) {
  const [before, after] = (detail()?.dataset.panelUrl || "/events/SLUG/panel/").split("SLUG");
  if (!path.startsWith(before) || !path.endsWith(after)) return null;
  const slug = path.slice(before.length, path.length - after.length);
  return slug && !slug.includes("/") ? decodeURIComponent(slug) : null;
}

/** @param {string | null} slug */
function urlWithEvent(slug) {
  const url = new URL(location.href);
  if (slug) url.searchParams.set("event", slug);
  else url.searchParams.delete("event");
  return url.pathname + url.search + url.hash;
}

/** The filter form carries the open event along, so filtering keeps it in the URL. @param {string | null} slug */
function rememberInForm(slug) {
  const field = /** @type {HTMLInputElement | null} */ (document.getElementById("id_event"));
  if (!field) return;
  field.value = slug || "";
  field.disabled = !slug;
}

/** @param {string} slug */
export function openEvent(slug) {
  window.htmx.ajax("GET", panelUrl(slug), { target: "#detail", swap: "innerHTML" });
}

/**
 * Opening or closing the panel widens or narrows the chart's column on a wide screen:
 * the chart lays itself out again on a resize.
 * @param {HTMLElement} panel
 * @param {boolean} open
 */
function showPanel(panel, open) {
  if (panel.classList.contains("open") === open) return;
  panel.classList.toggle("open", open);
  window.dispatchEvent(new Event("resize"));
}

export function closePanel() {
  const panel = detail();
  if (!panel || !panel.classList.contains("open")) return;
  // What the panel says when closed, in the page's language.
  const hint = document.createElement("p");
  hint.className = "hint";
  hint.textContent = uiString(
    "hint",
    "Select an event on the chart or in the list to read the passages it rests on.",
  );
  panel.replaceChildren(hint);
  showPanel(panel, false);
  rememberInForm(null);
  document.dispatchEvent(new CustomEvent("summit:panel-closed"));
  if (!OWNS_HISTORY) return;
  history.replaceState(history.state, "", urlWithEvent(null));
  lastHref = location.href;
}

/**
 * However a panel arrived (chart, list, a linked event inside a panel), it is shown and put in the URL.
 * @param {CustomEvent} event
 */
function onSwap(event) {
  const panel = detail();
  if (!panel || event.target !== panel) return;
  const path = (event.detail.pathInfo && event.detail.pathInfo.requestPath) || "";
  const slug = slugOfPanel(new URL(path, location.href).pathname);
  showPanel(panel, true);
  /** @type {HTMLElement | null} */ (panel.querySelector("h2"))?.focus();
  if (!slug) return;
  rememberInForm(slug);
  if (OWNS_HISTORY && !restoring && new URL(location.href).searchParams.get("event") !== slug) {
    // Marked as htmx's: coming back here from other filters, htmx restores this page, panel and all.
    history.pushState({ htmx: true }, "", urlWithEvent(slug));
    lastHref = location.href;
  }
  restoring = false;
}

/** @param {string} href */
function withoutEvent(href) {
  const url = new URL(href);
  url.searchParams.delete("event");
  url.searchParams.delete("window");
  url.searchParams.sort();
  return url.pathname + url.search;
}

/** @param {PopStateEvent} event */
function onPopState(event) {
  const before = lastHref;
  lastHref = location.href;
  if (withoutEvent(before) !== withoutEvent(location.href)) return;
  event.stopImmediatePropagation();
  const slug = new URL(location.href).searchParams.get("event");
  if (!slug) {
    closePanel();
  } else if (!document.querySelector(`#detail.open [id="event-title-${CSS.escape(slug)}"]`)) {
    restoring = true;
    openEvent(slug);
  }
}

export function startPanel() {
  // The chart (a click on a mark, Enter on a focused one) asks for an event's panel.
  document.addEventListener("summit:open-event", (event) => {
    const slug = /** @type {CustomEvent} */ (event).detail?.slug;
    if (!slug) return;
    event.preventDefault();
    openEvent(slug);
  });
  document.addEventListener("htmx:afterSwap", (event) => onSwap(/** @type {CustomEvent} */ (event)));
  // A filter answer can land after the panel changed (blurring the search box to click × sends one):
  // the URL it pushes names the event open now, not the one open when it was asked.
  document.addEventListener("htmx:beforeHistoryUpdate", (event) => {
    const field = /** @type {HTMLInputElement | null} */ (document.getElementById("id_event"));
    const history = /** @type {CustomEvent} */ (event).detail.history;
    if (!field || !history) return;
    // Nor does it carry the form's empty fields: the address is the one a reader would share.
    const url = new URL(withoutEmptyParameters(new URL(history.path, location.href).href));
    if (field.disabled) url.searchParams.delete("event");
    else url.searchParams.set("event", field.value);
    history.path = url.pathname + url.search;
  });
  document.addEventListener("htmx:pushedIntoHistory", () => (lastHref = location.href));
  document.addEventListener("htmx:replacedInHistory", () => (lastHref = location.href));
  // Capturing, so it runs before htmx's own handler, which would restore a whole snapshot.
  window.addEventListener("popstate", onPopState, true);
  document.addEventListener("click", (event) => {
    if (event.target instanceof Element && event.target.closest("[data-close-detail]")) closePanel();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && document.querySelector("#detail.open")) closePanel();
  });
  document.addEventListener("keydown", onArrow);
  watchSwipes();
}

/**
 * Go to the open event's previous or next one: the panel's own links (rel="prev", rel="next").
 * @param {"prev" | "next"} rel
 */
function follow(rel) {
  const link = /** @type {HTMLElement | null} */ (document.querySelector(`#detail.open a[rel~="${rel}"]`));
  link?.click();
  return !!link;
}

/**
 * ← and → step through the events while the panel has the reader's attention (focus in it, or
 * nowhere), not while typing or walking the chart, which has its own arrows.
 * @param {KeyboardEvent} event
 */
function onArrow(event) {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const rel = { ArrowLeft: "prev", ArrowRight: "next" }[event.key];
  const target = event.target instanceof Element ? event.target : null;
  const attending = !target || target === document.body || !!target.closest("#detail");
  if (!rel || !attending || target?.closest("input, textarea, select, [contenteditable]")) return;
  if (follow(/** @type {"prev" | "next"} */ (rel))) event.preventDefault();
}

/** A sideways swipe on the panel (the phone's sheet) goes to the next event (leftwards) or previous. */
function watchSwipes() {
  /** @type {{x: number, y: number} | null} */
  let start = null;
  document.addEventListener(
    "touchstart",
    (event) => {
      const inPanel = event.target instanceof Element && event.target.closest("#detail.open");
      start =
        inPanel && event.touches.length === 1
          ? { x: event.touches[0].clientX, y: event.touches[0].clientY }
          : null;
    },
    { passive: true },
  );
  document.addEventListener("touchend", (event) => {
    const touch = event.changedTouches[0];
    if (!start || !touch) return;
    const dx = touch.clientX - start.x;
    const dy = touch.clientY - start.y;
    start = null;
    if (Math.abs(dx) >= SWIPE_PX && Math.abs(dx) > 2 * Math.abs(dy)) follow(dx < 0 ? "next" : "prev");
  });
}
