/* Keyboard use of the timeline chart: with #chart focused, the left and right
 * arrow keys (Home, End) step through the drawn events in date order, the
 * focused event is highlighted and announced, Enter opens its detail panel
 * (the panel a click opens), Escape closes it and brings focus back here.
 * The order is the one of the chronological list under the chart, so the
 * keyboard, the list and the server agree. */
(function () {
  "use strict";

  var state = { holder: null, order: [], index: -1, openedFromChart: false };

  /* The page's words in its language (base.html's #ui-strings), {name} filled from `values`. */
  function uiString(key, fallback, values) {
    var node = document.getElementById("ui-strings"), text = fallback;
    try { text = (node && JSON.parse(node.textContent)[key]) || fallback; } catch (error) { /* keep English */ }
    return text.replace(/\{(\w+)\}/g, function (whole, name) { return values && name in values ? values[name] : whole; });
  }

  function chart() {
    return document.getElementById("chart");
  }

  // Every drawn event once: its slug, date and first drawn point.
  function drawnEvents(holder) {
    var bySlug = {};
    (holder.data || []).forEach(function (trace, curveNumber) {
      (trace.customdata || []).forEach(function (point, pointNumber) {
        var slug = point && point[0];
        if (!slug || bySlug[slug]) return;
        var x = trace.type === "bar" ? trace.base[pointNumber] : trace.x[pointNumber];
        bySlug[slug] = { slug: slug, x: x, curveNumber: curveNumber, pointNumber: pointNumber };
      });
    });
    var listed = [];
    document.querySelectorAll(".event-list [data-slug]").forEach(function (link) {
      var item = bySlug[link.dataset.slug];
      if (item && listed.indexOf(item) === -1) listed.push(item);
    });
    // Anything drawn but not listed (a list still loading) goes by date.
    var rest = Object.keys(bySlug).map(function (slug) { return bySlug[slug]; })
      .filter(function (item) { return listed.indexOf(item) === -1; })
      .sort(function (a, b) { return String(a.x).localeCompare(String(b.x)); });
    return listed.concat(rest);
  }

  function describe(item) {
    var link = document.querySelector('.event-list [data-slug="' + CSS.escape(item.slug) + '"]');
    if (!link) return item.slug;
    var row = link.closest(".event-item");
    var date = row && row.querySelector(".date");
    return (date ? date.textContent.trim() + ": " : "") + link.textContent.trim();
  }

  function bringIntoView(holder, item) {
    var axis = holder._fullLayout && holder._fullLayout.xaxis;
    if (!axis) return;
    var range = axis.range.map(function (value) { return new Date(value).getTime(); });
    var at = new Date(item.x).getTime();
    if (at >= range[0] && at <= range[1]) return;
    var half = (range[1] - range[0]) / 2;
    Plotly.relayout(holder, {
      "xaxis.range": [new Date(at - half).toISOString(), new Date(at + half).toISOString()],
    });
  }

  function focusEvent(holder, index) {
    if (!state.order.length) return;
    state.index = Math.max(0, Math.min(state.order.length - 1, index));
    var item = state.order[state.index];
    holder.dataset.focusedSlug = item.slug;
    bringIntoView(holder, item);
    // The hover label is the visible highlight; it shows title and date.
    try {
      Plotly.Fx.hover(holder, [{ curveNumber: item.curveNumber, pointNumber: item.pointNumber }]);
    } catch (error) {
      /* A point outside the drawn window has no label; the announcement still says where we are. */
    }
    var status = document.getElementById("chart-focus");
    if (status) {
      var position = uiString("position", "{index} of {total}", { index: state.index + 1, total: state.order.length });
      status.textContent = describe(item) + " (" + position + ")";
    }
  }

  function openFocused(holder) {
    var item = state.order[state.index];
    if (!item) return;
    state.openedFromChart = true;
    // The same way a click opens it (timeline.js), so page.js puts it in the URL.
    window.summitChart.openEvent(holder, item.slug);
  }

  // Plotly draws text and grid in fixed colours; follow the page's (light or dark) instead.
  function followTheme(holder) {
    var colour = getComputedStyle(holder).color;
    var layout = holder.layout || {};
    if (!colour || (layout.font && layout.font.color === colour)) return;
    Plotly.relayout(holder, { "font.color": colour, "xaxis.linecolor": colour, "yaxis.linecolor": colour });
  }

  document.addEventListener("timeline:rendered", function (event) {
    var holder = event.target;
    if (holder.id !== "chart") return;
    followTheme(holder);
    var focused = holder.dataset.focusedSlug;
    state.holder = holder;
    state.order = drawnEvents(holder);
    state.index = -1;
    state.order.forEach(function (item, index) {
      if (item.slug === focused) state.index = index;
    });
  });

  document.addEventListener("keydown", function (event) {
    var holder = chart();
    if (!holder || event.target !== holder || event.altKey || event.ctrlKey || event.metaKey) return;
    if (state.holder !== holder) {
      state.holder = holder;
      state.order = drawnEvents(holder);
      state.index = -1;
    }
    var moves = {
      ArrowRight: state.index + 1,
      ArrowDown: state.index + 1,
      ArrowLeft: state.index < 0 ? 0 : state.index - 1,
      ArrowUp: state.index < 0 ? 0 : state.index - 1,
      Home: 0,
      End: state.order.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      focusEvent(holder, moves[event.key]);
    } else if ((event.key === "Enter" || event.key === " ") && state.index >= 0) {
      event.preventDefault();
      openFocused(holder);
    }
  });

  // timeline.js closes the panel on Escape; send focus back where it came from.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !state.openedFromChart) return;
    state.openedFromChart = false;
    window.setTimeout(function () {
      var holder = chart();
      if (holder && !document.querySelector("#detail.open")) holder.focus();
    }, 0);
  });

  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-close-detail]") && state.openedFromChart) {
      state.openedFromChart = false;
      var holder = chart();
      if (holder) holder.focus();
    }
  });

  // Leaving the chart takes the keyboard highlight with it.
  document.addEventListener("focusout", function (event) {
    if (event.target === chart() && window.Plotly) Plotly.Fx.unhover(event.target);
  });
})();
