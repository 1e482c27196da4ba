/* The words summit's scripts write, in the page's language: base.html's
 * #ui-strings (timeline/context_processors.py), each with its English
 * fallback here; {name} is filled from `values`. */

/** @type {Record<string, string> | null} */
let strings = null;

/**
 * @param {string} key
 * @param {string} fallback the English words
 * @param {Record<string, string | number>} [values]
 */
export function uiString(key, fallback, values = {}) {
  if (!strings) {
    try {
      strings = JSON.parse(document.getElementById("ui-strings")?.textContent || "{}");
    } catch {
      strings = {}; // English, then
    }
  }
  const text = (strings && strings[key]) || fallback;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}
