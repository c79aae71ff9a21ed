/* The offline copy's service worker (docs/printing-and-offline.md: "Offline on a phone"). It is registered only when a
   reader presses "Save for offline use" (assets/javascripts/offline-copy.js), and its scope is the
   site's folder. It stores nothing itself: the page saves the copy into Cache Storage and says which
   copy is complete in one entry of a "pointer" cache. This worker only answers from that copy:

   - a file in the complete copy: from the copy, at once (a phone with a poor signal waits for nothing);
     a page gets a mark (data-wwr-copy on <html>) so that it shows the "Offline copy from ..." banner;
   - anything else: from the network; a page the copy lacks, with no network, is sent to the
     "not in your offline copy" page instead of the browser's error;
   - what must reach the server (the page's requests while saving, marked with the save header), this
     worker itself and the copy's lists (checked for a newer build): passed to the network untouched.

   It never opens a cache by name (which would make one again after "Remove offline copy"): it looks
   entries up with caches.match(..., {cacheName}), which finds nothing in a cache that is gone.
   The names it shares with the page (caches, header, files) are the build's: offline-names.js, beside
   the page scripts, defines wwrOfflineNames. */
"use strict";

importScripts("assets/javascripts/offline-names.js");

const names = wwrOfflineNames;
const SCOPE = self.registration.scope;
const POINTER = `${names.caches} ${SCOPE} ${names.pointerCache}`;
const POINTER_KEY = SCOPE + names.pointerEntry;
const UNTOUCHED = [names.worker, names.summary, names.lists];

self.addEventListener("install", () => {
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE)) return;
  if (request.headers.has(names.saveHeader)) return;
  const path = sitePath(request.url);
  if (UNTOUCHED.includes(path)) return;
  event.respondWith(answer(request, path));
});

/* The request's path inside the site, without query or fragment. */
function sitePath(url) {
  return url.slice(SCOPE.length).split("#")[0].split("?")[0];
}

/* The complete copy's record ({cache, build, ...}), or null when there is none (yet, or any more). */
async function currentCopy() {
  const pointer = await caches.match(POINTER_KEY, { cacheName: POINTER });
  if (!pointer) return null;
  const state = await pointer.json();
  return state.current || null;
}

async function fromCopy(copy, path) {
  const keys = [path];
  if (path.endsWith("/index.html")) keys.push(path.slice(0, -"index.html".length));
  else if (path === "index.html") keys.push("");
  for (const key of keys) {
    const hit = await caches.match(SCOPE + key, { cacheName: copy.cache, ignoreSearch: true });
    if (hit) return hit;
  }
  return null;
}

async function answer(request, path) {
  const copy = await currentCopy();
  const saved = copy ? await fromCopy(copy, path) : null;
  if (saved) return isPage(saved) ? marked(saved, copy) : saved;
  try {
    return await fetch(request);
  } catch {
    // Offline, or the server cannot be reached. A page the copy lacks: say so, on a page of the copy
    // (a redirect, so that its links work). A download or any other file: the browser's own failure.
    if (copy && request.mode === "navigate" && !path.startsWith("downloads/")) {
      return Response.redirect(`${SCOPE}${names.notSaved}?page=${encodeURIComponent(request.url)}`, 302);
    }
    return Response.error();
  }
}

function isPage(response) {
  return (response.headers.get("Content-Type") || "").startsWith("text/html");
}

/* The page as saved, with its <html> marked as coming from the copy (the banner reads the mark). */
async function marked(response, copy) {
  const text = await response.text();
  const mark = `<html data-wwr-copy="${String(copy.build).replace(/[^0-9a-f]/g, "")}"`;
  return new Response(text.replace(/<html(?=[\s>])/i, mark), { status: response.status, headers: response.headers });
}
