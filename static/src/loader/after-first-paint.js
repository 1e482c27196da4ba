/* The embed's scripts run after its first paint. The server draws the chart,
 * so the reader sees it as soon as the page is parsed; htmx, the panel, the
 * keyboard and the frame's resizing (script a phone takes tens of
 * milliseconds to run) wait until the chart is on the screen.
 *
 * The page lists them, in order, as ordinary script tags inside
 * <template id="after-first-paint">: a template's scripts are neither fetched
 * nor run. This copies them into the page once it has loaded and painted.
 * Not sooner: htmx 2 starts only when it runs before DOMContentLoaded or once
 * the page has loaded (a click before then is held: held-click.js). */

/** @param {HTMLScriptElement} listed */
function run(listed) {
  const script = document.createElement("script");
  for (const attribute of listed.attributes) {
    if (attribute.name !== "defer" && attribute.name !== "async")
      script.setAttribute(attribute.name, attribute.value);
  }
  script.async = false; // in the listed order: htmx before the scripts that use it
  document.head.appendChild(script);
}

function runListed() {
  const template = document.getElementById("after-first-paint");
  if (!(template instanceof HTMLTemplateElement)) return;
  // An animation frame runs just before a paint; a task queued from it, just after.
  requestAnimationFrame(() =>
    setTimeout(() => {
      template.content
        .querySelectorAll("script[src]")
        .forEach((script) => run(/** @type {HTMLScriptElement} */ (script)));
      template.remove();
    }, 0),
  );
}

export function startAfterFirstPaint() {
  if (document.readyState === "complete") runListed();
  else window.addEventListener("load", runListed);
}
