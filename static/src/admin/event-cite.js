/* An event's citations (built into static/admin_review/event-cite.js): each
 * passage box has a fold that shows the chosen source's article, to select
 * the passage in as on the review desk (cite.js); the server works out where
 * it is. The article is fetched as the fold opens, and again if the
 * citation's source changed since. */

import { startCiting } from "./cite.js";

/** @param {HTMLDetailsElement} fold */
async function showArticle(fold) {
  const box = /** @type {HTMLElement | null} */ (fold.querySelector(".article-text"));
  const row = fold.closest(".inline-related") || fold.closest("form");
  const source = /** @type {HTMLSelectElement | null | undefined} */ (
    row?.querySelector("select[name$='-source']")
  );
  if (!box) return;
  const chosen = source?.value || "";
  if (box.dataset.source === chosen && chosen) return;
  box.dataset.source = chosen;
  if (!chosen) {
    box.textContent = fold.dataset.noSource || "";
    return;
  }
  box.textContent = fold.dataset.loading || "";
  const response = await fetch(`${fold.dataset.url}?source=${encodeURIComponent(chosen)}`, {
    headers: { Accept: "text/plain" },
  });
  // Text, never markup: the article is shown as it was written.
  box.textContent = response.ok ? await response.text() : fold.dataset.failed || "";
}

document.addEventListener(
  "toggle",
  (event) => {
    const fold = event.target;
    if (fold instanceof HTMLDetailsElement && fold.open && fold.matches(".cite-from-article"))
      showArticle(fold);
  },
  true,
);

// The source chosen after the fold was opened: its article as soon as the editor reaches for it.
document.addEventListener("pointerdown", (event) => {
  const fold = event.target instanceof Element && event.target.closest("details.cite-from-article[open]");
  if (fold) showArticle(/** @type {HTMLDetailsElement} */ (fold));
});

startCiting();
