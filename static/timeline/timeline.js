/* Draws the timeline chart from the figure the server laid out (embedded as
 * JSON in #timeline-figure) and keeps it laid out for what the reader sees:
 * after a zoom, a pan or a resize it asks the server for the layout of the new
 * window at the chart's own width (/api/window.json), so stacking, labels and
 * ticks always fit. A click on a mark or its label opens that event.
 *
 * Draws by itself only when plotly.js is on the page; a loader that brings
 * plotly.js later calls window.summitChart.drawAll(). Re-run by htmx.onLoad
 * on every swap, so filters and history restores redraw. The detail panel
 * itself (open, close, ?event= in the URL) is page.js's. */
(function () {
  "use strict";

  var CONFIG = {
    responsive: true,
    scrollZoom: true,
    displaylogo: false,
    // What a reader can use: zoom in, zoom out, back to the first view.
    modeBarButtons: [["zoomIn2d", "zoomOut2d", "resetScale2d"]],
    doubleClick: "reset",
  };
  // The dates a chart may show (EARLIEST_SUPPORTED, LATEST_SUPPORTED in timeline/models.py).
  var FIRST_DAY = "0500-01-01";
  var LAST_DAY = "2999-12-31";
  var RELAYOUT_DELAY_MS = 150;
  // A layout made for a plot this much wider or narrower than the one drawn is redone.
  var WIDTH_TOLERANCE_PX = 10;
  var MIN_PLOT_WIDTH = 100;
  // A first view laid out for the reader's width keeps the server's height if within this share of it.
  var HEIGHT_TOLERANCE = 0.1;

  /* Ask for an event's panel: page.js answers (and puts ?event= in the URL);
   * without it, open the panel here. */
  function openEvent(holder, slug) {
    var asked = new CustomEvent("summit:open-event", { bubbles: true, cancelable: true, detail: { slug: slug } });
    if (!holder.dispatchEvent(asked)) return;
    var url = holder.dataset.panelUrl.replace("SLUG", encodeURIComponent(slug));
    htmx.ajax("GET", url, { target: "#detail", swap: "innerHTML" });
  }

  function rendered(holder) {
    holder.dataset.rendered = "true";
    holder.dispatchEvent(new CustomEvent("timeline:rendered", { bubbles: true }));
  }

  /* The day of a point on the axis, as YYYY-MM-DD, kept within the supported dates. */
  function isoDay(value, roundUp) {
    var time = new Date(value).getTime();
    if (isNaN(time)) return roundUp ? LAST_DAY : FIRST_DAY;
    // The last day shown is the one the range's end falls in (an end at midnight belongs to the day before).
    if (roundUp) time -= 1;
    var first = Date.parse(FIRST_DAY + "T00:00:00Z"), last = Date.parse(LAST_DAY + "T00:00:00Z");
    time = Math.min(last, Math.max(first, time));
    return new Date(time).toISOString().slice(0, 10);
  }

  function plotWidth(holder, figure) {
    var margin = (figure && figure.layout && figure.layout.margin) || {};
    return Math.max(0, holder.clientWidth - (margin.l || 0) - (margin.r || 0));
  }

  /* The zoom in the address bar (?window=first..last), so a shared link shows the same view. */
  function rememberWindow(from, to) {
    if (window.parent !== window) return; // an embed's address bar is the article's
    var url = new URL(location.href);
    url.searchParams.set("window", from + ".." + to);
    history.replaceState(history.state, "", url.pathname + url.search + url.hash);
  }

  /* The page's words in its language (base.html's #ui-strings), {name} filled from `values`. */
  function uiString(key, fallback, values) {
    var node = document.getElementById("ui-strings"), text = fallback;
    try { text = (node && JSON.parse(node.textContent)[key]) || fallback; } catch (error) { /* keep English */ }
    return text.replace(/\{(\w+)\}/g, function (whole, name) { return values && name in values ? values[name] : whole; });
  }

  /* The list pages through the filters; after a zoom, offer the list of just this view. */
  function offerWindowList(from, to, total) {
    var link = document.getElementById("list-window");
    if (!link) return;
    var query = new URLSearchParams(location.search);
    query.set("from", from);
    query.set("to", to);
    query.delete("page");
    query.delete("window");
    link.href = location.pathname.replace(/embed\/$/, "") + "?" + query.toString();
    var count = total.toLocaleString(document.documentElement.lang || "en");
    link.textContent = uiString("list_view", "List the {count} events of this view", { count: count });
    link.parentNode.hidden = false;
  }

  /* Plotly follows a resize (CONFIG.responsive) by forgetting the figure's height and taking the
   * box's; a box whose height is only its content's (#chart has none of its own) then falls to its
   * min-height, and the rows squeeze into it until the layout for the new width comes, labels over
   * other events' marks. The box keeps the height of the figure drawn: a resize changes the width alone. */
  function keepHeight(holder, layout) {
    holder.style.height = layout.height + "px";
  }

  function withTheme(holder, layout) {
    // The lanes' colours, lighter on a dark page (theme.js), in the figure being drawn.
    if (window.summitTheme) window.summitTheme.paintChart(holder._summitFigure, holder);
    // Plotly's dark grey text would vanish on a dark page: take the page's colour.
    return Object.assign({}, layout, { font: Object.assign({}, layout.font, { color: getComputedStyle(holder).color }) });
  }

  /* The window API's address for a window at a plot width; the page's own filters (its from/to among them) stay. */
  function windowUrl(holder, from, to, width) {
    var url = new URL(holder.dataset.windowUrl, location.href);
    url.searchParams.set("window", from + ".." + to);
    url.searchParams.set("width", width);
    return url;
  }

  function fetchFigure(url) {
    return fetch(url, { headers: { Accept: "application/json" } }).then(function (response) {
      if (!response.ok) throw new Error("window " + response.status);
      return response.json();
    });
  }

  function figureSource(holder) {
    var source = holder.parentNode && holder.parentNode.querySelector("script[type='application/json']");
    return source || document.getElementById("timeline-figure");
  }

  /* The figure Plotly draws first: the server's, or, when the reader's plot
   * width is not the one it was laid out for, the same window laid out for this
   * width. Asked for once per figure: at the reader's intent (prepare(), while
   * plotly.js downloads) or when Plotly is there, so the chart is drawn once,
   * already fitted. Returns { server, promise, chosen }: `chosen` is set once
   * the figure to draw is known (at once when the server's fits). */
  function firstFigure(holder) {
    var source = figureSource(holder);
    if (!source) return null;
    if (holder._summitFirst && holder._summitFirst.source === source) return holder._summitFirst;
    var figure = JSON.parse(source.textContent);
    var server = { figure: figure, fitted: true, window: "" };
    var first = { source: source, server: server, chosen: server, promise: Promise.resolve(server) };
    var laidOut = figure.layout.meta && figure.layout.meta.width;
    var range = figure.layout.xaxis && figure.layout.xaxis.range;
    var width = Math.max(MIN_PLOT_WIDTH, Math.round(plotWidth(holder, figure)));
    if (laidOut && range && holder.dataset.windowUrl && Math.abs(width - laidOut) > WIDTH_TOLERANCE_PX) {
      var from = isoDay(range[0], false), to = isoDay(range[1], true);
      first.chosen = null;
      first.server = { figure: figure, fitted: false, window: "" };
      first.promise = fetchFigure(windowUrl(holder, from, to, width))
        .then(function (fitted) {
          // The server's exact range, so nothing moves when Plotly takes over from the SVG.
          fitted.layout.xaxis = Object.assign({}, fitted.layout.xaxis, { range: range.slice(), autorange: false });
          // Nor does the box change height under the reader's eyes (the page below would move): rows
          // a little closer or further apart instead, unless the layout needs many more or fewer rows.
          var height = figure.layout.height || 0;
          if (Math.abs((fitted.layout.height || 0) - height) <= HEIGHT_TOLERANCE * height) fitted.layout.height = height;
          return { figure: fitted, fitted: true, window: from + "/" + to + "/" + width };
        })
        .catch(function (error) {
          if (window.console) console.warn("summit: could not lay out the chart for its width", error);
          return first.server;
        })
        .then(function (chosen) {
          first.chosen = chosen;
          return chosen;
        });
    }
    holder._summitFirst = first;
    return first;
  }

  /* The server's layout of the window in view, at this chart's width. */
  function relayout(holder) {
    var range = holder._fullLayout.xaxis.range;
    var from = isoDay(range[0], false), to = isoDay(range[1], true);
    // The server lays out plots from MIN_PLOT_WIDTH (timeline/chart/style.py) up.
    var width = Math.max(MIN_PLOT_WIDTH, Math.round(plotWidth(holder, holder._summitFigure)));
    var key = from + "/" + to + "/" + width;
    if (key === holder.dataset.window) return;
    holder.dataset.window = key;
    if (holder._summitZoomed) rememberWindow(from, to);
    var request = (holder._windowRequest || 0) + 1;
    holder._windowRequest = request;
    holder.dataset.fitted = "false";
    fetchFigure(windowUrl(holder, from, to, width))
      .then(function (figure) {
        if (request !== holder._windowRequest) return; // a later zoom won
        holder._summitFigure = figure;
        var layout = withTheme(holder, figure.layout);
        // Keep the reader's exact range; the layout was made for the whole days around it.
        layout.xaxis = Object.assign({}, layout.xaxis, { range: range.slice(), autorange: false });
        layout.datarevision = request;
        offerWindowList(from, to, figure.layout.meta.total);
        keepHeight(holder, layout);
        return Plotly.react(holder, figure.data, layout, CONFIG).then(function () {
          holder.dataset.fitted = "true";
          rendered(holder);
        });
      })
      .catch(function (error) {
        holder.dataset.window = "";
        if (window.console) console.warn("summit: could not lay out the window", error);
      });
  }

  /* Two-finger pinch zooms the time axis on touch screens (plotly.js pans
   * with one finger but has no pinch); the page itself still scrolls. */
  function enablePinchZoom(holder) {
    var pinch = null;
    function spread(touches) { return Math.abs(touches[0].clientX - touches[1].clientX) || 1; }
    holder.addEventListener("touchstart", function (event) {
      if (event.touches.length !== 2 || !holder._fullLayout) return;
      var axis = holder._fullLayout.xaxis;
      var box = holder.querySelector(".nsewdrag").getBoundingClientRect();
      var middle = (event.touches[0].clientX + event.touches[1].clientX) / 2 - box.left;
      pinch = {
        spread: spread(event.touches),
        range: axis.range.map(function (value) { return new Date(value).getTime(); }),
        centre: new Date(axis.p2d(middle)).getTime(),
      };
      // Captured before plotly.js sees it, which would start a one-finger pan.
      event.preventDefault();
      event.stopPropagation();
    }, { passive: false, capture: true });
    holder.addEventListener("touchmove", function (event) {
      if (!pinch || event.touches.length !== 2) return;
      event.preventDefault();
      event.stopPropagation();
      var scale = pinch.spread / spread(event.touches);
      var range = pinch.range.map(function (edge) { return new Date(pinch.centre + (edge - pinch.centre) * scale).toISOString(); });
      Plotly.relayout(holder, { "xaxis.range": range });
    }, { passive: false, capture: true });
    holder.addEventListener("touchend", function () { pinch = null; });
  }

  function listen(holder) {
    if (holder.dataset.listening) return;
    holder.dataset.listening = "true";
    enablePinchZoom(holder);
    holder.on("plotly_click", function (event) {
      var point = event.points && event.points[0];
      if (point && point.customdata) openEvent(holder, point.customdata[0]);
    });
    // A label opens its event too; lane names are not events.
    holder.on("plotly_clickannotation", function (event) {
      var name = event.annotation && event.annotation.name;
      if (name && name !== "lane") openEvent(holder, name);
    });
    var timer = null;
    holder.on("plotly_relayout", function (change) {
      var zoomed = Object.keys(change).some(function (name) {
        return name.indexOf("xaxis.range") === 0 || name === "xaxis.autorange";
      });
      if (!zoomed) return;
      holder._summitZoomed = true;
      clearTimeout(timer);
      timer = setTimeout(function () { relayout(holder); }, RELAYOUT_DELAY_MS);
    });
    var resizeTimer = null;
    window.addEventListener("resize", function () {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(function () { if (holder.isConnected && holder._fullLayout) relayout(holder); }, RELAYOUT_DELAY_MS);
    });
  }

  function drawChart(holder) {
    if (!window.Plotly) return;
    var first = firstFigure(holder);
    if (!first) return;
    // drawAll() and htmx.onLoad may both ask: the last asked draws, once.
    var drawing = (holder._summitDrawing || 0) + 1;
    holder._summitDrawing = drawing;
    if (first.chosen) {
      draw(holder, first.chosen, drawing);
      return;
    }
    // The layout for this width has not come yet (a slow server): zoom need not wait for it.
    // Draw the server's figure now and the fitted one when it comes, unless the reader has
    // zoomed by then (relayout() fits that view anyway).
    draw(holder, first.server, drawing);
    first.promise.then(function (chosen) {
      if (chosen !== first.server && !holder._summitZoomed && !holder._windowRequest) draw(holder, chosen, drawing);
    });
  }

  function draw(holder, chosen, drawing) {
    if (drawing !== holder._summitDrawing || !holder.isConnected) return;
    var figure = chosen.figure;
    holder._summitFigure = figure;
    // A history restore brings back Plotly's markup without its state (the server's SVG stays until Plotly has drawn).
    if (!holder._fullLayout) {
      Array.prototype.slice.call(holder.children).forEach(function (child) {
        if (!child.matches("svg.chart-first-view")) child.remove();
      });
    }
    holder.dataset.window = chosen.window;
    keepHeight(holder, figure.layout);
    return Plotly.react(holder, figure.data, withTheme(holder, figure.layout), CONFIG).then(function () {
      // The server's first view, drawn as SVG before plotly.js came, is no longer needed.
      holder.querySelectorAll("svg.chart-first-view").forEach(function (svg) { svg.remove(); });
      listen(holder);
      holder.dataset.fitted = chosen.fitted ? "true" : "false";
      rendered(holder);
    });
  }

  function drawAll() {
    if (!window.Plotly) return;
    document.querySelectorAll("#chart").forEach(drawChart);
  }

  /* Called at the reader's intent, as plotly.js starts downloading: the
   * layout for the reader's width comes in the meantime. */
  function prepare() {
    document.querySelectorAll("#chart").forEach(firstFigure);
  }

  window.summitChart = { drawAll: drawAll, prepare: prepare, openEvent: openEvent };

  // The reader switched themes: the chart takes the new colours and keeps its zoom.
  document.addEventListener("summit:theme-change", function () {
    if (!window.Plotly) return;
    document.querySelectorAll("#chart").forEach(function (holder) {
      if (!holder._fullLayout || !holder._summitFigure) return;
      var figure = holder._summitFigure;
      var layout = withTheme(holder, figure.layout);
      layout.xaxis = Object.assign({}, layout.xaxis, { range: holder._fullLayout.xaxis.range.slice(), autorange: false });
      layout.datarevision = "theme-" + Date.now();
      Plotly.react(holder, figure.data, layout, CONFIG);
    });
  });

  // The reader reached for the chart before this script ran; plotly.js may even have come already.
  if (window.summitPlotlyWanted) prepare();
  if (window.Plotly) drawAll();

  htmx.onLoad(function (element) {
    if (!window.Plotly) return; // the loader calls drawAll() once plotly.js is here
    var holder = element.id === "chart" ? element : element.querySelector && element.querySelector("#chart");
    if (holder) drawChart(holder);
  });

  // Keep the history snapshot small and free of Plotly's live markup.
  document.addEventListener("htmx:beforeHistorySave", function () {
    if (!window.Plotly) return;
    document.querySelectorAll(".js-plotly-plot").forEach(function (plot) {
      Plotly.purge(plot);
      plot.innerHTML = "";
      delete plot.dataset.listening;
    });
  });
})();
