/* "Copy link" (the view on screen: the filters, the chart's zoom and the open
 * event are all in the address bar) and the embed snippet's "Copy", saying
 * so in the page's language (strings.js). */

import { uiString } from "../strings.js";
import { withoutEmptyParameters } from "./query.js";

/** @param {string} text @param {Element} button */
function copy(text, button) {
  const status = /** @type {HTMLElement | null} */ (
    (button.closest(".share") || document).querySelector(".copied")
  );
  /** @param {string} message */
  const say = (message) => {
    if (status) status.textContent = message;
  };
  const done = uiString("copied", "Copied.");
  const manual = uiString("copy_this", "Copy this: {text}", { text });
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(
      () => say(done),
      () => say(manual),
    );
  } else {
    say(manual);
  }
}

export function startShare() {
  document.addEventListener("click", (event) => {
    if (!(event.target instanceof Element)) return;
    const link = event.target.closest("[data-copy-link]");
    if (link) {
      copy(withoutEmptyParameters(location.href), link);
      return;
    }
    const button = event.target.closest("[data-copy]");
    const field =
      button &&
      /** @type {HTMLTextAreaElement | null} */ (
        document.querySelector(button.getAttribute("data-copy") || "")
      );
    if (button && field) {
      field.select();
      copy(field.value, button);
    }
  });
}
