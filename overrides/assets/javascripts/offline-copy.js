/* The offline copy itself (docs/printing-and-offline.md: "Offline on a phone"): what is saved on this device, and saving,
   updating and removing it. offline-page.js shows it to the reader; the names it shares with the worker
   (caches, the request header, the lists, the worker) are the build's, in offline-names.js, loaded first.

   Until the reader presses "Save for offline use" nothing here stores or registers anything: readState
   only asks whether this site's worker is registered (navigator.serviceWorker.getRegistration, which
   creates nothing), and reads Cache Storage only once it is. save registers the worker (scope: the
   site's folder), then saves every file of the lists (and the downloads, if asked) into a cache of its
   own, checking each against its listed size and fingerprint; the copy counts only once complete (the
   pointer cache then names it), and an older copy stays until then. remove deletes every cache of this
   site and unregisters the worker. Nothing is ever sent anywhere but this site's own folder.

   One global: wwrOfflineCopy. */
"use strict";

{
  const names = wwrOfflineNames;
  const scope = new URL(".", window.__md_scope || document.baseURI).href;
  const siteName = `${names.caches} ${scope}`; // every cache of this site, its lock and its tabs' channel
  const pointer = `${siteName} ${names.pointerCache}`;
  const pointerKey = scope + names.pointerEntry;
  const copyPrefix = `${siteName} ${names.copyCache} `;
  const listKey = scope + names.lists;
  const PARALLEL = 4;
  const REMOVED = "The offline copy was removed.";
  let cancelled = false; // this site's copy is being removed, here or in another tab: saving stops
  const channel = "BroadcastChannel" in window ? new BroadcastChannel(siteName) : null;
  if (channel) {
    channel.addEventListener("message", (event) => {
      if (event.data.type === "removing") cancelled = true;
    });
  }

  /* Why this copy of the site cannot be saved here ("file", "insecure", "browser"), or null. */
  const unsupported = () => {
    if (location.protocol === "file:") return "file";
    if (!window.isSecureContext) return "insecure";
    if (!("serviceWorker" in navigator) || !("caches" in window) || !window.crypto || !crypto.subtle) return "browser";
    return null;
  };

  const registration = async () => {
    const found = await navigator.serviceWorker.getRegistration(scope);
    return found && found.scope === scope ? found : null;
  };

  /* {registered, current, pending}; reads Cache Storage only once this site's worker is registered. */
  const readState = async () => {
    if (!(await registration())) return { registered: false, current: null, pending: null };
    const entry = await caches.match(pointerKey, { cacheName: pointer });
    const state = entry ? await entry.json() : {};
    return { registered: true, current: state.current || null, pending: state.pending || null };
  };

  const writeState = async (current, pending) => {
    if (cancelled) throw new Error(REMOVED);
    const cache = await caches.open(pointer);
    const body = JSON.stringify({ current, pending });
    await cache.put(pointerKey, new Response(body, { headers: { "Content-Type": "application/json" } }));
  };

  /* A list from the server itself (never the copy: the worker lets them through); `seconds` at most, if given. */
  const getJSON = async (path, seconds) => {
    const options = { cache: "no-store" };
    if (seconds && window.AbortSignal && AbortSignal.timeout) options.signal = AbortSignal.timeout(seconds * 1000);
    const response = await fetch(scope + path, options);
    if (!response.ok) throw new Error(`the site did not give ${path} (${response.status})`);
    return response.json();
  };

  /* The site's build, version and size as the server has them now (offline.json). */
  const summary = (seconds) => getJSON(names.summary, seconds);

  const fingerprint = async (body) => {
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", body));
    return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
  };

  /* One listed file from the server, as listed ([path, bytes, sha256 prefix]); the browser's own HTTP
     cache first, then, if that copy is not the listed one, from the server itself. */
  const download = async ([path, size, sha]) => {
    for (const mode of ["no-cache", "reload"]) {
      const response = await fetch(scope + path, { cache: mode, headers: { [names.saveHeader]: "1" } });
      if (!response.ok) throw new Error(`the site did not give ${path} (${response.status})`);
      const body = await response.arrayBuffer();
      if (body.byteLength === size && (await fingerprint(body)).startsWith(sha)) {
        return new Response(body, { headers: { "Content-Type": response.headers.get("Content-Type") || "" } });
      }
    }
    throw new Error(`${path} is not the file the site lists: the site may have changed while it was being saved; try again`);
  };

  /* work(item) for every item, PARALLEL at a time. */
  const inPool = async (items, work) => {
    let next = 0;
    const worker = async () => {
      while (next < items.length) {
        if (cancelled) throw new Error(REMOVED);
        await work(items[next++]);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
  };

  /* path -> fingerprint of what a complete copy holds. */
  const listOf = async (copy) => {
    const saved = await caches.match(listKey, { cacheName: copy.cache });
    if (!saved) return {};
    const lists = await saved.json();
    return Object.fromEntries(lists.core.concat(lists.downloads).map(([path, , sha]) => [path, sha]));
  };

  /* Save this build of the site (with the downloads if asked), taking what did not change from the
     current copy; calls progress(done, total, bytes, all) after each file. `asked`: the reader pressed
     the button, which lifts the stop an earlier removal put on saving in this tab. */
  const save = async (withDownloads, progress, { asked = false } = {}) => {
    if (asked) cancelled = false;
    const reg = await navigator.serviceWorker.register(scope + names.worker, { scope, updateViaCache: "none" });
    const current = await summary();
    const lists = await getJSON(names.lists);
    if (lists.build !== current.build) throw new Error("the site changed while it was being saved; try again");
    const { current: previous } = await readState();
    await writeState(previous, { build: current.build, downloads: withDownloads });
    const files = lists.core.concat(withDownloads ? lists.downloads : []);
    const name = copyPrefix + current.build + (withDownloads ? " with downloads" : "");
    const cache = await caches.open(name);
    const earlier = previous ? await listOf(previous) : {};
    const all = files.reduce((sum, file) => sum + file[1], 0);
    let done = 0;
    let bytes = 0;
    await inPool(files, async (file) => {
      const url = scope + file[0];
      if (!(await cache.match(url))) {
        const kept = earlier[file[0]] === file[2] ? await caches.match(url, { cacheName: previous.cache }) : null;
        await cache.put(url, kept || (await download(file)));
      }
      done += 1;
      bytes += file[1];
      progress(done, files.length, bytes, all);
    });
    await cache.put(listKey, new Response(JSON.stringify(lists), { headers: { "Content-Type": "application/json" } }));
    if (!reg.active) await navigator.serviceWorker.ready;
    const record = {
      cache: name, build: current.build, version: current.version, built: current.built, saved: new Date().toISOString(),
      downloads: withDownloads, files: files.length, bytes: all,
    };
    await writeState(record, null);
    for (const old of await caches.keys()) {
      if (old.startsWith(copyPrefix) && old !== name) await caches.delete(old);
    }
    if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(() => {});
    if (channel) channel.postMessage({ type: "saved" });
    return record;
  };

  /* Delete every cache of this site and unregister its worker: nothing of the site is left. */
  const remove = async () => {
    cancelled = true;
    if (channel) channel.postMessage({ type: "removing" });
    for (const name of await caches.keys()) {
      if (name.startsWith(`${siteName} `)) await caches.delete(name);
    }
    const reg = await registration();
    if (reg) await reg.unregister();
    if (channel) channel.postMessage({ type: "removed" });
  };

  /* Whether a copy holds this address. */
  const holds = async (copy, url) => Boolean(await caches.match(url, { cacheName: copy.cache }));

  /* One save or removal at a time across this site's tabs (Web Locks, where the browser has them):
     work(mine), mine false when another tab holds the lock. */
  const exclusively = (work, options) => {
    if (!navigator.locks) return work(true);
    return navigator.locks.request(siteName, options || { ifAvailable: true }, (lock) => work(Boolean(lock)));
  };

  /* listener(message) whenever another tab saves or removes this site's copy. */
  const onChange = (listener) => {
    if (channel) channel.addEventListener("message", (event) => listener(event.data));
  };

  globalThis.wwrOfflineCopy = Object.freeze({ scope, unsupported, readState, summary, save, remove, holds, exclusively, onChange });
}
