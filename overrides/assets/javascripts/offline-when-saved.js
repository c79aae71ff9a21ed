/* On every page: loads the offline copy's scripts (docs/printing-and-offline.md: "Offline on a phone") only where they have
   work, so the pages of a reader who never saves the site do not download or run them. They have work
   on a page that shows the "Save for offline use" control or names a page the copy lacks, and on every
   page once the site is saved on this device: the site's worker then answers each page (navigator.
   serviceWorker.controller), and they show the copy's banner and keep the copy current. Asking whether a
   worker controls the page creates nothing and stores nothing.

   In order (classic scripts, which also run from file://): the names they share with the worker,
   written by the build (offline-names.js), the copy (offline-copy.js), and what the page shows of it
   (offline-page.js). */
"use strict";

{
  const here = document.currentScript.src;
  const saved = "serviceWorker" in navigator && navigator.serviceWorker.controller;
  const shown = document.querySelector("[data-wwr-offline], [data-wwr-not-saved]");
  if (saved || shown || document.documentElement.hasAttribute("data-wwr-copy")) {
    for (const name of ["offline-names.js", "offline-copy.js", "offline-page.js"]) {
      const script = document.createElement("script");
      script.src = new URL(name, here).href;
      script.async = false; // run in this order
      document.body.appendChild(script);
    }
  }
}
