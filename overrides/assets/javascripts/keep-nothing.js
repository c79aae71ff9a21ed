/* Material's storage helpers (__md_get, __md_set), replaced so that the site keeps nothing in the
   browser: no cookies, no localStorage, no sessionStorage. Practitioners often use shared
   computers, and the ready reckoner must leave no trace. Same names and arguments as Material's. */
(function () {
  "use strict";
  var script = document.currentScript;
  window.__md_scope = new URL(script.getAttribute("data-scope"), window.location);
  window.__md_hash = function (value) {
    return Array.prototype.reduce.call(value, function (hash, char) { return (hash << 5) - hash + char.charCodeAt(0); }, 0);
  };
  window.__md_get = function () { return null; };
  window.__md_set = function () {};
})();
