// The chart's controller (static/src/chart/controller.js) against a fake plotly.js and a fake box:
// what it draws, when, and what state it says it is in.
import assert from "node:assert/strict";
import { beforeEach, test } from "node:test";

/** A fake plotly.js: records each drawing, emits relayout events. */
class FakePlotly {
  constructor() {
    this.drawn = [];
  }
  react(holder, data, layout) {
    holder.data = data;
    holder.layout = layout;
    holder.handlers ??= {};
    holder.on = (name, handler) => (holder.handlers[name] = handler);
    this.drawn.push(layout);
    return Promise.resolve();
  }
  relayout(holder, change) {
    if (change["xaxis.range"])
      holder.layout = { ...holder.layout, xaxis: { ...holder.layout.xaxis, range: change["xaxis.range"] } };
    holder.handlers?.plotly_relayout?.(change);
    return Promise.resolve();
  }
}
FakePlotly.prototype.Plots = { resize: () => Promise.resolve() };

class FakeHolder extends EventTarget {
  constructor(width) {
    super();
    this.dataset = { windowUrl: "/api/window.json?lanes=arc" };
    this.style = {};
    this.isConnected = true;
    this.clientWidth = width;
    this.children = [];
  }
  querySelectorAll() {
    return [];
  }
  querySelector() {
    return null;
  }
  getBoundingClientRect() {
    return { left: 0, top: 0, width: this.clientWidth, height: 300 };
  }
}

globalThis.window = Object.assign(new EventTarget(), { parent: null });
globalThis.getComputedStyle = () => ({ color: "rgb(29, 29, 31)" });
globalThis.location = new URL("https://summit.example/?lanes=arc");
globalThis.document = Object.assign(new EventTarget(), { getElementById: () => null });

const { ChartController } = await import("../../static/src/chart/controller.js");

/** A figure as the server lays it out, for a plot this wide. */
function figure(width, range = ["2026-01-01", "2026-01-31"]) {
  return {
    data: [{ meta: "events", x: ["2026-01-13 12:00"], y: [1], customdata: [["nara"]] }],
    layout: {
      height: 300,
      margin: { l: 20, r: 20, t: 40, b: 10 },
      xaxis: { range },
      meta: { width, total: 1 },
    },
  };
}

/** Answers to /api/window.json, given when the test says. */
function server() {
  const asked = [];
  return {
    asked,
    fetchFigure: (url) =>
      new Promise((resolve) => asked.push({ url: String(url), answer: (width) => resolve(figure(width)) })),
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
let plotly;
beforeEach(() => {
  plotly = globalThis.window.Plotly = new FakePlotly();
});

test("a chart laid out for its width is drawn once, with nothing asked of the server", async () => {
  const holder = new FakeHolder(920);
  const answers = server();
  const chart = new ChartController(holder, figure(880), {
    expectPlotly: false,
    ownsHistory: false,
    ...answers,
  });
  assert.equal(holder.dataset.state, "idle");
  assert.equal(holder.dataset.drawnBy, "server");
  await chart.plotlyArrived();
  assert.equal(plotly.drawn.length, 1);
  assert.equal(answers.asked.length, 0);
  assert.deepEqual([holder.dataset.state, holder.dataset.drawnBy], ["idle", "plotly"]);
  assert.equal(holder.style.height, "300px");
});

test("the page that expects plotly.js is loading until it has drawn", () => {
  const holder = new FakeHolder(920);
  new ChartController(holder, figure(880), { expectPlotly: true, ownsHistory: false, ...server() });
  assert.equal(holder.dataset.state, "loading");
});

test("at another width the layout for it is asked once and drawn once, at the server's range", async () => {
  const holder = new FakeHolder(400);
  const answers = server();
  const chart = new ChartController(holder, figure(880), {
    expectPlotly: false,
    ownsHistory: false,
    ...answers,
  });
  chart.prepare(); // the reader's intent: plotly.js is on its way
  assert.equal(holder.dataset.state, "loading");
  assert.equal(answers.asked.length, 1);
  assert.match(answers.asked[0].url, /window=2026-01-01\.\.2026-01-30&width=360/);
  answers.asked[0].answer(360);
  await tick();
  await chart.plotlyArrived();
  assert.equal(plotly.drawn.length, 1);
  assert.equal(plotly.drawn[0].meta.width, 360);
  assert.deepEqual(plotly.drawn[0].xaxis.range, ["2026-01-01", "2026-01-31"]);
  assert.equal(answers.asked.length, 1);
  assert.equal(holder.dataset.state, "idle");
});

test("nothing is drawn while a press is down on the chart; it is drawn after its click", async () => {
  const holder = new FakeHolder(920);
  const chart = new ChartController(holder, figure(880), {
    expectPlotly: false,
    ownsHistory: false,
    ...server(),
  });
  holder.dispatchEvent(new Event("pointerdown"));
  const drawn = chart.plotlyArrived();
  await tick();
  assert.equal(plotly.drawn.length, 0);
  assert.equal(holder.dataset.state, "drawing");
  globalThis.window.dispatchEvent(new Event("pointerup"));
  globalThis.window.dispatchEvent(new Event("click"));
  await drawn;
  assert.equal(plotly.drawn.length, 1);
  assert.equal(holder.dataset.state, "idle");
});

test("a zoom is laid out again once it rests, and the latest answer wins", async (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const holder = new FakeHolder(920);
  const answers = server();
  const chart = new ChartController(holder, figure(880), {
    expectPlotly: false,
    ownsHistory: false,
    ...answers,
  });
  await chart.plotlyArrived();
  await plotly.relayout(holder, { "xaxis.range": ["2026-01-10", "2026-01-20"] });
  assert.equal(holder.dataset.state, "loading");
  t.mock.timers.tick(150);
  await plotly.relayout(holder, { "xaxis.range": ["2026-01-12", "2026-01-14"] });
  t.mock.timers.tick(150);
  await Promise.resolve();
  await Promise.resolve();
  assert.equal(answers.asked.length, 2);
  answers.asked[1].answer(880);
  answers.asked[0].answer(881); // the older answer comes last: it is not drawn
  for (let i = 0; i < 10; i++) await Promise.resolve();
  assert.deepEqual(
    plotly.drawn.map((layout) => layout.meta.width),
    [880, 880],
  );
  assert.deepEqual(plotly.drawn[1].xaxis.range, ["2026-01-12", "2026-01-14"]);
  assert.equal(holder.dataset.state, "idle");
});
