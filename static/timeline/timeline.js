/* Draws the timeline chart from the figure the server embedded as JSON,
 * and opens an event's detail panel when a point is clicked.
 * Re-run by htmx.onLoad on every swap, so filters and history restores redraw. */
(function () {
  "use strict";

  var CONFIG = {
    responsive: true,
    scrollZoom: true,
    displaylogo: false,
    modeBarButtonsToRemove: ["select2d", "lasso2d", "autoScale2d"],
  };

  function openPanel(slug, holder) {
    var url = holder.dataset.panelUrl.replace("SLUG", encodeURIComponent(slug));
    htmx.ajax("GET", url, { target: "#detail", swap: "innerHTML" });
  }

  function drawChart(holder) {
    var figureData = document.getElementById("timeline-figure");
    if (!holder || !figureData || !window.Plotly) return;
    var figure = JSON.parse(figureData.textContent);
    // A history restore brings back Plotly's markup without its state.
    if (!holder._fullLayout) holder.innerHTML = "";
    Plotly.react(holder, figure.data, figure.layout, CONFIG).then(function () {
      holder.dataset.rendered = "true";
      holder.dispatchEvent(new CustomEvent("timeline:rendered", { bubbles: true }));
    });
    if (!holder.dataset.listening) {
      holder.dataset.listening = "true";
      holder.on("plotly_click", function (event) {
        var point = event.points && event.points[0];
        if (point && point.customdata) openPanel(point.customdata[0], holder);
      });
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
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && document.querySelector("#detail.open")) closePanel();
  });
})();
