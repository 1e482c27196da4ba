/* The filter form: its messages sit beside it, and each field they name is
 * marked invalid and described by its message. */

function markInvalidFields() {
  const form = document.getElementById("filters");
  if (!form) return;
  form
    .querySelectorAll("input[name]:not([type=checkbox]):not([type=hidden]), select[name]")
    .forEach((field) => {
      const name = field.getAttribute("name");
      const message = document.getElementById(`errors-${name}`);
      if (message) {
        field.setAttribute("aria-invalid", "true");
        field.setAttribute("aria-describedby", message.id);
      } else {
        field.removeAttribute("aria-invalid");
        field.removeAttribute("aria-describedby");
      }
    });
}

/**
 * Write the filter form's state into its markup, as it is when the address bar takes a view.
 * htmx's history snapshot of a view is the page's markup, taken when the next view arrives;
 * a checkbox ticked since is in the markup only as its initial state, so Back brought the
 * results with boxes the server drew for the page's first load. Written here, at each view,
 * every control comes back with its view.
 */
function keepFormStateInMarkup() {
  const form = document.getElementById("filters");
  if (!form) return;
  form.querySelectorAll("input, select, textarea").forEach((field) => {
    if (field instanceof HTMLInputElement && (field.type === "checkbox" || field.type === "radio")) {
      field.toggleAttribute("checked", field.checked);
    } else if (field instanceof HTMLSelectElement) {
      [...field.options].forEach((option) => option.toggleAttribute("selected", option.selected));
    } else if (field instanceof HTMLTextAreaElement) {
      field.textContent = field.value;
    } else if (field instanceof HTMLInputElement && field.type !== "hidden") {
      field.setAttribute("value", field.value);
    }
  });
}

export function startFilters() {
  document.addEventListener("htmx:afterSettle", markInvalidFields);
  document.addEventListener("htmx:pushedIntoHistory", keepFormStateInMarkup);
  document.addEventListener("htmx:replacedInHistory", keepFormStateInMarkup);
}
