/* The label beside every ISO date box of the admin (built into
 * static/admin_review/date-labels.js): the event form, the review desk's
 * accept form, the source form. Redrawn as the editor types: "Wed 14 Jan
 * 2026", beside a range's latest date what readers will see ("late Oct
 * 2025"), or what is wrong ("There is no such day as 2026-02-30."). The
 * words come from the server (the box's data-date-label-url), which labels
 * dates for pages and exports too, so the two never disagree. Without
 * JavaScript the label drawn with the page stays. */

const DELAY_MS = 150;
/** @type {WeakMap<Element, ReturnType<typeof setTimeout>>} */
const timers = new WeakMap();
/** @type {WeakMap<Element, number>} */
const asked = new WeakMap();

/** A range is earliest/latest/precision boxes sharing a prefix ("p12-" on the review desk, "" on the event form). */
/** @param {string} name */
function partOf(name) {
  const found = /^(.*)(earliest|latest|precision)$/.exec(name || "");
  return found ? { prefix: found[1], part: found[2] } : null;
}

/** @param {ParentNode} form @param {string} name */
function box(form, name) {
  return /** @type {HTMLInputElement | null} */ (form.querySelector(`[name="${name.replace(/"/g, '\\"')}"]`));
}

/** @param {HTMLInputElement} input @param {{text: string, error?: boolean} | undefined} label */
function show(input, label) {
  const output = input.id ? document.querySelector(`output.date-label[for="${input.id}"]`) : null;
  if (!output || !label) return;
  output.textContent = label.text;
  output.classList.toggle("invalid", !!label.error);
}

/** @param {HTMLInputElement} input */
function refresh(input) {
  const form = input.form || document;
  const range = partOf(input.name);
  /** @type {HTMLInputElement | null} */
  let earliest = input;
  /** @type {HTMLInputElement | null} */
  let latest = null;
  /** @type {HTMLInputElement | null} */
  let precision = null;
  if (range) {
    earliest = box(form, `${range.prefix}earliest`);
    latest = box(form, `${range.prefix}latest`);
    precision = box(form, `${range.prefix}precision`);
    if (!earliest || !latest || !earliest.dataset.dateLabelUrl) {
      if (!input.dataset.dateLabelUrl) return;
      earliest = input;
      latest = null;
    }
  }
  const first = earliest;
  const query = new URLSearchParams({ earliest: first.value });
  if (latest) {
    query.set("latest", latest.value);
    if (precision) query.set("precision", precision.value);
  }
  const key = latest || first;
  const ticket = (asked.get(key) || 0) + 1;
  asked.set(key, ticket);
  fetch(`${first.dataset.dateLabelUrl}?${query}`, {
    credentials: "same-origin",
    headers: { Accept: "application/json" },
  })
    .then((response) => (response.ok ? response.json() : null))
    .then((labels) => {
      // Only the answer to the latest question: typing fast sends several.
      if (!labels || asked.get(key) !== ticket) return;
      show(first, labels.earliest);
      if (latest) show(latest, labels.latest);
    })
    .catch(() => {
      /* offline: the last label stays */
    });
}

/** @param {HTMLInputElement} input */
function later(input) {
  clearTimeout(timers.get(input));
  timers.set(
    input,
    setTimeout(() => refresh(input), DELAY_MS),
  );
}

/** @param {EventTarget | null} target @returns {target is HTMLInputElement} */
function watched(target) {
  if (!(target instanceof HTMLElement)) return false;
  if (target.matches("input[data-date-label-url]")) return true;
  const select = target instanceof HTMLSelectElement ? target : null;
  const range = select && partOf(select.name);
  return !!(
    select &&
    range &&
    range.part === "precision" &&
    box(select.form || document, `${range.prefix}latest`)
  );
}

for (const name of ["input", "change"]) {
  document.addEventListener(name, (event) => {
    if (watched(event.target)) later(event.target);
  });
}
