/* The offline copy's service worker (README: "Offline on a phone"). It is registered only when a
   reader presses "Save for offline use" (assets/javascripts/offline.js), and its scope is the
   site's folder. It stores nothing itself: the page saves the copy into Cache Storage and says which
   copy is complete in one entry of a "pointer" cache. This worker only answers from that copy:

   - a file in the complete copy: from the copy, at once (a phone with a poor signal waits for nothing);
     a page gets a mark (data-wwr-copy on <html>) so that it shows the "Offline copy from ..." banner;
   - anything else: from the network; a page the copy lacks, with no network, is sent to the
     "not in your offline copy" page instead of the browser's error;
   - what must reach the server (the page's requests while saving, marked X-Wwr-Offline-Save), this
     worker itself and the copy's lists (checked for a newer build): passed to the network untouched.

   It never opens a cache by name (which would make one again after "Remove offline copy"): it looks
   entries up with caches.match(..., {cacheName}), which finds nothing in a cache that is gone. */
"use strict";

var SCOPE = self.registration.scope;
var POINTER = "wwr-offline " + SCOPE + " pointer";
var POINTER_KEY = SCOPE + "offline-copy";
var NOT_SAVED = "not-in-offline-copy/";
var UNTOUCHED = ["offline-worker.js", "offline.json", "offline-files.json"];

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(self.clients.claim());
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE)) return;
  if (request.headers.has("X-Wwr-Offline-Save")) return;
  var path = sitePath(request.url);
  if (UNTOUCHED.indexOf(path) !== -1) return;
  event.respondWith(answer(request, path));
});

/* The request's path inside the site, without query or fragment. */
function sitePath(url) {
  return url.slice(SCOPE.length).split("#")[0].split("?")[0];
}

/* The complete copy's record ({cache, build, ...}), or null when there is none (yet, or any more). */
async function currentCopy() {
  var pointer = await caches.match(POINTER_KEY, { cacheName: POINTER });
  if (!pointer) return null;
  var state = await pointer.json();
  return state.current || null;
}

async function fromCopy(copy, path) {
  var keys = [path];
  if (path.endsWith("/index.html")) keys.push(path.slice(0, -"index.html".length));
  else if (path === "index.html") keys.push("");
  for (var i = 0; i < keys.length; i += 1) {
    var hit = await caches.match(SCOPE + keys[i], { cacheName: copy.cache, ignoreSearch: true });
    if (hit) return hit;
  }
  return null;
}

async function answer(request, path) {
  var copy = await currentCopy();
  var saved = copy ? await fromCopy(copy, path) : null;
  if (saved) return isPage(saved) ? marked(saved, copy) : saved;
  try {
    return await fetch(request);
  } catch (error) {
    // Offline, or the server cannot be reached. A page the copy lacks: say so, on a page of the copy
    // (a redirect, so that its links work). A download or any other file: the browser's own failure.
    if (copy && request.mode === "navigate" && !path.startsWith("downloads/")) {
      return Response.redirect(SCOPE + NOT_SAVED + "?page=" + encodeURIComponent(request.url), 302);
    }
    return Response.error();
  }
}

function isPage(response) {
  return (response.headers.get("Content-Type") || "").indexOf("text/html") === 0;
}

/* The page as saved, with its <html> marked as coming from the copy (the banner reads the mark). */
async function marked(response, copy) {
  var text = await response.text();
  var mark = '<html data-wwr-copy="' + String(copy.build).replace(/[^0-9a-f]/g, "") + '"';
  return new Response(text.replace(/<html(?=[\s>])/i, mark), { status: response.status, headers: response.headers });
}
