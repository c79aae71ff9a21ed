/* On every page: loads offline.js (README: "Offline on a phone") only where it has work, so the
   pages of a reader who never saves the site do not download or run it. It has work on a page that
   shows the "Save for offline use" control or names a page the copy lacks, and on every page once the
   site is saved on this device: the site's worker then answers each page (navigator.serviceWorker.
   controller), and offline.js shows the copy's banner and keeps the copy current. Asking whether a
   worker controls the page creates nothing and stores nothing. */
(function () {
  "use strict";

  var script = document.currentScript;
  var saved = "serviceWorker" in navigator && navigator.serviceWorker.controller;
  var shown = document.querySelector("[data-wwr-offline], [data-wwr-not-saved]");
  if (!saved && !shown && !document.documentElement.hasAttribute("data-wwr-copy")) return;
  var full = document.createElement("script");
  full.src = new URL("offline.js", script.src).href;
  full.async = false;
  document.body.appendChild(full);
})();
