"""The offline copy of the real portfolio (README: "Offline on a phone"): how much a reader's device
keeps, and how long "Save for offline use" takes, in Debian's chromium, with the site served from
127.0.0.1 gzip-compressed as a production server sends it. Each run is a fresh browser context
(nothing saved before), and the time runs from the press to "Saved on this device"."""

from __future__ import annotations

import json
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from .web import CHROME, serve_directory

SAVED = "Saved on this device on"
USAGE = "async () => (await navigator.storage.estimate()).usage"
# Lighthouse's mobile throttling (a phone on a slow 4G signal): 1.6 Mbit/s down, 750 kbit/s up, 150 ms.
PHONE = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8}


@dataclass
class OfflineCost:
    files: int
    listed_bytes: int  # the files' own bytes, as listed in offline-files.json
    seconds: list[float]  # one per run
    usage_bytes: int  # what the browser says the site's storage takes (Cache Storage, with its own overhead)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def save_once(browser, base: str, downloads: bool, throttle: bool = False) -> tuple[float, int]:
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.goto(base, wait_until="networkidle")
        if throttle:
            context.new_cdp_session(tab).send("Network.emulateNetworkConditions", PHONE)
        if downloads:
            tab.check("[data-wwr-offline-downloads]")
        started = time.perf_counter()
        tab.click("[data-wwr-offline-save]")
        tab.locator("[data-wwr-offline-status]", has_text=SAVED).wait_for(timeout=120_000)
        seconds = time.perf_counter() - started
        return seconds, tab.evaluate(USAGE)
    finally:
        context.close()


def offline_costs(site: Path, runs: int = 3, phone: bool = True) -> dict[str, OfflineCost]:
    """The copy without and with the downloads: files, bytes, time to save (each of `runs` runs), storage
    used; and, with `phone`, once more without downloads on a throttled connection."""
    from playwright.sync_api import sync_playwright

    summary = json.loads((site / "offline.json").read_text(encoding="utf-8"))
    found = {}
    with serve_directory(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROME, args=["--no-sandbox", "--disable-gpu"], headless=True)
        try:
            for name, downloads in (("without downloads", False), ("with downloads", True)):
                measured = [save_once(browser, base, downloads) for _ in range(runs)]
                parts = [summary["core"]] + ([summary["downloads"]] if downloads else [])
                found[name] = OfflineCost(sum(p["files"] for p in parts), sum(p["bytes"] for p in parts),
                                          [seconds for seconds, _ in measured], max(usage for _, usage in measured))
            if phone:
                seconds, usage = save_once(browser, base, False, throttle=True)
                found["on a slow 4G phone"] = OfflineCost(summary["core"]["files"], summary["core"]["bytes"], [seconds], usage)
        finally:
            browser.close()
    return found


def report(site: Path, runs: int = 3, phone: bool = True) -> OfflineCost | None:
    """Print the costs; return the copy without downloads (None if chromium is missing)."""
    if not Path(CHROME).exists():
        print(f"\nOffline copy: skipped ({CHROME} is not installed)")
        return None
    costs = offline_costs(site, runs, phone)
    print(f"\nOffline copy (Save for offline use, Debian chromium, served gzip-compressed from 127.0.0.1; median of {runs} fresh saves;")
    print("the slow 4G phone: one save without downloads, throttled to 1.6 Mbit/s and 150 ms as Lighthouse's mobile)")
    for name, cost in costs.items():
        print(f"  {name:18} {cost.files:4d} files  {cost.listed_bytes / 1024 ** 2:5.2f} MB of files  "
              f"{cost.usage_bytes / 1024 ** 2:5.2f} MB used by the browser  saved in {cost.median:.2f} s "
              f"({', '.join(f'{s:.2f}' for s in cost.seconds)})")
    return costs["without downloads"]
