// Builds summit's scripts: the ES modules under static/src, bundled by esbuild
// into the files the templates load (listed below). The built files are
// committed, so serving summit never needs Node. `make js` runs this;
// `make lint` runs it with --check, which builds in memory and fails when a
// committed file differs from what its sources build.
import { readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const STATIC = join(root, "static");

// Built file (under static/) and the module it starts from (under static/src/).
const BUNDLES = {
  "timeline/theme.js": "theme.js",
  "timeline/loader.js": "loader.js",
  "timeline/timeline.js": "timeline.js",
  "embed.js": "embed.js",
  "admin_review/review.js": "admin/review.js",
  "admin_review/date-labels.js": "admin/date-labels.js",
  "admin_review/event-cite.js": "admin/event-cite.js",
};

/** One bundle, in memory. */
async function bundle(output, source) {
  const entry = join(STATIC, "src", source);
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "iife",
    target: ["es2020"],
    legalComments: "none",
    charset: "utf8",
    write: false,
    outfile: join(STATIC, output),
    banner: {
      js: `/* summit: built from static/src/${source} by tools/build-js.mjs (make js); edit the sources. */`,
    },
  });
  return result.outputFiles[0].contents;
}

const check = process.argv.includes("--check");
const stale = [];
for (const [output, source] of Object.entries(BUNDLES)) {
  const built = await bundle(output, source);
  const path = join(STATIC, output);
  if (!check) {
    await writeFile(path, built);
    continue;
  }
  const committed = await readFile(path).catch(() => null);
  if (!committed || Buffer.compare(Buffer.from(built), committed) !== 0) stale.push(relative(root, path));
}
if (stale.length) {
  console.error(`Built scripts differ from their sources (run make js and commit): ${stale.join(", ")}`);
  process.exit(1);
}
