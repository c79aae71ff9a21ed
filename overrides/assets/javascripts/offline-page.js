/* What the reader sees of the offline copy (docs/printing-and-offline.md: "Offline on a phone"); the copy itself is
   offline-copy.js (wwrOfflineCopy), loaded before this by offline-when-saved.js.

   - The "Save for offline use" control (home page, /offline/): why this copy of the site cannot be
     saved here, or the site's size, the buttons, the progress while saving and what is saved.
   - On any page, once the site is saved: the banner on a page the copy answered, with its version and
     whether it is the latest, while a newer build is saved in the background; "(not in your offline
     copy)" after a download link whose file the copy lacks.
   - On the "not in your offline copy" page: the page that was asked for. */
"use strict";

{
  const copies = wwrOfflineCopy;
  const CHECK_SECONDS = 10; // a signal too poor to answer the check in this time counts as none
  const MB = 1024 * 1024;
  const MESSAGES = {
    file: "This copy of the site is opened from a file (a shared drive, a USB stick or this computer's disk). " +
      "Browsers do not let a site opened that way save itself, and it needs no saving: it already works without a connection. " +
      "To use the site offline on a phone, open its web address there and save it.",
    insecure: "This browser lets a site save itself for offline use only when the site is served securely (an address " +
      "starting https://). Ask whoever runs this site to serve it over https.",
    browser: "This browser cannot save a site for offline use. A recent Chrome, Edge, Firefox or Safari can.",
  };

  const longDate = (iso) => new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  const savedOn = (iso) => new Date(iso).toLocaleString("en-GB", { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" });
  const megabytes = (bytes) => `${(bytes / MB).toFixed(1)} MB`;
  // A build's day (2026-12-07) as readers write it, the same wherever the reader is: 7 December 2026.
  const buildDay = (day) => new Date(`${day}T12:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const describe = (copy) => `edition ${copy.version} (built ${buildDay(copy.built)})`;
  const progressText = (done, total, bytes, all) => `${done} of ${total} files, ${megabytes(bytes)} of ${megabytes(all)}`;

  const pageAddress = (path) => {
    const link = document.querySelector("a.wwr-offline-link");
    return link ? link.href : copies.scope + path;
  };

  /* The control on the home page and the "Save for offline use" page. */
  const control = (root, reason) => {
    const part = (name) => root.querySelector(`[data-wwr-offline-${name}]`);
    const note = part("note");
    const saveButton = part("save");
    const removeButton = part("remove");
    const tick = part("downloads");
    const bar = part("progress");
    const status = part("status");
    const live = part("live");
    if (reason) {
      note.textContent = MESSAGES[reason];
      return;
    }
    note.hidden = true;
    part("controls").hidden = false;

    const busy = (on) => {
      saveButton.disabled = on;
      removeButton.disabled = on;
      if (tick) tick.disabled = on;
      bar.hidden = !on;
    };

    const refresh = async () => {
      const { registered, current: copy, pending } = await copies.readState();
      removeButton.hidden = !registered;
      saveButton.textContent = copy ? "Save again" : pending ? "Carry on saving" : "Save for offline use";
      if (copy) {
        if (tick) tick.checked = copy.downloads;
        status.textContent = `Saved on this device on ${savedOn(copy.saved)}: ${describe(copy)}, ${copy.files} files, ` +
          `${megabytes(copy.bytes)}${copy.downloads ? ", with the downloads" : ""}. It updates itself when the site changes.`;
      } else if (registered) {
        status.textContent = "Saving was not finished. Carry on saving, or remove what was saved.";
      } else {
        status.textContent = "Nothing of this site is stored on this device.";
      }
    };

    const sizes = async () => {
      if (!navigator.onLine) return;
      try {
        const summary = await copies.summary();
        part("size").textContent = `The site is ${megabytes(summary.core.bytes)} (${summary.core.files} files).`;
        const extra = part("downloads-size");
        if (extra) extra.textContent = `(${summary.downloads.files} files, ${megabytes(summary.downloads.bytes)})`;
      } catch {
        part("size").textContent = "";
      }
    };

    saveButton.addEventListener("click", async () => {
      busy(true);
      live.textContent = "Saving the site for offline use.";
      try {
        await copies.exclusively(async (mine) => {
          if (!mine) {
            status.textContent = "The site is being saved in another tab or window.";
            return;
          }
          await copies.save(Boolean(tick && tick.checked), (done, total, bytes, all) => {
            bar.max = all;
            bar.value = bytes;
            status.textContent = `Saving: ${progressText(done, total, bytes, all)}. Keep this page open.`;
          }, { asked: true });
          await refresh();
          live.textContent = "Saved for offline use.";
        });
      } catch (error) {
        status.textContent = `Saving stopped: ${error.message}. What was saved is kept: press the button again to carry on.`;
        live.textContent = "Saving stopped.";
      } finally {
        busy(false);
      }
    });

    removeButton.addEventListener("click", async () => {
      busy(true);
      try {
        await copies.exclusively(() => copies.remove(), { steal: true });
        await refresh();
        status.textContent = "The offline copy was removed: nothing of this site is stored on this device.";
        live.textContent = "The offline copy was removed.";
      } catch (error) {
        status.textContent = `The copy could not be removed: ${error.message}.`;
      } finally {
        busy(false);
      }
    });

    copies.onChange(() => refresh().catch(() => {}));
    refresh().catch(() => {});
    sizes();
  };

  /* The banner on a page the saved copy answered (or while the copy is being updated). */
  const banner = (copy) => {
    const element = document.createElement("div");
    element.className = "wwr-offline-banner";
    const text = document.createElement("p");
    const title = document.createElement("strong");
    title.textContent = `Offline copy from ${longDate(copy.saved)}, edition ${copy.version}`;
    const detail = document.createElement("span");
    detail.textContent = ` (built ${buildDay(copy.built)}). `;
    const news = document.createElement("span");
    const more = document.createElement("a");
    more.href = pageAddress("offline/");
    more.textContent = "About your offline copy";
    const actions = document.createElement("span");
    const live = document.createElement("span");
    live.className = "wwr-visually-hidden";
    live.setAttribute("role", "status");
    text.append(title, detail, news, actions, more);
    element.append(text, live);
    const article = document.querySelector("article") || document.body;
    article.insertBefore(element, article.firstChild);
    live.textContent = `${title.textContent}.`;
    return {
      news(message, announce) {
        news.textContent = `${message} `;
        if (announce) live.textContent = message;
      },
      action(label, act) {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "md-button wwr-offline-banner__action";
        button.textContent = label;
        button.addEventListener("click", act);
        actions.append(button, " ");
      },
    };
  };

  /* Download links whose file the copy does not hold say so (the reader did not tick the downloads). */
  const markDownloads = async (copy) => {
    for (const link of document.querySelectorAll("article a[download]")) {
      if (await copies.holds(copy, link.href)) continue;
      const note = document.createElement("span");
      note.className = "wwr-offline-missing";
      note.textContent = " (not in your offline copy)";
      link.after(note);
    }
  };

  /* Any page: if this site is saved, show where the page came from, and keep the copy current. */
  const keepCurrent = async () => {
    const { current: copy } = await copies.readState();
    if (!copy) return;
    const fromCopy = document.documentElement.getAttribute("data-wwr-copy") === copy.build;
    let shown = fromCopy ? banner(copy) : null;
    if (fromCopy) await markDownloads(copy);
    if (!navigator.onLine) {
      if (shown) shown.news("There is no connection: this page is from the copy on this device.");
      return;
    }
    let online;
    try {
      online = await copies.summary(CHECK_SECONDS);
    } catch {
      if (shown) shown.news("The site cannot be reached just now: this page is from the copy on this device.");
      return;
    }
    if (online.build === copy.build) {
      if (shown) shown.news("It is the latest version.");
      return;
    }
    shown = shown || banner(copy);
    const newer = `A newer version is online (${describe(online)})`;
    shown.news(`${newer}: saving it to your offline copy.`, true);
    try {
      await copies.exclusively(async (mine) => {
        if (!mine) {
          shown.news(`${newer}: it is being saved in another tab or window.`);
          return;
        }
        const record = await copies.save(copy.downloads, (done, total, bytes, all) => {
          shown.news(`${newer}: saving it to your offline copy, ${progressText(done, total, bytes, all)}.`);
        });
        shown.news(`Your offline copy is now ${describe(record)}.`, true);
        if (fromCopy) shown.action("Show the new version of this page", () => location.reload());
      });
    } catch (error) {
      shown.news(`${newer}, but it could not be saved (${error.message}). This page is from your older copy.`, true);
    }
  };

  /* The "not in your offline copy" page names the page that was asked for, if it is one of this site's. */
  const nameMissingPage = () => {
    const slot = document.querySelector("[data-wwr-not-saved]");
    const asked = new URL(location.href).searchParams.get("page");
    if (!slot || !asked) return;
    const address = new URL(asked, copies.scope);
    if (!address.href.startsWith(copies.scope)) return;
    const link = slot.querySelector("a");
    link.href = address.href;
    link.textContent = decodeURI(address.pathname);
    slot.hidden = false;
  };

  const reason = copies.unsupported();
  for (const root of document.querySelectorAll("[data-wwr-offline]")) control(root, reason);
  if (!reason) {
    nameMissingPage();
    keepCurrent().catch(() => {});
  }
}
