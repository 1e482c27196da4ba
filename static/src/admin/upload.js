/* The source form (add an article): sent by XHR so the editor sees the
 * upload's progress, then that the article is being read for dates, which
 * takes a while for a long text, and then the page the admin answered with:
 * the review page (its message says how many proposals were made) or the
 * form with its errors. The words are the status element's data- attributes. */

/** @param {SubmitEvent} event */
function onSubmit(event) {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || form.id !== "source_form" || !window.FormData) return;
  const bar = /** @type {HTMLProgressElement | null} */ (document.getElementById("upload-progress"));
  const status = document.getElementById("upload-status");
  if (!bar || !status) return;
  event.preventDefault();
  /** @param {string} name @param {string} fallback */
  const words = (name, fallback) => status.dataset[name] || fallback;
  const data = new FormData(form);
  const submitter = /** @type {HTMLButtonElement | null} */ (event.submitter);
  if (submitter && submitter.name) data.append(submitter.name, submitter.value);
  const xhr = new XMLHttpRequest();
  xhr.open("POST", form.action || location.href);
  bar.hidden = false;
  bar.removeAttribute("value");
  status.textContent = words("sending", "Sending the article…");
  xhr.upload.addEventListener("progress", (progress) => {
    if (!progress.lengthComputable) return;
    bar.max = progress.total;
    bar.value = progress.loaded;
    const percent = Math.round((100 * progress.loaded) / progress.total);
    status.textContent = `${words("sent", "Sending the article:")} ${percent}%`;
  });
  xhr.upload.addEventListener("load", () => {
    bar.removeAttribute("value"); // indeterminate: the server is reading it
    status.textContent = words("reading", "Reading the article for dates…");
  });
  xhr.addEventListener("load", () => {
    // The page the admin answered with, as a normal post would show it: the review page it
    // redirected to (its message was read by this request, so loading it again would lose it),
    // or the form with its errors.
    document.open();
    document.write(xhr.responseText);
    document.close();
    if (xhr.responseURL) history.replaceState(null, "", xhr.responseURL);
  });
  xhr.addEventListener("error", () => {
    status.textContent = words("failed", "The upload failed; check the connection and try again.");
    bar.hidden = true;
  });
  xhr.send(data);
}

export function startUpload() {
  document.addEventListener("submit", onSubmit);
}
