/* Light or dark: the reader's choice, remembered in localStorage, over the
 * system's. Loaded in <head> without defer, so the theme is on <html> before
 * the first paint and a page never flashes the other theme. */
(function () {
  "use strict";

  var KEY = "summit-theme";
  var root = document.documentElement;

  /* The chart's lane and mark colours for the page it is on: the figure lists each light colour's
   * lighter twin (figure.dark, timeline/chart/draw_plotly.py), which a dark page draws instead.
   * Changes the figure in place, both ways, so it can be switched back and forth; timeline.js
   * calls it on every draw. `element` is the chart, whose text colour says the page is dark. */
  function paintChart(figure, element) {
    if (!figure || !figure.dark) return;
    var rgb = (getComputedStyle(element).color.match(/\d+(\.\d+)?/g) || []).map(Number);
    var dark = rgb.length >= 3 && rgb[0] + rgb[1] + rgb[2] > 3 * 128; // light text: a dark page
    var swap = {};
    Object.keys(figure.dark).forEach(function (light) {
      if (dark) swap[light] = figure.dark[light];
      else swap[figure.dark[light]] = light;
    });
    function painted(value) {
      return Array.isArray(value) ? value.map(painted) : (swap[value] || value);
    }
    figure.data.forEach(function (trace) {
      if (trace.marker) {
        trace.marker.color = painted(trace.marker.color);
        if (trace.marker.line) trace.marker.line.color = painted(trace.marker.line.color);
      }
      if (trace.line) trace.line.color = painted(trace.line.color);
      // Range bars: faded on a light page, whole and thinner on a dark one (3:1 against it).
      var look = trace.meta === "ranges" && figure.range_bars && figure.range_bars[dark ? "dark" : "light"];
      if (look) {
        trace.opacity = look.opacity;
        trace.line.width = look.width;
      }
    });
    (figure.layout.shapes || []).forEach(function (shape) {
      if (shape.fillcolor) shape.fillcolor = painted(shape.fillcolor);
    });
  }
  window.summitTheme = { paintChart: paintChart };

  // An embed's theme is the publisher's choice, already set by the server.
  if (root.hasAttribute("data-theme")) return;

  try {
    var chosen = localStorage.getItem(KEY);
    if (chosen === "light" || chosen === "dark") root.setAttribute("data-theme", chosen);
  } catch (error) {
    /* Storage refused (private mode, blocked cookies): follow the system. */
  }

  var systemDark = window.matchMedia("(prefers-color-scheme: dark)");

  function current() {
    return root.getAttribute("data-theme") || (systemDark.matches ? "dark" : "light");
  }

  function changed(theme) {
    // The chart draws its text and marks in the page's colours: it redraws on this.
    document.dispatchEvent(new CustomEvent("summit:theme-change", { detail: { theme: theme } }));
  }

  /* The page's words in its language (base.html's #ui-strings), {name} filled from `values`. */
  function uiString(key, fallback, values) {
    var node = document.getElementById("ui-strings"), text = fallback;
    try { text = (node && JSON.parse(node.textContent)[key]) || fallback; } catch (error) { /* keep English */ }
    return text.replace(/\{(\w+)\}/g, function (whole, name) { return values && name in values ? values[name] : whole; });
  }

  // The button says what it will do: "Light theme" on a dark page, "Dark theme" on a light one.
  function showState() {
    var dark = current() === "dark";
    document.querySelectorAll("[data-theme-toggle]").forEach(function (button) {
      button.hidden = false;
      button.textContent = dark ? uiString("light_theme", "Light theme") : uiString("dark_theme", "Dark theme");
      button.dataset.next = dark ? "light" : "dark";
    });
  }

  document.addEventListener("DOMContentLoaded", showState);
  systemDark.addEventListener("change", function () {
    showState();
    if (!root.hasAttribute("data-theme")) changed(current());
  });

  document.addEventListener("click", function (event) {
    if (!event.target.closest || !event.target.closest("[data-theme-toggle]")) return;
    var theme = current() === "dark" ? "light" : "dark";
    root.setAttribute("data-theme", theme);
    try {
      localStorage.setItem(KEY, theme);
    } catch (error) {
      /* The choice holds for this page only. */
    }
    showState();
    changed(theme);
  });
})();
