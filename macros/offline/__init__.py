"""The site saved on a reader's device, only when asked (README: "Offline on a phone"): the web app
manifest and its icons, and the lists of files a saved copy holds, with the build they make up. The
saving itself is the browser's (overrides/assets/javascripts/offline.js and overrides/offline-worker.js).
No mkdocs here."""

WORKER = "offline-worker.js"  # at the site's root, so that its scope is the site's folder
SUMMARY = "offline.json"  # the build and the copy's size: small, fetched by a saved copy whenever it is shown online
LISTS = "offline-files.json"  # every file of the copy, with its size and fingerprint
MANIFEST = "manifest.webmanifest"
NOT_SAVED_PAGE = "not-in-offline-copy.md"  # where the worker sends a page the copy lacks, with no connection
BUDGET = 5 * 1024 * 1024  # what a copy without the downloads should keep to: phones save it over a poor signal
