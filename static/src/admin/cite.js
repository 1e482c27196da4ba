/* Any passage citable, on the review desk and on an event's page: selecting
 * text in an article box (.article-text[data-passage]) fills the passage
 * box it names with the selection, and the near box with where it starts,
 * so the server cites the occurrence selected when the passage is in the
 * article more than once. Typing in the passage box instead searches the
 * article for what is typed. The boxes are named by selectors within the
 * article box's [data-cite] scope (the page, on the review desk). */

/** @param {HTMLElement} box */
function targets(box) {
  const scope = box.closest("[data-cite]") || document;
  const passage = /** @type {HTMLInputElement | null} */ (scope.querySelector(box.dataset.passage || ""));
  const near = /** @type {HTMLInputElement | null} */ (scope.querySelector(box.dataset.near || ""));
  return { passage, near };
}

/** @param {Node} node */
function articleOf(node) {
  const element = node instanceof Element ? node : node.parentElement;
  return /** @type {HTMLElement | null} */ (element?.closest(".article-text[data-passage]") || null);
}

function onSelection() {
  const selection = window.getSelection();
  if (!selection || !selection.rangeCount || selection.isCollapsed) return;
  const range = selection.getRangeAt(0);
  const box = articleOf(range.startContainer);
  if (!box || !box.contains(range.endContainer)) return;
  const { passage, near } = targets(box);
  if (!passage || !near) return;
  const before = document.createRange();
  before.selectNodeContents(box);
  before.setEnd(range.startContainer, range.startOffset);
  passage.value = range.toString();
  near.value = String(before.toString().length);
}

/** @param {Event} event */
function onTyping(event) {
  const typed = event.target;
  if (!(typed instanceof HTMLElement)) return;
  document.querySelectorAll(".article-text[data-passage]").forEach((box) => {
    const { passage, near } = targets(/** @type {HTMLElement} */ (box));
    if (passage === typed && near) near.value = "";
  });
}

/* Once a passage is cited, its boxes are emptied: a later "Cite this
 * passage" with a selection that missed the text must not resend the last
 * passage as though it were the new one. */
/** @param {Event} event */
function onCited(event) {
  const detail = /** @type {CustomEvent<{ elt?: Element, successful?: boolean }>} */ (event).detail;
  const form = detail?.elt;
  if (!detail?.successful || !(form instanceof HTMLFormElement)) return;
  document.querySelectorAll(".article-text[data-passage]").forEach((box) => {
    const { passage, near } = targets(/** @type {HTMLElement} */ (box));
    if (passage && near && form.contains(passage)) {
      window.getSelection()?.removeAllRanges();
      passage.value = "";
      near.value = "";
    }
  });
}

export function startCiting() {
  document.addEventListener("selectionchange", onSelection);
  document.addEventListener("input", onTyping);
  document.addEventListener("htmx:afterRequest", onCited);
}
