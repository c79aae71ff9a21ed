/* "Save for offline use" (README: "Offline on a phone"). Until a reader presses the button, this
   script stores nothing and registers nothing: it only asks whether this site's worker is registered
   (navigator.serviceWorker.getRegistration, which creates nothing), and only on the pages that show
   the control does it fetch offline.json to show the copy's size.

   Pressed, it registers the worker (offline-worker.js, scope: the site's folder), then saves every
   file listed in offline-files.json (and the downloads, if ticked) into Cache Storage, checking each
   against its listed size and fingerprint, with progress; the copy counts only once complete (the
   "pointer" cache then names it). A saved copy checks, whenever a page is shown online, whether the
   site has a newer build, and saves it in the background, reusing the files that did not change; the
   older copy stays until the new one is complete. "Remove offline copy" deletes every cache of this
   site and unregisters the worker. Nothing is ever sent anywhere but this site's own folder. */
(function () {
  "use strict";

  var SCOPE = new URL(".", window.__md_scope || document.baseURI).href;
  var NAME = "wwr-offline " + SCOPE;
  var POINTER = NAME + " pointer";
  var POINTER_KEY = SCOPE + "offline-copy";
  var COPY_PREFIX = NAME + " copy ";
  var LIST_KEY = SCOPE + "offline-files.json";
  var SAVE_HEADER = "X-Wwr-Offline-Save";
  var PARALLEL = 4;
  var CHECK_SECONDS = 10; // a signal too poor to answer the check in this time counts as none
  var MB = 1024 * 1024;
  var cancelled = false;
  var channel = "BroadcastChannel" in window ? new BroadcastChannel(NAME) : null;
  if (channel) channel.addEventListener("message", function (event) { if (event.data.type === "removing") cancelled = true; });

  function unsupported() {
    if (location.protocol === "file:") return "file";
    if (!window.isSecureContext) return "insecure";
    if (!("serviceWorker" in navigator) || !("caches" in window) || !window.crypto || !crypto.subtle) return "browser";
    return null;
  }

  /* ---- The saved copy: read, save, remove ---- */

  async function registration() {
    var found = await navigator.serviceWorker.getRegistration(SCOPE);
    return found && found.scope === SCOPE ? found : null;
  }

  /* {registered, current, pending}; reads Cache Storage only once this site's worker is registered. */
  async function readState() {
    if (!(await registration())) return { registered: false, current: null, pending: null };
    var entry = await caches.match(POINTER_KEY, { cacheName: POINTER });
    var state = entry ? await entry.json() : {};
    return { registered: true, current: state.current || null, pending: state.pending || null };
  }

  async function writeState(current, pending) {
    if (cancelled) throw new Error("The offline copy was removed.");
    var cache = await caches.open(POINTER);
    var body = JSON.stringify({ current: current, pending: pending });
    await cache.put(POINTER_KEY, new Response(body, { headers: { "Content-Type": "application/json" } }));
  }

  /* A list from the server itself (never the copy: the worker lets them through); `seconds` at most, if given. */
  async function getJSON(path, seconds) {
    var options = { cache: "no-store" };
    if (seconds && window.AbortSignal && AbortSignal.timeout) options.signal = AbortSignal.timeout(seconds * 1000);
    var response = await fetch(SCOPE + path, options);
    if (!response.ok) throw new Error("the site did not give " + path + " (" + response.status + ")");
    return response.json();
  }

  async function fingerprint(body) {
    var digest = new Uint8Array(await crypto.subtle.digest("SHA-256", body));
    return Array.prototype.map.call(digest, function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
  }

  /* One listed file from the server, as listed ([path, bytes, sha256 prefix]); the browser's own HTTP
     cache first, then, if that copy is not the listed one, from the server itself. */
  async function download(file) {
    var modes = ["no-cache", "reload"];
    for (var i = 0; i < modes.length; i += 1) {
      var headers = {};
      headers[SAVE_HEADER] = "1";
      var response = await fetch(SCOPE + file[0], { cache: modes[i], headers: headers });
      if (!response.ok) throw new Error("the site did not give " + file[0] + " (" + response.status + ")");
      var body = await response.arrayBuffer();
      if (body.byteLength === file[1] && (await fingerprint(body)).indexOf(file[2]) === 0) {
        return new Response(body, { headers: { "Content-Type": response.headers.get("Content-Type") || "" } });
      }
    }
    throw new Error(file[0] + " is not the file the site lists: the site may have changed while it was being saved; try again");
  }

  async function inPool(items, work) {
    var next = 0;
    async function worker() {
      while (next < items.length) {
        if (cancelled) throw new Error("The offline copy was removed.");
        await work(items[next++]);
      }
    }
    var workers = [];
    for (var i = 0; i < PARALLEL; i += 1) workers.push(worker());
    await Promise.all(workers);
  }

  /* Save this build of the site (with the downloads if asked); calls progress(done, total, bytes, all). */
  async function save(withDownloads, progress) {
    var reg = await navigator.serviceWorker.register(SCOPE + "offline-worker.js", { scope: SCOPE, updateViaCache: "none" });
    var summary = await getJSON("offline.json");
    var lists = await getJSON("offline-files.json");
    if (lists.build !== summary.build) throw new Error("the site changed while it was being saved; try again");
    var state = await readState();
    var previous = state.current;
    await writeState(previous, { build: summary.build, downloads: withDownloads });
    var files = lists.core.concat(withDownloads ? lists.downloads : []);
    var name = COPY_PREFIX + summary.build + (withDownloads ? " with downloads" : "");
    var cache = await caches.open(name);
    var earlier = previous ? await listOf(previous) : {};
    var all = files.reduce(function (sum, f) { return sum + f[1]; }, 0);
    var done = 0;
    var bytes = 0;
    await inPool(files, async function (file) {
      var url = SCOPE + file[0];
      if (!(await cache.match(url))) {
        var kept = earlier[file[0]] === file[2] ? await caches.match(url, { cacheName: previous.cache }) : null;
        await cache.put(url, kept || (await download(file)));
      }
      done += 1;
      bytes += file[1];
      progress(done, files.length, bytes, all);
    });
    await cache.put(LIST_KEY, new Response(JSON.stringify(lists), { headers: { "Content-Type": "application/json" } }));
    await (reg.active ? Promise.resolve() : navigator.serviceWorker.ready);
    var record = {
      cache: name, build: summary.build, version: summary.version, built: summary.built, saved: new Date().toISOString(),
      downloads: withDownloads, files: files.length, bytes: all,
    };
    await writeState(record, null);
    var names = await caches.keys();
    for (var i = 0; i < names.length; i += 1) {
      if (names[i].indexOf(COPY_PREFIX) === 0 && names[i] !== name) await caches.delete(names[i]);
    }
    if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(function () {});
    if (channel) channel.postMessage({ type: "saved" });
    return record;
  }

  /* path -> fingerprint of what a complete copy holds. */
  async function listOf(copy) {
    var saved = await caches.match(LIST_KEY, { cacheName: copy.cache });
    if (!saved) return {};
    var lists = await saved.json();
    var map = {};
    lists.core.concat(lists.downloads).forEach(function (f) { map[f[0]] = f[2]; });
    return map;
  }

  async function remove() {
    cancelled = true;
    if (channel) channel.postMessage({ type: "removing" });
    var names = await caches.keys();
    for (var i = 0; i < names.length; i += 1) {
      if (names[i].indexOf(NAME + " ") === 0) await caches.delete(names[i]);
    }
    var reg = await registration();
    if (reg) await reg.unregister();
    if (channel) channel.postMessage({ type: "removed" });
  }

  /* One save or removal at a time across this site's tabs (Web Locks, where the browser has them). */
  function exclusively(work, options) {
    if (!navigator.locks) return work(true);
    return navigator.locks.request(NAME, options || { ifAvailable: true }, function (lock) { return work(Boolean(lock)); });
  }

  /* ---- What the reader sees ---- */

  function longDate(iso) {
    return new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  }

  function megabytes(bytes) {
    return (bytes / MB).toFixed(1) + " MB";
  }

  function describe(copy) {
    return "version " + copy.version + " (built " + copy.built + ")";
  }

  function progressText(done, total, bytes, all) {
    return done + " of " + total + " files, " + megabytes(bytes) + " of " + megabytes(all);
  }

  var MESSAGES = {
    file: "This copy of the site is opened from a file (a shared drive, a USB stick or this computer's disk). " +
      "Browsers do not let a site opened that way save itself, and it needs no saving: it already works without a connection. " +
      "To use the site offline on a phone, open its web address there and save it.",
    insecure: "This browser lets a site save itself for offline use only when the site is served securely (an address " +
      "starting https://). Ask whoever runs this site to serve it over https.",
    browser: "This browser cannot save a site for offline use. A recent Chrome, Edge, Firefox or Safari can.",
  };

  function savedOn(iso) {
    return new Date(iso).toLocaleString("en-GB", { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" });
  }

  function pageAddress(path) {
    var link = document.querySelector("a.wwr-offline-link");
    return link ? link.href : SCOPE + path;
  }

  /* The control on the home page and the "Save for offline use" page. */
  function Control(root, reason) {
    var part = function (name) { return root.querySelector("[data-wwr-offline-" + name + "]"); };
    var note = part("note");
    var saveButton = part("save");
    var removeButton = part("remove");
    var tick = part("downloads");
    var bar = part("progress");
    var status = part("status");
    var live = part("live");
    if (reason) {
      note.textContent = MESSAGES[reason];
      return;
    }
    note.hidden = true;
    part("controls").hidden = false;

    function busy(on) {
      saveButton.disabled = on;
      removeButton.disabled = on;
      if (tick) tick.disabled = on;
      bar.hidden = !on;
    }

    async function refresh() {
      var state = await readState();
      var copy = state.current;
      removeButton.hidden = !state.registered;
      saveButton.textContent = copy ? "Save again" : state.pending ? "Carry on saving" : "Save for offline use";
      if (copy) {
        if (tick) tick.checked = copy.downloads;
        status.textContent = "Saved on this device on " + savedOn(copy.saved) + ": " + describe(copy) + ", " + copy.files + " files, " +
          megabytes(copy.bytes) + (copy.downloads ? ", with the downloads" : "") + ". It updates itself when the site changes.";
      } else if (state.registered) {
        status.textContent = "Saving was not finished. Carry on saving, or remove what was saved.";
      } else {
        status.textContent = "Nothing of this site is stored on this device.";
      }
    }

    async function sizes() {
      if (!navigator.onLine) return;
      try {
        var summary = await getJSON("offline.json");
        part("size").textContent = "The site is " + megabytes(summary.core.bytes) + " (" + summary.core.files + " files).";
        var extra = part("downloads-size");
        if (extra) extra.textContent = "(" + summary.downloads.files + " files, " + megabytes(summary.downloads.bytes) + ")";
      } catch (error) {
        part("size").textContent = "";
      }
    }

    saveButton.addEventListener("click", function () {
      busy(true);
      live.textContent = "Saving the site for offline use.";
      exclusively(async function (mine) {
        if (!mine) {
          status.textContent = "The site is being saved in another tab or window.";
          return;
        }
        cancelled = false;
        await save(Boolean(tick && tick.checked), function (done, total, bytes, all) {
          bar.max = all;
          bar.value = bytes;
          status.textContent = "Saving: " + progressText(done, total, bytes, all) + ". Keep this page open.";
        });
        await refresh();
        live.textContent = "Saved for offline use.";
      }).catch(function (error) {
        status.textContent = "Saving stopped: " + error.message + ". What was saved is kept: press the button again to carry on.";
        live.textContent = "Saving stopped.";
      }).finally(function () {
        busy(false);
      });
    });

    removeButton.addEventListener("click", function () {
      busy(true);
      exclusively(function () { return remove(); }, { steal: true }).then(function () {
        return refresh();
      }).then(function () {
        status.textContent = "The offline copy was removed: nothing of this site is stored on this device.";
        live.textContent = "The offline copy was removed.";
      }).catch(function (error) {
        status.textContent = "The copy could not be removed: " + error.message + ".";
      }).finally(function () {
        busy(false);
      });
    });

    if (channel) channel.addEventListener("message", function () { refresh().catch(function () {}); });
    refresh().catch(function () {});
    sizes();
  }

  /* The banner on a page the saved copy answered (or while the copy is being updated). */
  function Banner(copy) {
    var banner = document.createElement("div");
    banner.className = "wwr-offline-banner";
    var text = document.createElement("p");
    var title = document.createElement("strong");
    title.textContent = "Offline copy from " + longDate(copy.saved) + ", version " + copy.version;
    var detail = document.createElement("span");
    detail.textContent = " (built " + copy.built + "). ";
    var news = document.createElement("span");
    var more = document.createElement("a");
    more.href = pageAddress("offline/");
    more.textContent = "About your offline copy";
    var actions = document.createElement("span");
    var live = document.createElement("span");
    live.className = "wwr-visually-hidden";
    live.setAttribute("role", "status");
    text.append(title, detail, news, actions, more);
    banner.append(text, live);
    var article = document.querySelector("article") || document.body;
    article.insertBefore(banner, article.firstChild);
    live.textContent = title.textContent + ".";
    return {
      news: function (message, announce) {
        news.textContent = message + " ";
        if (announce) live.textContent = message;
      },
      action: function (label, act) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "md-button wwr-offline-banner__action";
        button.textContent = label;
        button.addEventListener("click", act);
        actions.append(button, " ");
      },
    };
  }

  /* Download links whose file the copy does not hold say so (the reader did not tick the downloads). */
  async function markDownloads(copy) {
    var links = document.querySelectorAll("article a[download]");
    for (var i = 0; i < links.length; i += 1) {
      if (await caches.match(links[i].href, { cacheName: copy.cache })) continue;
      var note = document.createElement("span");
      note.className = "wwr-offline-missing";
      note.textContent = " (not in your offline copy)";
      links[i].after(note);
    }
  }

  /* Any page: if this site is saved, show where the page came from, and keep the copy current. */
  async function keepCurrent() {
    var state = await readState();
    var copy = state.current;
    if (!copy) return;
    var fromCopy = document.documentElement.getAttribute("data-wwr-copy") === copy.build;
    var banner = fromCopy ? Banner(copy) : null;
    if (fromCopy) await markDownloads(copy);
    if (!navigator.onLine) {
      if (banner) banner.news("There is no connection: this page is from the copy on this device.");
      return;
    }
    var online;
    try {
      online = await getJSON("offline.json", CHECK_SECONDS);
    } catch (error) {
      if (banner) banner.news("The site cannot be reached just now: this page is from the copy on this device.");
      return;
    }
    if (online.build === copy.build) {
      if (banner) banner.news("It is the latest version.");
      return;
    }
    banner = banner || Banner(copy);
    var newer = "A newer version is online (" + describe(online) + ")";
    banner.news(newer + ": saving it to your offline copy.", true);
    await exclusively(async function (mine) {
      if (!mine) {
        banner.news(newer + ": it is being saved in another tab or window.");
        return;
      }
      var record = await save(copy.downloads, function (done, total, bytes, all) {
        banner.news(newer + ": saving it to your offline copy, " + progressText(done, total, bytes, all) + ".");
      });
      banner.news("Your offline copy is now " + describe(record) + ".", true);
      if (fromCopy) banner.action("Show the new version of this page", function () { location.reload(); });
    }).catch(function (error) {
      banner.news(newer + ", but it could not be saved (" + error.message + "). This page is from your older copy.", true);
    });
  }

  /* The "not in your offline copy" page names the page that was asked for, if it is one of this site's. */
  function nameMissingPage() {
    var slot = document.querySelector("[data-wwr-not-saved]");
    var asked = new URL(location.href).searchParams.get("page");
    if (!slot || !asked) return;
    var address = new URL(asked, SCOPE);
    if (address.href.indexOf(SCOPE) !== 0) return;
    var link = slot.querySelector("a");
    link.href = address.href;
    link.textContent = decodeURI(address.pathname);
    slot.hidden = false;
  }

  var reason = unsupported();
  Array.prototype.forEach.call(document.querySelectorAll("[data-wwr-offline]"), function (root) { Control(root, reason); });
  if (!reason) {
    nameMissingPage();
    keepCurrent().catch(function () {});
  }
})();
