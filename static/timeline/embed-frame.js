/* Inside the embed's iframe: tell the parent page how tall the content is,
 * so the loader (static/embed.js) can size the iframe with no inner
 * scrollbar, and open ordinary links in a new tab rather than in the frame. */
(function () {
  "use strict";

  if (window.parent === window) return;

  var lastHeight = 0;
  function postHeight() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === lastHeight) return;
    lastHeight = height;
    // The height is no secret, and the parent's origin is unknown: any origin may read it.
    window.parent.postMessage({ type: "summit:height", height: height, href: location.href }, "*");
  }

  new ResizeObserver(postHeight).observe(document.documentElement);
  window.addEventListener("load", postHeight);
  document.addEventListener("timeline:rendered", postHeight);

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[href]");
    if (!link || link.hasAttribute("hx-get") || link.getAttribute("href").charAt(0) === "#") return;
    link.target = "_blank";
    link.rel = "noopener";
  });
})();
