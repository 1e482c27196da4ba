/* The timeline's page and embed (built into static/timeline/timeline.js):
 * the chart, its keyboard walk, the detail panel, sharing, the filter form,
 * and inside an embed's iframe, its height for the host page. Runs after
 * htmx (the page defers both; the embed runs both after its first paint). */

import { startCharts } from "./chart/charts.js";
import { startKeys } from "./chart/keys.js";
import { startFilters } from "./page/filters.js";
import { startFrame } from "./page/frame.js";
import { startPanel } from "./page/panel.js";
import { startShare } from "./page/share.js";

startPanel();
startShare();
startFilters();
startFrame();
startKeys();
startCharts();
