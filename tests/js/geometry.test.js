// The chart's arithmetic (static/src/chart/geometry.js), under node's test runner.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  inListOrder,
  isoDay,
  keptHeight,
  markAt,
  markCentre,
  needsRefit,
  rangeAround,
  scaledRange,
  toTime,
  windowOf,
} from "../../static/src/chart/geometry.js";

test("a range's end at midnight belongs to the day before", () => {
  assert.equal(isoDay("2026-01-16", true), "2026-01-15");
  assert.equal(isoDay("2026-01-16 00:00:01", true), "2026-01-16");
  assert.equal(isoDay("2026-01-13 12:00", false), "2026-01-13");
});

test("days outside the supported dates are brought back within them", () => {
  assert.equal(isoDay("0100-01-01", false), "0500-01-01");
  assert.equal(isoDay("3500-06-01", true), "2999-12-31");
  assert.equal(isoDay("not a date", false), "0500-01-01");
});

test("plotly.js's date strings are read as UTC", () => {
  assert.equal(toTime("2026-01-13 12:00"), Date.UTC(2026, 0, 13, 12));
  assert.equal(toTime("2026-01-13"), Date.UTC(2026, 0, 13));
  assert.equal(toTime("2026-01-13T06:30:00.000Z"), Date.UTC(2026, 0, 13, 6, 30));
});

test("a window is the whole days of a range at a plot width of at least 100 px", () => {
  assert.deepEqual(windowOf(["2026-01-13", "2026-01-16"], 62.4), {
    from: "2026-01-13",
    to: "2026-01-15",
    width: 100,
    key: "2026-01-13/2026-01-15/100",
  });
});

test("a layout is redone only for a plot more than 10 px wider or narrower", () => {
  assert.equal(needsRefit(880, 885), false);
  assert.equal(needsRefit(880, 891), true);
  assert.equal(needsRefit(undefined, 300), false);
});

test("a fitted first view keeps the server's height unless its rows need a tenth more or less", () => {
  assert.equal(keptHeight(700, 667), 667);
  assert.equal(keptHeight(900, 667), 900);
});

// Two lanes of rows 0..4 over ten days; 20 px margins left and top; the plot 200 × 100 px.
const layout = {
  height: 140,
  margin: { l: 20, r: 20, t: 20, b: 20 },
  xaxis: { type: "date", range: ["2026-01-01", "2026-01-11"] },
  yaxis: { range: [4, 0], domain: [0, 1] },
};
const data = [
  { meta: "ranges", x: ["2026-01-01", "2026-01-05"], y: [1, 1] },
  {
    meta: "events",
    x: ["2026-01-06", "2026-01-02", "2026-01-20", "2026-01-06"],
    y: [2, 1, 1, 3],
    customdata: [["nara"], ["seoul"], ["later"], ["nara"]],
  },
];
const box = { left: 100, top: 50, width: 240, height: 140 };

test("a mark's centre is where the figure puts it in the chart's box", () => {
  assert.deepEqual(markCentre(data, layout, box, "nara"), { x: 100 + 20 + 100, y: 50 + 20 + 50 });
  assert.deepEqual(markCentre(data, layout, box, "seoul"), { x: 140, y: 95 });
});

test("an event with no mark in view has no centre", () => {
  assert.equal(markCentre(data, layout, box, "later"), null);
  assert.equal(markCentre(data, layout, box, "unknown"), null);
});

test("a click finds the nearest mark within its radius, and only one", () => {
  assert.equal(markAt(data, layout, box, { x: 224, y: 118 }, 13), "nara");
  assert.equal(markAt(data, layout, box, { x: 140, y: 100 }, 13), "seoul");
  assert.equal(markAt(data, layout, box, { x: 180, y: 100 }, 13), null);
});

test("the keyboard walks in the list's order, then what the list lacks by date", () => {
  const events = [
    { slug: "b", x: "2026-01-02", curveNumber: 0, pointNumber: 0 },
    { slug: "c", x: "2026-01-01", curveNumber: 0, pointNumber: 1 },
    { slug: "a", x: "2026-01-03", curveNumber: 0, pointNumber: 2 },
    { slug: "d", x: "2025-12-01", curveNumber: 0, pointNumber: 3 },
  ];
  const order = inListOrder(events, ["a", "b", "a", "gone"]).map((item) => item.slug);
  assert.deepEqual(order, ["a", "b", "d", "c"]);
});

test("an event out of view is brought into the middle of a range as long", () => {
  assert.equal(rangeAround(["2026-01-01", "2026-01-11"], "2026-01-05"), null);
  assert.deepEqual(rangeAround(["2026-01-01", "2026-01-11"], "2026-02-01"), [
    "2026-01-27T00:00:00.000Z",
    "2026-02-06T00:00:00.000Z",
  ]);
});

test("a pinch scales the range around its centre", () => {
  const centre = toTime("2026-01-06");
  assert.deepEqual(scaledRange(["2026-01-01", "2026-01-11"], centre, 0.5), [
    "2026-01-03T12:00:00.000Z",
    "2026-01-08T12:00:00.000Z",
  ]);
});
