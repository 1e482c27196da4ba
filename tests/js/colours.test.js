// The chart's colours for the page (static/src/chart/colours.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import { isLightText, themed } from "../../static/src/chart/colours.js";

const figure = {
  data: [
    { meta: "events", marker: { color: ["#123456", "#abcdef"], line: { color: ["#123456"] } } },
    { meta: "ranges", line: { color: "#123456", width: 6 }, opacity: 0.4 },
  ],
  layout: { font: { size: 13 }, shapes: [{ fillcolor: "#123456" }, { type: "line" }] },
  dark: { "#123456": "#89abcd" },
  range_bars: { light: { opacity: 0.4, width: 6 }, dark: { opacity: 1, width: 3 } },
};

test("light text means a dark page", () => {
  assert.equal(isLightText("rgb(240, 240, 240)"), true);
  assert.equal(isLightText("rgb(29, 29, 31)"), false);
});

test("a dark page draws each colour's lighter twin and whole, thinner range bars", () => {
  const { data, layout } = themed(figure, "rgb(240, 240, 240)");
  assert.deepEqual(data[0].marker?.color, ["#89abcd", "#abcdef"]);
  assert.deepEqual(data[0].marker?.line?.color, ["#89abcd"]);
  assert.deepEqual([data[1].line?.color, data[1].line?.width, data[1].opacity], ["#89abcd", 3, 1]);
  assert.equal(layout.shapes?.[0].fillcolor, "#89abcd");
  assert.equal(layout.font?.color, "rgb(240, 240, 240)");
});

test("a light page draws the server's colours, and the server's figure is left as it was", () => {
  const before = structuredClone(figure);
  themed(figure, "rgb(240, 240, 240)");
  const { data, layout } = themed(figure, "rgb(29, 29, 31)");
  assert.deepEqual(data[0].marker?.color, ["#123456", "#abcdef"]);
  assert.deepEqual([data[1].line?.width, data[1].opacity], [6, 0.4]);
  assert.equal(layout.font?.color, "rgb(29, 29, 31)");
  assert.deepEqual(figure, before);
});
