/* summit's embed loader, for the page that holds the iframe (built into static/embed.js):
 *   <iframe src="https://…/embed/?actor=japan" data-summit-embed …></iframe>
 *   <script async src="https://…/static/embed.js"></script>
 * Each summit iframe reports its content height by postMessage; this sets
 * the iframe's height to match, so readers never meet a scrollbar inside it. */

import { summit } from "./namespace.js";

// The heights a frame may take: no smaller than a chart's row, no taller than a sane page.
const MIN_HEIGHT = 150;
const MAX_HEIGHT = 20000;

function start() {
  // A page may include the loader once per embed: one listener does for all.
  if (summit().embedHost) return;
  summit().embedHost = true;
  window.addEventListener("message", (event) => {
    const data = event.data;
    if (!data || data.type !== "summit:height" || typeof data.height !== "number") return;
    document.querySelectorAll("iframe[data-summit-embed]").forEach((node) => {
      const frame = /** @type {HTMLIFrameElement} */ (node);
      // Only the frame that sent the message, and only a sane height.
      if (frame.contentWindow !== event.source) return;
      frame.style.height = `${Math.max(MIN_HEIGHT, Math.min(data.height, MAX_HEIGHT))}px`;
      frame.setAttribute("scrolling", "no");
    });
  });
}

start();
