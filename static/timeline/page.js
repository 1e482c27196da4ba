/* The timeline page around the chart: the detail panel (the one place that
 * opens and closes it, with `?event=<slug>` in the address bar so a link
 * reproduces it and the back button closes it), "Copy link", the embed
 * snippet's "Copy", and the filter form's error marks. */
(function () {
  "use strict";

  var HINT_TEXT = "Select an event on the chart or in the list to read the passages it rests on.";

  /* The page's words in its language (base.html's #ui-strings), {name} filled from `values`. */
  function uiString(key, fallback, values) {
    var node = document.getElementById("ui-strings"), text = fallback;
    try { text = (node && JSON.parse(node.textContent)[key]) || fallback; } catch (error) { /* keep English */ }
    return text.replace(/\{(\w+)\}/g, function (whole, name) { return values && name in values ? values[name] : whole; });
  }
  var PANEL_PATH = /\/events\/([^/]+)\/panel\/$/;
  // In an embed the address bar is the article's: its history is not ours to push onto.
  var OWNS_HISTORY = window.parent === window;

  // Set while the back or forward button (not the reader's click) opens a panel.
  var restoring = false;
  // Where the address bar last was: a step back that only changes `event` is ours to answer.
  var lastHref = location.href;

  function detail() {
    return document.getElementById("detail");
  }

  function panelUrl(slug) {
    return "/events/" + encodeURIComponent(slug) + "/panel/";
  }

  function urlWithEvent(slug) {
    var url = new URL(location.href);
    if (slug) url.searchParams.set("event", slug);
    else url.searchParams.delete("event");
    return url.pathname + url.search + url.hash;
  }

  // The filter form carries the open event along, so filtering keeps it in the URL.
  function rememberInForm(slug) {
    var field = document.getElementById("id_event");
    if (!field) return;
    field.value = slug || "";
    field.disabled = !slug;
  }

  function openEvent(slug) {
    htmx.ajax("GET", panelUrl(slug), { target: "#detail", swap: "innerHTML" });
  }

  /* Opening or closing the panel widens or narrows the chart's column on a wide screen:
   * plotly.js and timeline.js lay the chart out again on a resize. */
  function showPanel(panel, open) {
    if (panel.classList.contains("open") === open) return;
    panel.classList.toggle("open", open);
    window.dispatchEvent(new Event("resize"));
  }

  function closePanel() {
    var panel = detail();
    if (!panel || !panel.classList.contains("open")) return;
    var hint = document.createElement("p");
    hint.className = "hint";
    hint.textContent = uiString("hint", HINT_TEXT);
    panel.replaceChildren(hint);
    showPanel(panel, false);
    rememberInForm(null);
    if (!OWNS_HISTORY) return;
    history.replaceState(history.state, "", urlWithEvent(null));
    lastHref = location.href;
  }

  // The chart (a click on a mark, Enter on a focused one) asks for an event's panel.
  document.addEventListener("summit:open-event", function (event) {
    if (!event.detail || !event.detail.slug) return;
    event.preventDefault();
    openEvent(event.detail.slug);
  });

  // However a panel arrived (chart, list, a linked event inside a panel), it is shown and put in the URL.
  document.addEventListener("htmx:afterSwap", function (event) {
    var panel = detail();
    if (event.target !== panel) return;
    var match = PANEL_PATH.exec((event.detail.pathInfo && event.detail.pathInfo.requestPath) || "");
    showPanel(panel, true);
    var heading = panel.querySelector("h2");
    if (heading) heading.focus();
    if (!match) return;
    var slug = decodeURIComponent(match[1]);
    rememberInForm(slug);
    if (OWNS_HISTORY && !restoring && new URL(location.href).searchParams.get("event") !== slug) {
      // Marked as htmx's: coming back here from other filters, htmx restores this page, panel and all.
      history.pushState({ htmx: true }, "", urlWithEvent(slug));
      lastHref = location.href;
    }
    restoring = false;
  });

  // A filter answer can land after the panel changed (blurring the search box to click × sends one):
  // the URL it pushes names the event open now, not the one open when it was asked.
  document.addEventListener("htmx:beforeHistoryUpdate", function (event) {
    var field = document.getElementById("id_event");
    if (!field || !event.detail.history) return;
    var url = new URL(event.detail.history.path, location.href);
    if (field.disabled) url.searchParams.delete("event");
    else url.searchParams.set("event", field.value);
    event.detail.history.path = url.pathname + url.search;
  });

  function withoutEvent(href) {
    var url = new URL(href);
    url.searchParams.delete("event");
    url.searchParams.delete("window");
    url.searchParams.sort();
    return url.pathname + url.search;
  }

  document.addEventListener("htmx:pushedIntoHistory", function () { lastHref = location.href; });
  document.addEventListener("htmx:replacedInHistory", function () { lastHref = location.href; });

  // Capturing, so it runs before htmx's own handler, which would restore a whole snapshot.
  window.addEventListener("popstate", function (event) {
    var before = lastHref;
    lastHref = location.href;
    if (withoutEvent(before) !== withoutEvent(location.href)) return;
    event.stopImmediatePropagation();
    var slug = new URL(location.href).searchParams.get("event");
    if (!slug) {
      closePanel();
    } else if (!document.querySelector('#detail.open [id="event-title-' + CSS.escape(slug) + '"]')) {
      restoring = true;
      openEvent(slug);
    }
  }, true);

  // The filter form's messages sit beside it; each field they name is marked invalid and described by its message.
  function markInvalidFields() {
    var form = document.getElementById("filters");
    if (!form) return;
    form.querySelectorAll("input[name]:not([type=checkbox]):not([type=hidden]), select[name]").forEach(function (field) {
      var message = document.getElementById("errors-" + field.name);
      if (message) {
        field.setAttribute("aria-invalid", "true");
        field.setAttribute("aria-describedby", message.id);
      } else {
        field.removeAttribute("aria-invalid");
        field.removeAttribute("aria-describedby");
      }
    });
  }
  document.addEventListener("htmx:afterSettle", markInvalidFields);

  function copy(text, button) {
    var status = (button.closest(".share") || document).querySelector(".copied");
    function say(message) { if (status) status.textContent = message; }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(
        function () { say(uiString("copied", "Copied.")); },
        function () { say(uiString("copy_this", "Copy this: {text}", { text: text })); }
      );
    } else {
      say(uiString("copy_this", "Copy this: {text}", { text: text }));
    }
  }

  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-close-detail]")) {
      closePanel();
      return;
    }
    var link = event.target.closest("[data-copy-link]");
    if (link) {
      // What is on screen: the filters, the chart's zoom window and the open event are all in the URL.
      copy(location.href, link);
      return;
    }
    var button = event.target.closest("[data-copy]");
    if (button) {
      var field = document.querySelector(button.dataset.copy);
      field.select();
      copy(field.value, button);
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && document.querySelector("#detail.open")) closePanel();
  });
})();
