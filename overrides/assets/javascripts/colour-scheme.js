/* The colour scheme follows the device's setting, on load and live, with no toggle and nothing
   stored (docs/printing-and-offline.md: "Light and dark"). This replaces Material's palette component, which restyled
   the whole page on every load, even when the scheme was already right: on the ready reckoner
   that was the largest part of Material's start-up work on a phone. Here a page is restyled only
   when the device asks for the scheme the page was not built with. The scheme names come from
   mkdocs.yml (theme.palette), on this script's tag. */
(function () {
  "use strict";
  var script = document.currentScript;
  var schemes = { light: script.getAttribute("data-light"), dark: script.getAttribute("data-dark") };
  var dark = window.matchMedia("(prefers-color-scheme: dark)");

  function follow() {
    var body = document.body;
    var scheme = dark.matches ? schemes.dark : schemes.light;
    if (!scheme || body.getAttribute("data-md-color-scheme") === scheme) return;
    // Material's own switch: no colour transitions while the scheme changes.
    body.setAttribute("data-md-color-switching", "");
    body.setAttribute("data-md-color-scheme", scheme);
    setTimeout(function () { body.removeAttribute("data-md-color-switching"); });
    // The browser's own parts (the page's edges, scroll bars) in the same scheme, as Material did.
    var meta = document.querySelector("meta[name='color-scheme']");
    if (!meta) {
      meta = document.createElement("meta");
      meta.name = "color-scheme";
      document.head.appendChild(meta);
    }
    meta.content = dark.matches ? "dark" : "light";
  }

  follow();
  dark.addEventListener("change", follow);
})();
