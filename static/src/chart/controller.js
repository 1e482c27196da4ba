/* One controller per chart (#chart): it owns the chart's state from the
 * server's first view (SVG) to plotly.js's drawing and keeps the figure laid
 * out for what the reader sees: after a zoom, a pan or a resize it asks the
 * server for the layout of the new window at the chart's own width
 * (/api/window.json), so stacking, labels and ticks always fit.
 *
 * Its state is on the box as data-state: "loading" (plotly.js or a layout on
 * its way, or a relayout waiting for the reader to stop), "drawing", or
 * "idle" (drawn and settled); data-drawn-by says who drew what is shown:
 * "server" (the first view) or "plotly". Nothing is redrawn under a pointer
 * or finger that is down on the chart: a draw waits until its click is over. */

import { themed } from "./colours.js";
import {
  clearAllButFirstView,
  firstViewMarkCentre,
  firstViewSlugs,
  removeFirstView,
  showsRows,
} from "./first-view.js";
import { drawnEvents, keptHeight, needsRefit, plotWidth, windowOf } from "./geometry.js";
import { watchDrags, watchGestures } from "./gestures.js";
import * as plotly from "./plotly.js";
import { uiString } from "../strings.js";

// How long a zoom, pan or resize must rest before the server is asked for its layout.
const RELAYOUT_DELAY_MS = 150;
// A press that brings no click (a swipe, a long press) frees the chart after this long.
const RELEASE_WITHOUT_CLICK_MS = 600;

/**
 * @typedef {object} Options
 * @property {boolean} expectPlotly plotly.js comes without the reader's intent (the page loads it when idle)
 * @property {boolean} ownsHistory the address bar is ours (not an embed's host article)
 * @property {(url: URL) => Promise<Figure>} [fetchFigure]
 */

/** @param {URL} url @returns {Promise<Figure>} */
async function fetchJson(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`window ${response.status}`);
  return response.json();
}

export class ChartController {
  /**
   * @param {HTMLElement} holder #chart
   * @param {Figure} server the figure the server laid out for this chart
   * @param {Options} options
   */
  constructor(holder, server, options) {
    this.holder = holder;
    this.server = server;
    this.options = options;
    this.fetchFigure = options.fetchFigure || fetchJson;
    /** The figure drawn by plotly.js, or to be drawn. */
    this.figure = server;
    /** @type {Promise<Figure | null> | null} the first view laid out for this width (null: the server's fits) */
    this.fitted = null;
    /** @type {Figure | null | undefined} what `fitted` gave, once it has */
    this.fittedResult = undefined;
    this.windowKey = "";
    this.requestSeq = 0;
    this.requesting = 0;
    this.drawSeq = 0;
    this.drawing = 0;
    /** The box changed size since plotly.js last fitted its drawing to it. */
    this.resized = false;
    this.resizing = false;
    /** @type {ReturnType<typeof setTimeout> | null} */
    this.timer = null;
    this.zoomed = false;
    // A narrow box shows the server's rows, which plotly.js does not draw.
    this.plotlyWanted = options.expectPlotly && !showsRows(holder);
    this.listening = false;
    /** A pointer or finger is down on the chart: nothing is redrawn under it. */
    this.pressed = false;
    /** Presses so far, and the one that last opened an event: a tap opens once (plotly.js hears its touch and its mouse). */
    this.presses = 0;
    this.openedByPress = -1;
    /** @type {(() => void)[]} */
    this.afterRelease = [];
    this.abort = new AbortController();
    /** The reader clicked in the plot away from the marks: the wheel and a drag zoom and pan it. */
    this.engaged = false;
    holder.dataset.drawnBy = plotly.isDrawn(holder) ? "plotly" : "server";
    this.watchPresses();
    this.drag = watchDrags(holder, this.abort.signal);
    watchGestures(this, this.abort.signal);
    // A box that widens past the rows (a phone turned) gets plotly.js's drawing, if it is here.
    window.addEventListener(
      "resize",
      () => {
        if (this.alive && plotly.available() && !plotly.isDrawn(holder) && !this.narrow())
          this.plotlyArrived();
      },
      { signal: this.abort.signal },
    );
    this.update();
  }

  /** Whether the chart is still on the page; a controller whose chart was swapped out stops. */
  get alive() {
    if (!this.holder.isConnected) this.abort.abort();
    return this.holder.isConnected;
  }

  get state() {
    if (this.drawing > 0) return "drawing";
    const waiting = this.plotlyWanted && this.holder.dataset.drawnBy !== "plotly";
    const busy = this.timer || this.resizing || this.requesting > 0 || this.pressedWithWork;
    return busy || waiting ? "loading" : "idle";
  }

  get pressedWithWork() {
    return this.pressed && this.afterRelease.length > 0;
  }

  update() {
    this.holder.dataset.state = this.state;
  }

  /* --- presses: nothing moves under the reader's finger ------------------------------------ */

  watchPresses() {
    const signal = this.abort.signal;
    const press = () => {
      this.pressed = true;
      this.presses += 1;
    };
    this.holder.addEventListener("pointerdown", press, { capture: true, signal });
    this.holder.addEventListener("touchstart", press, { capture: true, passive: true, signal });
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let timer;
    const release = () => {
      if (!this.pressed) return;
      clearTimeout(timer);
      // After the click the press makes has been handled (it opens an event where the reader aimed).
      const done = () => {
        clearTimeout(timer);
        window.removeEventListener("click", afterClick);
        setTimeout(() => this.release(), 0);
      };
      const afterClick = () => done();
      window.addEventListener("click", afterClick, { once: true, signal });
      timer = setTimeout(done, RELEASE_WITHOUT_CLICK_MS);
    };
    for (const name of ["pointerup", "pointercancel", "touchend", "touchcancel"]) {
      window.addEventListener(name, release, { capture: true, signal });
    }
  }

  release() {
    this.pressed = false;
    const waiting = this.afterRelease.splice(0);
    waiting.forEach((callback) => callback());
    this.update();
  }

  /** @returns {Promise<void>} */
  whenReleased() {
    if (!this.pressed) return Promise.resolve();
    return new Promise((resolve) => {
      this.afterRelease.push(resolve);
      this.update();
    });
  }

  /* --- the first drawing ---------------------------------------------------------------- */

  /** Whether the box is narrow: the server's rows are the chart (zoomed by the server's links). */
  narrow() {
    return showsRows(this.holder);
  }

  /** The reader reached for the chart (or the page is idle): plotly.js is on its way. */
  prepare() {
    if (this.narrow()) return Promise.resolve(null);
    this.plotlyWanted = true;
    this.update();
    if (this.fitted) return this.fitted;
    const layout = this.server.layout;
    const range = layout.xaxis && layout.xaxis.range;
    const width = plotWidth(this.holder.clientWidth, layout);
    if (!range || !this.holder.dataset.windowUrl || !needsRefit(layout.meta && layout.meta.width, width)) {
      this.fittedResult = null;
      this.fitted = Promise.resolve(null);
      return this.fitted;
    }
    // The layout for the reader's width comes while plotly.js downloads, so the chart is drawn once.
    const view = windowOf(range, width);
    this.windowKey = view.key;
    this.fitted = this.ask(view)
      .then((fitted) => {
        // The server's exact range, so nothing moves when plotly.js takes over from the SVG;
        // nor does the box change height under the reader's eyes, unless the rows need it.
        fitted.layout.xaxis = { ...fitted.layout.xaxis, range: range.slice(), autorange: false };
        fitted.layout.height = keptHeight(fitted.layout.height || 0, layout.height || 0);
        return fitted;
      })
      .catch((error) => {
        console.warn("summit: could not lay out the chart for its width", error);
        this.windowKey = "";
        return null;
      })
      .then((fitted) => {
        this.fittedResult = fitted;
        return fitted;
      });
    return this.fitted;
  }

  /** plotly.js could not be loaded: the first view stays. */
  plotlyFailed() {
    this.plotlyWanted = false;
    this.update();
  }

  /** plotly.js is here: draw, already fitted to this width if that layout has come. */
  async plotlyArrived() {
    if (!plotly.available() || !this.alive) return;
    if (this.narrow()) {
      this.plotlyWanted = false;
      return this.update();
    }
    const fitted = this.prepare();
    if (this.fittedResult !== undefined) {
      await this.draw(this.fittedResult || this.server);
      return;
    }
    // The layout for this width has not come yet (a slow server): zoom need not wait for it.
    // Draw the server's figure now and the fitted one when it comes, unless the reader has
    // zoomed by then (that view is laid out anyway).
    await this.draw(this.server);
    const later = await fitted;
    if (later && !this.zoomed && this.requestSeq === 0) await this.draw(later, plotly.range(this.holder));
  }

  /* --- drawing -------------------------------------------------------------------------- */

  /**
   * Draw a figure with plotly.js, in the page's colours, at `range` if given; the last asked draws.
   * @param {Figure} figure
   * @param {(string | number)[] | null} [range]
   */
  async draw(figure, range) {
    const drawing = ++this.drawSeq;
    this.figure = figure;
    this.drawing += 1;
    this.update();
    try {
      await this.whenReleased();
      if (drawing !== this.drawSeq || !this.alive) return;
      const painted = themed(figure, getComputedStyle(this.holder).color);
      const layout = painted.layout;
      if (range) layout.xaxis = { ...layout.xaxis, range: range.slice(), autorange: false };
      layout.datarevision = drawing;
      if (!plotly.isDrawn(this.holder)) clearAllButFirstView(this.holder);
      /* plotly.js follows a resize by forgetting the figure's height and taking the box's, which
       * has only a min-height: the rows would squeeze into it until the layout for the new width
       * comes. The box keeps the height of the figure drawn: a resize changes the width alone. */
      this.holder.style.height = `${layout.height}px`;
      await plotly.draw(this.holder, { data: painted.data, layout }, { pan: this.engaged });
      if (drawing !== this.drawSeq) return;
      removeFirstView(this.holder);
      this.holder.dataset.drawnBy = "plotly";
      this.listen();
    } finally {
      this.drawing -= 1;
      this.update();
    }
    if (drawing === this.drawSeq && this.alive) {
      this.holder.dispatchEvent(new CustomEvent("timeline:rendered", { bubbles: true }));
    }
  }

  listen() {
    if (this.listening) return;
    this.listening = true;
    plotly.listen(this.holder, {
      // A press that dragged (a pan, a swipe that scrolled the page) opens nothing.
      open: (slug) => {
        if (this.drag.dragged || this.openedByPress === this.presses) return;
        this.openedByPress = this.presses;
        this.openEvent(slug);
      },
      missed: () => {
        if (!this.drag.dragged) this.engage(true);
      },
      zoomed: (change) => {
        if (!plotly.changesRange(change)) return;
        this.zoomed = true;
        this.schedule();
      },
    });
    window.addEventListener(
      "resize",
      () => {
        if (!this.alive || !plotly.isDrawn(this.holder)) return;
        this.resized = true;
        this.schedule();
      },
      { signal: this.abort.signal },
    );
  }

  /* --- laying out again ------------------------------------------------------------------ */

  schedule() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.relayout();
    }, RELAYOUT_DELAY_MS);
    this.update();
  }

  /** The server's layout of the window in view, at this chart's width. */
  async relayout() {
    if (!this.alive) return;
    if (this.resized) await this.fitToBox();
    const range = plotly.range(this.holder);
    if (!range) return this.update();
    const view = windowOf(range, plotWidth(this.holder.clientWidth, this.figure.layout));
    if (view.key === this.windowKey) return this.update();
    this.windowKey = view.key;
    if (this.zoomed) this.rememberWindow(view.from, view.to);
    const request = ++this.requestSeq;
    try {
      const figure = await this.ask(view);
      if (request !== this.requestSeq) return; // a later zoom won
      this.offerWindowList(view.from, view.to, (figure.layout.meta && figure.layout.meta.total) || 0);
      // The reader's exact range; the layout was made for the whole days around it.
      await this.draw(figure, range);
    } catch (error) {
      this.windowKey = "";
      console.warn("summit: could not lay out the window", error);
    }
  }

  /** Fit plotly.js's drawing to the box, once a resize has rested. */
  async fitToBox() {
    this.resized = false;
    this.resizing = true;
    this.update();
    try {
      await plotly.resize(this.holder);
    } catch {
      /* Not drawn (any more): the next draw fits it. */
    } finally {
      this.resizing = false;
      this.update();
    }
  }

  /**
   * Ask the server for a window's figure; the chart is "loading" meanwhile.
   * @param {{from: string, to: string, width: number}} view
   */
  async ask(view) {
    // The page's own filters (its from/to among them) stay.
    const url = new URL(this.holder.dataset.windowUrl || "", location.href);
    url.searchParams.set("window", `${view.from}..${view.to}`);
    url.searchParams.set("width", String(view.width));
    this.requesting += 1;
    this.update();
    try {
      return await this.fetchFigure(url);
    } finally {
      this.requesting -= 1;
      this.update();
    }
  }

  /**
   * Engage the chart (a drag pans it, the wheel zooms it) or let the page have them back.
   * @param {boolean} on
   */
  engage(on) {
    this.engaged = on;
    this.holder.dataset.engaged = String(on);
    if (plotly.isDrawn(this.holder)) plotly.setPanning(this.holder, on);
  }

  /** The reader switched themes: the chart takes the new colours and keeps its zoom. */
  repaint() {
    if (plotly.isDrawn(this.holder)) this.draw(this.figure, plotly.range(this.holder));
  }

  /* --- what the page around the chart follows ------------------------------------------- */

  /**
   * The zoom in the address bar (?window=first..last), so a shared link shows the same view.
   * @param {string} from
   * @param {string} to
   */
  rememberWindow(from, to) {
    if (!this.options.ownsHistory) return;
    const url = new URL(location.href);
    url.searchParams.set("window", `${from}..${to}`);
    history.replaceState(history.state, "", url.pathname + url.search + url.hash);
  }

  /**
   * The list pages through the filters; after a zoom, offer the list of just this view.
   * @param {string} from
   * @param {string} to
   * @param {number} total
   */
  offerWindowList(from, to, total) {
    const link = /** @type {HTMLAnchorElement | null} */ (document.getElementById("list-window"));
    if (!link || !link.parentElement) return;
    const query = new URLSearchParams(location.search);
    query.set("from", from);
    query.set("to", to);
    query.delete("page");
    query.delete("window");
    link.href = `${location.pathname.replace(/embed\/$/, "")}?${query}`;
    const count = total.toLocaleString(document.documentElement.lang || "en");
    link.textContent = uiString("list_view", "List the {count} events of this view", { count });
    link.parentElement.hidden = false;
  }

  /**
   * Ask for an event's panel (page/panel.js opens it and puts it in the URL).
   * @param {string} slug
   */
  openEvent(slug) {
    this.holder.dispatchEvent(
      new CustomEvent("summit:open-event", { bubbles: true, cancelable: true, detail: { slug } }),
    );
  }

  /* --- for the keyboard and for tests ---------------------------------------------------- */

  /** Every event of the figure, once, with its first point. */
  events() {
    return drawnEvents(this.figure.data);
  }

  /** Whether what the reader sees is plotly.js's drawing (not the server's SVG or rows). */
  showsPlotly() {
    return plotly.isDrawn(this.holder) && !this.narrow();
  }

  /** @param {string} slug */
  markCentre(slug) {
    return this.showsPlotly()
      ? plotly.markCentreOf(this.holder, slug)
      : firstViewMarkCentre(this.holder, slug);
  }

  drawnSlugs() {
    return this.showsPlotly() ? plotly.drawnSlugs(this.holder) : firstViewSlugs(this.holder);
  }

  /** The time range in view (the server's until plotly.js draws). */
  range() {
    return plotly.range(this.holder) || (this.server.layout.xaxis && this.server.layout.xaxis.range) || null;
  }
}
