"""The site saved on a reader's device, only when asked (docs/printing-and-offline.md, "Offline on a phone"): the web app
manifest and its icons, and the lists of files a saved copy holds, with the build they make up. The
saving itself is the browser's (overrides/assets/javascripts/offline-copy.js and offline-page.js, and
overrides/offline-worker.js), which take the names they share from this module: the build writes them
into NAMES_SCRIPT (names.py). No mkdocs here."""

WORKER = "offline-worker.js"  # at the site's root, so that its scope is the site's folder
SUMMARY = "offline.json"  # the build and the copy's size: small, fetched by a saved copy whenever it is shown online
LISTS = "offline-files.json"  # every file of the copy, with its size and fingerprint
MANIFEST = "manifest.webmanifest"
BUDGET = 5 * 1024 * 1024  # what a copy without the downloads should keep to: phones save it over a poor signal

# Cache Storage, as the page saves the copy and the worker reads it: each cache is named "<CACHES> <the
# site's address> ..." (so two sites on one host keep apart, and removing the copy finds every cache).
CACHES = "wwr-offline"  # also the name of the lock and the broadcast channel of this site's tabs
POINTER_CACHE = "pointer"  # "<CACHES> <address> pointer": one entry, naming the complete copy
POINTER_ENTRY = "offline-copy"  # that entry's address, in the site's folder
COPY_CACHE = "copy"  # "<CACHES> <address> copy <build>": one copy of the site
SAVE_HEADER = "X-Wwr-Offline-Save"  # marks the page's requests while it saves: the worker lets them reach the server
NAMES_SCRIPT = "assets/javascripts/offline-names.js"  # the names above, for the page scripts and the worker
