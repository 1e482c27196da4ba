/*
 * The label beside every ISO date box of the admin (the event form, the
 * review desk's accept form, the source form), redrawn as the editor types:
 * "Wed 14 Jan 2026", beside a range's latest date what readers will see
 * ("late Oct 2025"), or what is wrong ("There is no such day as 2026-02-30.").
 * The words come from the server (the box's data-date-label-url), which
 * labels dates for pages and exports too, so the two never disagree.
 * Without JavaScript the label drawn with the page stays.
 */
(function () {
  "use strict";

  var DELAY_MS = 150;
  var timers = new WeakMap();
  var asked = new WeakMap();

  // A range is earliest/latest/precision boxes sharing a prefix ("p12-" on the review desk, "" on the event form).
  function partOf(name) {
    var found = /^(.*)(earliest|latest|precision)$/.exec(name || "");
    return found ? { prefix: found[1], part: found[2] } : null;
  }

  function box(form, name) {
    return form.querySelector('[name="' + name.replace(/"/g, '\\"') + '"]');
  }

  function outputFor(input) {
    return input.id ? document.querySelector('output.date-label[for="' + input.id + '"]') : null;
  }

  function show(input, label) {
    var output = input && outputFor(input);
    if (!output || !label) return;
    output.textContent = label.text;
    output.classList.toggle("invalid", !!label.error);
  }

  function refresh(input) {
    var form = input.form || document;
    var range = partOf(input.name);
    var earliest = input;
    var latest = null;
    var precision = null;
    if (range) {
      earliest = box(form, range.prefix + "earliest");
      latest = box(form, range.prefix + "latest");
      precision = box(form, range.prefix + "precision");
      if (!earliest || !latest || !earliest.dataset.dateLabelUrl) {
        if (!input.dataset.dateLabelUrl) return;
        earliest = input;
        latest = null;
      }
    }
    var query = new URLSearchParams({ earliest: earliest.value });
    if (latest) {
      query.set("latest", latest.value);
      if (precision) query.set("precision", precision.value);
    }
    var key = latest || earliest;
    var ticket = (asked.get(key) || 0) + 1;
    asked.set(key, ticket);
    fetch(earliest.dataset.dateLabelUrl + "?" + query.toString(), {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (labels) {
        // Only the answer to the latest question: typing fast sends several.
        if (!labels || asked.get(key) !== ticket) return;
        show(earliest, labels.earliest);
        if (latest) show(latest, labels.latest);
      })
      .catch(function () { /* offline: the last label stays */ });
  }

  function later(input) {
    clearTimeout(timers.get(input));
    timers.set(input, setTimeout(function () { refresh(input); }, DELAY_MS));
  }

  function watched(target) {
    if (!(target instanceof HTMLElement)) return false;
    if (target.matches("input[data-date-label-url]")) return true;
    var range = target.matches("select") && partOf(target.name);
    return !!(range && range.part === "precision" && box(target.form || document, range.prefix + "latest"));
  }

  document.addEventListener("input", function (event) {
    if (watched(event.target)) later(event.target);
  });
  document.addEventListener("change", function (event) {
    if (watched(event.target)) later(event.target);
  });
})();
