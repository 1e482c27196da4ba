// ESLint for summit's JavaScript: the sources under static/src (built by
// tools/build-js.mjs into the committed bundles, which are not linted), the
// unit tests under tests/js and the build tools. Formatting is Prettier's.
import js from "@eslint/js";
import globals from "globals";

export default [
  {
    ignores: [
      "node_modules/",
      "staticfiles/",
      "bench/",
      ".venv/",
      ".venv-runtime/",
      "static/*",
      "!static/src/",
    ],
  },
  js.configs.recommended,
  {
    files: ["static/src/**/*.js"],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // One namespace: window.summit (lib/namespace.js); libraries' own globals are read through window.
      "no-restricted-globals": ["error", "Plotly", "htmx"],
      eqeqeq: "error",
      // Functions short enough to read at once, as the Python side keeps them.
      "max-lines-per-function": ["error", { max: 60, skipComments: true, skipBlankLines: true }],
      "no-var": "error",
      "prefer-const": "error",
    },
  },
  {
    // Only the adapter talks to plotly.js.
    files: ["static/src/**/*.js"],
    ignores: ["static/src/chart/plotly.js"],
    rules: {
      "no-restricted-properties": [
        "error",
        {
          object: "window",
          property: "Plotly",
          message: "Only static/src/chart/plotly.js talks to plotly.js.",
        },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[property.name=/^_full/]",
          message: "Plotly's internals stay in chart/plotly.js.",
        },
      ],
    },
  },
  {
    files: ["tests/js/**/*.js", "tools/**/*.mjs", "eslint.config.js"],
    languageOptions: { globals: { ...globals.node } },
  },
];
