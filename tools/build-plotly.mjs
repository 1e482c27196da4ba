// Builds static/vendor/plotly-summit-<version>.min.js: plotly.js with only what
// the timeline chart draws (scatter, which the core always carries, and bar),
// without the pie trace and the world calendars of the basic bundle, and with
// the Japanese and Korean dictionaries that word its mode bar on /ja/ and /ko/
// pages (static/src/chart/plotly.js passes the page's language as `locale`).
// `make plotly` runs it after `npm ci`; the built file is committed, so
// serving summit never needs Node.
import { readFileSync, readdirSync, unlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const { version } = JSON.parse(readFileSync(require.resolve("plotly.js/package.json"), "utf8"));
const vendor = join(root, "static", "vendor");
const outfile = join(vendor, `plotly-summit-${version}.min.js`);

const entry = `
var Plotly = require("plotly.js/lib/core");
Plotly.register([
  require("plotly.js/lib/bar"),
  require("plotly.js/lib/locales/ja"),
  require("plotly.js/lib/locales/ko"),
]);
module.exports = Plotly;
`;

// A build of another plotly.js version goes in its own file; drop the old one.
for (const name of readdirSync(vendor)) {
  if (name.startsWith("plotly-summit-") && join(vendor, name) !== outfile) unlinkSync(join(vendor, name));
}

await build({
  stdin: { contents: entry, resolveDir: root, sourcefile: "plotly-summit.js" },
  outfile,
  bundle: true,
  minify: true,
  format: "iife",
  globalName: "Plotly",
  target: "es2016",
  // The same definitions as plotly.js's own esbuild-config.js.
  define: { global: "window", "define.amd": "false", "process.env.NODE_DEBUG": "false" },
  // Only map traces import CSS, and this bundle has none.
  loader: { ".css": "empty" },
  legalComments: "eof",
  banner: {
    js: `/* plotly.js v${version} (scatter and bar, ja and ko, for summit; tools/build-plotly.mjs), MIT licence */`,
  },
  logLevel: "warning",
});
console.log(`built ${outfile}`);
