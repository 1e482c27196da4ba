// The Plotly adapter's config (static/src/chart/plotly.js): the mode bar speaks the page's language.
import assert from "node:assert/strict";
import { test } from "node:test";

import { configFor } from "../../static/src/chart/plotly.js";

test("a Japanese or Korean page asks plotly.js for its locale", () => {
  assert.equal(configFor("ja").locale, "ja");
  assert.equal(configFor("ko").locale, "ko");
  assert.equal(configFor("ko-KR").locale, "ko");
  assert.equal(configFor("JA").locale, "ja");
});

test("any other page keeps plotly.js's English", () => {
  for (const lang of ["en", "en-GB", "", "fr", "zh"]) assert.equal(configFor(lang).locale, "en");
});

test("the locale is added to the reader's mode bar, not in place of it", () => {
  const config = configFor("ja");
  assert.deepEqual(config.modeBarButtons, [["zoomIn2d", "zoomOut2d", "resetScale2d"]]);
  assert.equal(config.displaylogo, false);
  assert.equal(config.scrollZoom, false);
});
