/* Light or dark: the reader's choice, remembered in localStorage, over the
 * system's. Loaded in <head> without defer, so the theme is on <html> before
 * the first paint and a page never flashes the other theme. */
(function () {
  "use strict";

  var KEY = "summit-theme";
  var root = document.documentElement;

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

  function showState() {
    document.querySelectorAll("[data-theme-toggle]").forEach(function (button) {
      button.hidden = false;
      button.setAttribute("aria-pressed", String(current() === "dark"));
    });
  }

  document.addEventListener("DOMContentLoaded", showState);
  systemDark.addEventListener("change", showState);

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
    // The chart draws its text in the page's colour: it redraws on this.
    document.dispatchEvent(new CustomEvent("summit:theme-change", { detail: { theme: theme } }));
  });
})();
