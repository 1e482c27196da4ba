/* Light or dark (built into static/timeline/theme.js): the reader's choice,
 * remembered in localStorage, over the system's. Loaded in <head> without
 * defer, so the theme is on <html> before the first paint and a page never
 * flashes the other theme. The chart takes the new colours on
 * summit:theme-change (chart/colours.js). The button's words are the page's
 * (strings.js). */

import { uiString } from "./strings.js";

const KEY = "summit-theme";
const root = document.documentElement;

function start() {
  // An embed's theme is the publisher's choice, set by the server.
  if (root.hasAttribute("data-theme")) return;
  try {
    const chosen = localStorage.getItem(KEY);
    if (chosen === "light" || chosen === "dark") root.setAttribute("data-theme", chosen);
  } catch {
    /* Storage refused (private mode, blocked cookies): follow the system. */
  }
  const systemDark = window.matchMedia("(prefers-color-scheme: dark)");
  const current = () => root.getAttribute("data-theme") || (systemDark.matches ? "dark" : "light");
  // The chart draws its text and marks in the page's colours: it redraws on this.
  /** @param {string} theme */
  const changed = (theme) =>
    document.dispatchEvent(new CustomEvent("summit:theme-change", { detail: { theme } }));

  // The button says what it will do: "Light theme" on a dark page, "Dark theme" on a light one.
  const showState = () => {
    const dark = current() === "dark";
    document.querySelectorAll("[data-theme-toggle]").forEach((node) => {
      const button = /** @type {HTMLElement} */ (node);
      button.hidden = false;
      button.textContent = dark
        ? uiString("light_theme", "Light theme")
        : uiString("dark_theme", "Dark theme");
      button.dataset.next = dark ? "light" : "dark";
    });
  };

  document.addEventListener("DOMContentLoaded", showState);
  systemDark.addEventListener("change", () => {
    showState();
    if (!root.hasAttribute("data-theme")) changed(current());
  });
  document.addEventListener("click", (event) => {
    if (!(event.target instanceof Element) || !event.target.closest("[data-theme-toggle]")) return;
    const theme = current() === "dark" ? "light" : "dark";
    root.setAttribute("data-theme", theme);
    try {
      localStorage.setItem(KEY, theme);
    } catch {
      /* The choice holds for this page only. */
    }
    showState();
    changed(theme);
  });
}

start();
