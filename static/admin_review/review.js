/*
 * The review desk's keys and the glue htmx leaves to the page.
 *   j / k  next / previous proposal     a  accept it as proposed
 *   r      reject it (Undo in place)    /  search for an event to attach it to
 * Plain JS; the forms work without it (htmx off: normal posts).
 */
(function () {
  "use strict";

  function proposals() {
    return Array.from(document.querySelectorAll("section.proposal"));
  }

  function current() {
    return document.querySelector("section.proposal.current") || proposals()[0] || null;
  }

  function select(section) {
    if (!section) return;
    proposals().forEach(function (s) { s.classList.toggle("current", s === section); });
    section.focus({ preventScroll: true });
    section.scrollIntoView({ block: "nearest" });
  }

  function move(step) {
    var all = proposals();
    var index = all.indexOf(current());
    select(all[Math.min(all.length - 1, Math.max(0, index + step))]);
  }

  function submit(section, selector) {
    var form = section && section.querySelector(selector);
    if (form) form.requestSubmit();
  }

  function typing(target) {
    return target.closest("input, textarea, select, [contenteditable], .select2-container");
  }

  // The proposal just decided by a key: once its answer is in, the next one is current.
  var advancing = null;
  var movedFrom = null;

  function nextAfter(section) {
    var all = proposals();
    var rest = all.slice(all.indexOf(section) + 1);
    return rest.find(function (s) { return s.classList.contains("proposal-pending"); }) || rest[0] || null;
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return;
    var section = current();
    switch (event.key) {
      case "j": move(1); break;
      case "k": move(-1); break;
      case "a": advancing = section && section.id; movedFrom = null; submit(section, "form.quick-accept-form"); break;
      case "r": advancing = section && section.id; movedFrom = null; submit(section, "form.reject-form"); break;
      case "/": {
        var search = section && section.querySelector(".event-search");
        if (!search) return;
        search.closest("details").open = true;
        search.focus();
        break;
      }
      default: return;
    }
    event.preventDefault();
  });

  document.addEventListener("click", function (event) {
    var section = event.target.closest("section.proposal");
    movedFrom = null;
    if (section) proposals().forEach(function (s) { s.classList.toggle("current", s === section); });
  });

  // Enter in the event search searches; it must not post the attach form without an event.
  document.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && event.target.matches(".event-search")) {
      event.preventDefault();
      window.htmx && window.htmx.trigger(event.target, "search");
    }
  });

  // A swapped-in proposal is new markup: its actor pickers need the admin's select2, and it stays current.
  document.addEventListener("htmx:afterSwap", function (event) {
    var $ = window.django && window.django.jQuery;
    if ($ && $.fn.djangoAdminSelect2) {
      $(".review .admin-autocomplete").not(".select2-hidden-accessible").djangoAdminSelect2();
    }
  });

  // Once settled: htmx gives the focus back to the element that had it (the
  // decided card) as it settles, so moving on to the next card waits for that.
  document.addEventListener("htmx:afterSettle", function (event) {
    // After an outerHTML swap the old target is detached; its id finds the new one.
    var swapped = event.detail.target.id && document.getElementById(event.detail.target.id);
    if (!swapped || !swapped.matches("section.proposal")) return;
    // htmx settles the card once per piece of the answer (the card, then the
    // out-of-band counters): only the first moves on, the others leave it.
    if (swapped.id === movedFrom) return;
    var decided = swapped.id === advancing && !swapped.classList.contains("proposal-pending");
    advancing = null;
    if (decided) movedFrom = swapped.id;
    select(decided ? nextAfter(swapped) || swapped : swapped);
  });

  // Any passage citable: selecting text in the article fills the cite form
  // with it and with where it starts, so the server cites the occurrence
  // selected when the passage is in the article more than once. Typing in
  // the box instead searches the article for what is typed.
  document.addEventListener("selectionchange", function () {
    var box = document.getElementById("article-text");
    var passage = document.getElementById("cite-passage");
    var near = document.getElementById("cite-near");
    var selection = window.getSelection();
    if (!box || !passage || !near || !selection || !selection.rangeCount || selection.isCollapsed) return;
    var range = selection.getRangeAt(0);
    if (!box.contains(range.startContainer) || !box.contains(range.endContainer)) return;
    var before = document.createRange();
    before.selectNodeContents(box);
    before.setEnd(range.startContainer, range.startOffset);
    passage.value = range.toString();
    near.value = String(before.toString().length);
  });

  document.addEventListener("input", function (event) {
    if (event.target.id !== "cite-passage") return;
    var near = document.getElementById("cite-near");
    if (near) near.value = "";
  });

  // The source form (add an article): sent by XHR so the editor sees the
  // upload's progress, then that the article is being read for dates, which
  // takes a while for a long text, and then the page the admin answered with:
  // the review page (its message says how many proposals were made) or the
  // form with its errors.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.id !== "source_form" || !window.FormData) return;
    var bar = document.getElementById("upload-progress");
    var status = document.getElementById("upload-status");
    if (!bar || !status) return;
    event.preventDefault();
    var data = new FormData(form);
    if (event.submitter && event.submitter.name) data.append(event.submitter.name, event.submitter.value);
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.action || window.location.href);
    bar.hidden = false;
    bar.removeAttribute("value");
    status.textContent = "Sending the article…";
    xhr.upload.addEventListener("progress", function (progress) {
      if (!progress.lengthComputable) return;
      bar.max = progress.total;
      bar.value = progress.loaded;
      status.textContent = "Sending the article: " + Math.round(100 * progress.loaded / progress.total) + "%";
    });
    xhr.upload.addEventListener("load", function () {
      bar.removeAttribute("value");  // indeterminate: the server is reading it
      status.textContent = "Reading the article for dates…";
    });
    xhr.addEventListener("load", function () {
      // The page the admin answered with, as a normal post would show it: the
      // review page it redirected to (its message was read by this request,
      // so loading it again would lose it), or the form with its errors.
      document.open();
      document.write(xhr.responseText);
      document.close();
      if (xhr.responseURL) window.history.replaceState(null, "", xhr.responseURL);
    });
    xhr.addEventListener("error", function () {
      status.textContent = "The upload failed; check the connection and try again.";
      bar.hidden = true;
    });
    xhr.send(data);
  });
})();
