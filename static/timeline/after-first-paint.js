/* The embed's scripts run after its first paint. The server draws the chart,
 * so the reader sees it as soon as the page is parsed; htmx, the panel, the
 * keyboard helpers and the frame's resizing (script a phone takes tens of
 * milliseconds to run) wait until the chart is on the screen.
 *
 * The page lists them, in order, as ordinary script tags inside
 * <template id="after-first-paint">: a template's scripts are neither fetched
 * nor run. This copies them into the page once it has loaded and painted.
 * Not sooner: htmx 2 starts only when it runs before DOMContentLoaded or once
 * the page has loaded (a click before then is chart-loader.js's to hold). */
(function () {
  "use strict";

  function run(listed) {
    var script = document.createElement("script");
    Array.prototype.forEach.call(listed.attributes, function (attribute) {
      if (attribute.name !== "defer" && attribute.name !== "async") script.setAttribute(attribute.name, attribute.value);
    });
    script.async = false; // in the listed order: htmx before the scripts that use it
    document.head.appendChild(script);
  }

  function start() {
    var template = document.getElementById("after-first-paint");
    if (!template) return;
    // An animation frame runs just before a paint; a task queued from it, just after.
    window.requestAnimationFrame(function () {
      window.setTimeout(function () {
        template.content.querySelectorAll("script[src]").forEach(run);
        template.remove();
      }, 0);
    });
  }

  if (document.readyState === "complete") start();
  else window.addEventListener("load", start);
})();
