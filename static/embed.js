/* summit embed loader, for the page that holds the iframe:
 *   <iframe src="https://…/embed/?actor=japan" data-summit-embed …></iframe>
 *   <script async src="https://…/static/embed.js"></script>
 * Each summit iframe reports its content height by postMessage; this sets
 * the iframe's height to match, so readers never meet a scrollbar inside it. */
(function () {
  "use strict";

  if (window.summitEmbedLoaded) return;
  window.summitEmbedLoaded = true;

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "summit:height" || typeof data.height !== "number") return;
    var frames = document.querySelectorAll("iframe[data-summit-embed]");
    for (var i = 0; i < frames.length; i++) {
      // Only the frame that sent the message, and only a sane height.
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.max(150, Math.min(data.height, 20000)) + "px";
        frames[i].setAttribute("scrolling", "no");
      }
    }
  });
})();
