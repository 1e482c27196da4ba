/* The chart's small async loader (built into static/timeline/loader.js), on
 * the page and the embed:
 *   <script src="loader.js" data-plotly="…/plotly-summit-….min.js" data-load="intent|idle" async></script>
 * plotly.js on the reader's intent (or when idle), clicks held until htmx has
 * started, and the embed's scripts after its first paint. */

import { startAfterFirstPaint } from "./loader/after-first-paint.js";
import { startHeldClicks } from "./loader/held-click.js";
import { startPlotlyLoader } from "./loader/plotly.js";

startPlotlyLoader(document.currentScript);
startHeldClicks();
startAfterFirstPaint();
