// ESLint (./run lint, ./run test; pinned in package.json): every script the site serves
// (overrides/**/*.js) and the scripts ./run pdf runs in the printed pages (macros/outputs/pdf/*.js).
// They are classic scripts, not modules: ES modules do not load from file://, where an OFFLINE=true
// copy runs. The offline copy's scripts share globals, in the order offline-when-saved.js loads them:
// wwrOfflineNames (written by the build, macros/offline/names.py), then wwrOfflineCopy.
"use strict";

const js = require("@eslint/js");
const globals = require("globals");

module.exports = [
  { ignores: ["site/", "dist/", "pdf/", ".venv*/", ".cache/", "node_modules/"] },
  js.configs.recommended,
  {
    files: ["**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "script", globals: globals.browser },
    linterOptions: { reportUnusedDisableDirectives: "error" },
  },
  {
    // The offline copy's scripts and its worker: const and let only.
    files: ["overrides/assets/javascripts/offline*.js", "overrides/offline-worker.js"],
    rules: { "no-var": "error", "prefer-const": "error" },
  },
  {
    files: ["overrides/assets/javascripts/offline-copy.js", "overrides/assets/javascripts/offline-page.js"],
    languageOptions: { globals: { wwrOfflineNames: "readonly", wwrOfflineCopy: "readonly" } },
  },
  {
    files: ["overrides/offline-worker.js"],
    languageOptions: { globals: { ...globals.serviceworker, wwrOfflineNames: "readonly" } },
  },
  {
    files: ["eslint.config.js"],
    languageOptions: { globals: globals.node },
  },
];
