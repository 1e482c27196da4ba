/* Draws the timeline chart from the figure the server embedded as JSON,
 * and opens an event's detail panel when a point is clicked.
 * Re-run by htmx.onLoad on every swap, so filters and history restores redraw. */
(function () {
  "use strict";

  var CONFIG = {
    responsive: true,
    scrollZoom: true,
    displaylogo: false,
    modeBarButtonsToRemove: ["select2d", "lasso2d"],
  };

  function openPanel(slug, holder) {
    var url = holder.dataset.panelUrl.replace("SLUG", encodeURIComponent(slug));
    htmx.ajax("GET", url, { target: "#detail", swap: "innerHTML" });
  }

  function rendered(holder) {
    holder.dataset.rendered = "true";
    holder.dispatchEvent(new CustomEvent("timeline:rendered", { bubbles: true }));
  }

  function isoDay(value, roundUp) {
    var date = new Date(value);
    if (roundUp) date = new Date(date.getTime() + 86399999);
    var year = Math.min(2200, Math.max(1800, date.getUTCFullYear()));
    if (year !== date.getUTCFullYear()) return roundUp ? "2200-12-31" : "1800-01-01";
    return date.toISOString().slice(0, 10);
  }

  /* The list pages through the filters; after a zoom, offer the list of just this view. */
  function offerWindowList(from, to, total) {
    var link = document.getElementById("list-window");
    if (!link) return;
    var query = new URLSearchParams(location.search);
    query.set("from", from);
    query.set("to", to);
    query.delete("page");
    link.href = location.pathname.replace(/embed\/$/, "") + "?" + query.toString();
    link.textContent = "List the " + total.toLocaleString("en") + " events of this view";
    link.parentNode.hidden = false;
  }

  /* Level of detail: a figure that stands for more events than it draws is
   * redrawn from the server for every new window the reader zooms or pans to. */
  function fetchWindow(holder) {
    var range = holder._fullLayout.xaxis.range;
    var from = isoDay(range[0], false), to = isoDay(range[1], true);
    var key = from + "/" + to;
    if (key === holder.dataset.window) return;
    holder.dataset.window = key;
    var url = holder.dataset.windowUrl;
    url += (url.indexOf("?") === -1 ? "?" : "&") + "from=" + from + "&to=" + to;
    var request = (holder._windowRequest || 0) + 1;
    holder._windowRequest = request;
    fetch(url, { headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error("window " + response.status);
        return response.json();
      })
      .then(function (figure) {
        if (request !== holder._windowRequest) return; // a later zoom won
        var layout = Object.assign({}, holder.layout, {
          yaxis: figure.layout.yaxis,
          yaxis2: figure.layout.yaxis2,
          height: figure.layout.height,
          meta: figure.layout.meta,
          datarevision: request,
          xaxis: Object.assign({}, holder.layout.xaxis, { range: range.slice(), autorange: false }),
        });
        offerWindowList(from, to, figure.layout.meta.total);
        return Plotly.react(holder, figure.data, layout, CONFIG).then(function () { rendered(holder); });
      })
      .catch(function (error) {
        holder.dataset.window = "";
        if (window.console) console.warn("summit: could not load the window", error);
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

  function drawChart(holder) {
    var figureData = document.getElementById("timeline-figure");
    if (!holder || !figureData || !window.Plotly) return;
    var figure = JSON.parse(figureData.textContent);
    // A history restore brings back Plotly's markup without its state.
    if (!holder._fullLayout) holder.innerHTML = "";
    var windowed = figure.layout.meta && figure.layout.meta.complete === false;
    // Plotly's dark grey text would vanish on a dark page: take the page's colour.
    figure.layout.font = Object.assign({}, figure.layout.font, { color: getComputedStyle(holder).color });
    Plotly.react(holder, figure.data, figure.layout, CONFIG).then(function () { rendered(holder); });
    if (!holder.dataset.listening) {
      holder.dataset.listening = "true";
      enablePinchZoom(holder);
      holder.on("plotly_click", function (event) {
        var point = event.points && event.points[0];
        if (point && point.customdata) openPanel(point.customdata[0], holder);
      });
      if (windowed) {
        var timer = null;
        holder.on("plotly_relayout", function (change) {
          var zoomed = Object.keys(change).some(function (name) { return name.indexOf("xaxis.range") === 0 || name === "xaxis.autorange"; });
          if (!zoomed) return;
          clearTimeout(timer);
          timer = setTimeout(function () { fetchWindow(holder); }, 150);
        });
      }
    }
  }

  function closePanel() {
    var detail = document.getElementById("detail");
    if (!detail) return;
    detail.innerHTML = '<p class="hint">Select an event on the chart or in the list to read the passages it rests on.</p>';
    detail.classList.remove("open");
  }

  htmx.onLoad(function (element) {
    var holder = element.id === "chart" ? element : element.querySelector && element.querySelector("#chart");
    if (holder) drawChart(holder);
  });

  // Keep the history snapshot small and free of Plotly's live markup.
  document.addEventListener("htmx:beforeHistorySave", function () {
    document.querySelectorAll(".js-plotly-plot").forEach(function (plot) {
      Plotly.purge(plot);
      plot.innerHTML = "";
    });
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.target.id !== "detail") return;
    event.target.classList.add("open");
    var heading = event.target.querySelector("h2");
    if (heading) heading.focus();
  });

  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-close-detail]")) closePanel();
    var copy = event.target.closest("[data-copy]");
    if (copy) {
      var field = document.querySelector(copy.dataset.copy);
      var status = copy.parentNode.querySelector(".copied");
      field.select();
      var done = function () { if (status) status.textContent = "Copied."; };
      if (navigator.clipboard) navigator.clipboard.writeText(field.value).then(done, function () { document.execCommand("copy"); done(); });
      else { document.execCommand("copy"); done(); }
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && document.querySelector("#detail.open")) closePanel();
  });
})();
