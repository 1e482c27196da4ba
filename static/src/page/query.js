/* Query strings as the reader shares them. Pure: tests/js. */

/**
 * The address without parameters that say nothing (`q=`, `from=`): a shared link
 * carries only what sets the view.
 * @param {string} href
 */
export function withoutEmptyParameters(href) {
  const url = new URL(href);
  const kept = [...url.searchParams].filter(([, value]) => value.trim() !== "");
  url.search = new URLSearchParams(kept).toString();
  return url.toString();
}
