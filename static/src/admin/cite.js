/* Any passage citable on the review desk: selecting text in the article fills
 * the cite form with it and with where it starts, so the server cites the
 * occurrence selected when the passage is in the article more than once.
 * Typing in the box instead searches the article for what is typed. */

function onSelection() {
  const box = document.getElementById("article-text");
  const passage = /** @type {HTMLInputElement | null} */ (document.getElementById("cite-passage"));
  const near = /** @type {HTMLInputElement | null} */ (document.getElementById("cite-near"));
  const selection = window.getSelection();
  if (!box || !passage || !near || !selection || !selection.rangeCount || selection.isCollapsed) return;
  const range = selection.getRangeAt(0);
  if (!box.contains(range.startContainer) || !box.contains(range.endContainer)) return;
  const before = document.createRange();
  before.selectNodeContents(box);
  before.setEnd(range.startContainer, range.startOffset);
  passage.value = range.toString();
  near.value = String(before.toString().length);
}

export function startCiting() {
  document.addEventListener("selectionchange", onSelection);
  document.addEventListener("input", (event) => {
    if (!(event.target instanceof Element) || event.target.id !== "cite-passage") return;
    const near = /** @type {HTMLInputElement | null} */ (document.getElementById("cite-near"));
    if (near) near.value = "";
  });
}
