/* The review desk's keys and the glue htmx leaves to the page (built into
 * static/admin_review/review.js):
 *   j / k  next / previous proposal     a  accept it as proposed
 *   r      reject it (Undo in place)    /  search for an event to attach it to
 * The forms work without it (htmx off: normal posts). */

import { startCiting } from "./cite.js";
import { startUpload } from "./upload.js";

function proposals() {
  return /** @type {HTMLElement[]} */ ([...document.querySelectorAll("section.proposal")]);
}

function current() {
  return (
    /** @type {HTMLElement | null} */ (document.querySelector("section.proposal.current")) ||
    proposals()[0] ||
    null
  );
}

// The current card and the next ones have their likely events in before the editor reaches them.
const MATCHES_AHEAD = 3;

/** @param {HTMLElement} section */
function loadMatchesNear(section) {
  const all = proposals();
  const start = all.indexOf(section);
  all.slice(start, start + MATCHES_AHEAD).forEach((each) => {
    const waiting = each.querySelector(".matches[hx-get]");
    if (waiting) window.htmx?.trigger(waiting, "proposal-near");
  });
}

/** @param {HTMLElement | undefined | null} section */
function select(section) {
  if (!section) return;
  proposals().forEach((each) => each.classList.toggle("current", each === section));
  section.focus({ preventScroll: true });
  section.scrollIntoView({ block: "nearest" });
  loadMatchesNear(section);
}

/** @param {number} step */
function move(step) {
  const all = proposals();
  const index = all.indexOf(/** @type {HTMLElement} */ (current()));
  select(all[Math.min(all.length - 1, Math.max(0, index + step))]);
}

/** @param {HTMLElement | null} section @param {string} selector */
function submit(section, selector) {
  const form = /** @type {HTMLFormElement | null | undefined} */ (section?.querySelector(selector));
  if (form) form.requestSubmit();
}

/** @param {Element} target */
function typing(target) {
  return target.closest("input, textarea, select, [contenteditable], .select2-container");
}

// The proposal just decided by a key: once its answer is in, the next one is current.
/** @type {string | null} */
let advancing = null;
/** @type {string | null} */
let movedFrom = null;

/** @param {HTMLElement} section */
function nextAfter(section) {
  const all = proposals();
  const rest = all.slice(all.indexOf(section) + 1);
  return rest.find((each) => each.classList.contains("proposal-pending")) || rest[0] || null;
}

/** @param {HTMLElement | null} section @param {string} selector */
function decide(section, selector) {
  advancing = section && section.id;
  movedFrom = null;
  submit(section, selector);
}

/** @param {KeyboardEvent} event */
function onKey(event) {
  if (
    !(event.target instanceof Element) ||
    event.altKey ||
    event.ctrlKey ||
    event.metaKey ||
    typing(event.target)
  )
    return;
  const section = current();
  switch (event.key) {
    case "j":
      move(1);
      break;
    case "k":
      move(-1);
      break;
    case "a":
      decide(section, "form.quick-accept-form");
      break;
    case "r":
      decide(section, "form.reject-form");
      break;
    case "/": {
      const search = /** @type {HTMLInputElement | null | undefined} */ (
        section?.querySelector(".event-search")
      );
      const fold = search?.closest("details");
      if (!search || !fold) return;
      fold.open = true;
      search.focus();
      break;
    }
    default:
      return;
  }
  event.preventDefault();
}

document.addEventListener("keydown", onKey);

document.addEventListener("click", (event) => {
  const section = event.target instanceof Element && event.target.closest("section.proposal");
  movedFrom = null;
  if (section) proposals().forEach((each) => each.classList.toggle("current", each === section));
});

// Enter in the event search searches; it must not post the attach form without an event.
document.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && event.target instanceof Element && event.target.matches(".event-search")) {
    event.preventDefault();
    window.htmx?.trigger(event.target, "search");
  }
});

// A swapped-in proposal is new markup: its actor pickers need the admin's select2.
document.addEventListener("htmx:afterSwap", () => {
  const $ = window.django && window.django.jQuery;
  if ($ && $.fn.djangoAdminSelect2) {
    $(".review .admin-autocomplete").not(".select2-hidden-accessible").djangoAdminSelect2();
  }
});

// Once settled: htmx gives the focus back to the element that had it (the decided card) as it
// settles, so moving on to the next card waits for that.
document.addEventListener("htmx:afterSettle", (event) => {
  // After an outerHTML swap the old target is detached; its id finds the new one.
  const target = /** @type {CustomEvent} */ (event).detail.target;
  const swapped = target.id && document.getElementById(target.id);
  if (!swapped || !swapped.matches("section.proposal")) return;
  // htmx settles the card once per piece of the answer (the card, then the out-of-band
  // counters): only the first moves on, the others leave it.
  if (swapped.id === movedFrom) return;
  const decided = swapped.id === advancing && !swapped.classList.contains("proposal-pending");
  advancing = null;
  if (decided) movedFrom = swapped.id;
  select(decided ? nextAfter(swapped) || swapped : swapped);
});

startCiting();
startUpload();
