/** window.summit: the one global summit's scripts share (the loader, the timeline bundle, tests). */
export function summit() {
  window.summit = window.summit || {};
  return window.summit;
}
