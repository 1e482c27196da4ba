/* plotly.js on demand. The server draws the chart's first view as inline SVG;
 * plotly.js (a megabyte of script, most of a phone's work on a first load) comes
 * only when the reader reaches for the chart: the pointer enters or touches it,
 * keyboard focus reaches it, a zoom control or the wheel is used on it. Then
 * timeline.js's summitChart.drawAll() draws the same figure over the SVG.
 *
 *   <script src="chart-loader.js" data-plotly="…/plotly-summit-….min.js" data-load="intent" async></script>
 *
 * data-load="idle" (the page `/`) also loads it once the page is idle.
 * Loaded async, so it also catches clicks on htmx links made before htmx has
 * started (htmx comes deferred, or in the embed after the first paint:
 * after-first-paint.js), and opens their panel instead of navigating. */
(function () {
  "use strict";

  var script = document.currentScript;
  var plotlySrc = script && script.dataset.plotly;
  var CHART = "#chart, [data-chart-intent]";
  var IDLE_TIMEOUT_MS = 4000;
  // A click held for htmx this long (htmx blocked or failed to load) opens the link's own page instead.
  var HTMX_WAIT_MS = 8000;
  var state = "waiting"; // then "loading", "loaded"

  function draw() {
    state = "loaded";
    // timeline.js draws by itself if it runs after this; if it ran before, it waits for this call.
    if (window.summitChart) window.summitChart.drawAll();
  }

  function loadPlotly() {
    if (state !== "waiting" || !plotlySrc) return;
    state = "loading";
    if (window.Plotly) return draw();
    // The layout for the reader's width (when it is not the server's) comes while plotly.js downloads,
    // so the chart is drawn once; timeline.js, if it has not run yet, asks for it when it does.
    window.summitPlotlyWanted = true;
    if (window.summitChart && window.summitChart.prepare) window.summitChart.prepare();
    var tag = document.createElement("script");
    tag.src = plotlySrc;
    tag.onload = draw;
    tag.onerror = function () { state = "waiting"; }; // the next intent tries again
    document.head.appendChild(tag);
  }

  function onIntent(event) {
    if (event.target.closest && event.target.closest(CHART)) loadPlotly();
  }

  ["pointerover", "touchstart", "focusin", "wheel"].forEach(function (name) {
    document.addEventListener(name, onIntent, { passive: true, capture: true });
  });

  if (script && script.dataset.load === "idle") {
    window.addEventListener("load", function () {
      if (window.requestIdleCallback) window.requestIdleCallback(loadPlotly, { timeout: IDLE_TIMEOUT_MS });
      else window.setTimeout(loadPlotly, 1);
    });
  }

  /* Until htmx has started, a link meant for the panel (hx-get) would navigate
   * the page, or the embed's frame: hold the click and open the panel once htmx is there. */
  function htmxReady() {
    return window.htmx && document.readyState !== "loading";
  }

  // htmx says it has started with htmx:load on the body.
  function whenHtmxStarts(callback) {
    var called = false;
    function once() {
      if (called) return;
      called = true;
      document.removeEventListener("htmx:load", once); // every later swap fires it too
      window.setTimeout(callback, 0);
    }
    document.addEventListener("htmx:load", once);
    window.setTimeout(once, HTMX_WAIT_MS);
  }

  document.addEventListener("click", function (event) {
    if (htmxReady() || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    var link = event.target.closest && event.target.closest("a[hx-get]");
    if (!link) return;
    event.preventDefault();
    var open = function () {
      // htmx never came: the link's own page.
      if (!window.htmx) { window.location.href = link.getAttribute("href"); return; }
      var options = { target: link.getAttribute("hx-target") || "#detail", swap: link.getAttribute("hx-swap") || "innerHTML" };
      // Plotly may have replaced the first view the link was in meanwhile: htmx sends nothing for a detached source.
      if (link.isConnected) options.source = link;
      htmx.ajax("GET", link.getAttribute("hx-get"), options);
    };
    if (htmxReady()) open();
    else whenHtmxStarts(open);
  }, true);
})();
