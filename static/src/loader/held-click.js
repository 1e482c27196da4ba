/* Until htmx has started, a link meant for the panel (hx-get) would navigate
 * the page, or the embed's frame: hold the click and open the panel once
 * htmx is there (htmx comes deferred, or in the embed after the first paint). */

// A click held for htmx this long (htmx blocked or failed to load) opens the link's own page instead.
const HTMX_WAIT_MS = 8000;

function htmxReady() {
  return !!window.htmx && document.readyState !== "loading";
}

/** htmx says it has started with htmx:load on the body. @param {() => void} callback */
function whenHtmxStarts(callback) {
  let called = false;
  const once = () => {
    if (called) return;
    called = true;
    document.removeEventListener("htmx:load", once); // every later swap fires it too
    setTimeout(callback, 0);
  };
  document.addEventListener("htmx:load", once);
  setTimeout(once, HTMX_WAIT_MS);
}

/** @param {Element} link */
function openWithHtmx(link) {
  // htmx never came: the link's own page.
  if (!window.htmx) {
    location.href = link.getAttribute("href") || "";
    return;
  }
  /** @type {{target: string, swap: string, source?: Element}} */
  const options = {
    target: link.getAttribute("hx-target") || "#detail",
    swap: link.getAttribute("hx-swap") || "innerHTML",
  };
  // plotly.js may have replaced the first view the link was in meanwhile: htmx sends nothing for a detached source.
  if (link.isConnected) options.source = link;
  window.htmx.ajax("GET", link.getAttribute("hx-get"), options);
}

export function startHeldClicks() {
  document.addEventListener(
    "click",
    (event) => {
      if (htmxReady() || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const link = event.target instanceof Element && event.target.closest("a[hx-get]");
      if (!link) return;
      event.preventDefault();
      if (htmxReady()) openWithHtmx(link);
      else whenHtmxStarts(() => openWithHtmx(link));
    },
    true,
  );
}
