"""A small shared helper for tests that open pages in the real headless Chromium (Debian ``chromium`` +
``chromium-driver`` at /usr/bin, selenium).

    from browser import chrome, page_problems
    with chrome() as browser:
        browser.open(path)                      # file:// URL, waits for body[data-ready] if asked
        errors, requests = page_problems(browser)
        browser.screenshot("network")           # $GRAPHKIT_ARTIFACTS/network.png

Chromium runs with the flags this closed network needs (no background networking, QUIC, component
updates or sync) and a fresh ``--user-data-dir``, and is always quit (with its profile removed) when the
``with`` block ends. Console messages and network requests come from selenium's ``goog:loggingPrefs``
(``browser`` and ``performance`` logs).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
)

__all__ = [
    "chrome",
    "Browser",
    "page_problems",
    "artifacts_dir",
    "require_chromium",
    "CHROMIUM",
    "CHROMEDRIVER",
]


def artifacts_dir() -> Path:
    """``$GRAPHKIT_ARTIFACTS`` (default ``./artifacts``), created."""
    path = Path(os.environ.get("GRAPHKIT_ARTIFACTS") or "artifacts")
    path.mkdir(parents=True, exist_ok=True)
    return path


def require_chromium() -> None:
    """Skip the calling test when Chromium, chromedriver or selenium is missing."""
    if not (os.access(CHROMIUM, os.X_OK) and os.access(CHROMEDRIVER, os.X_OK)):
        pytest.skip("needs Debian chromium + chromium-driver in /usr/bin")
    pytest.importorskip("selenium")


@dataclass
class Browser:
    """A running Chromium driven by selenium, with the logs read so far."""

    driver: Any
    console: list[dict[str, Any]] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    url: str = ""

    def drain(self) -> None:
        """Move new console messages and requested URLs from Chromium's logs into this object."""
        self.console.extend(self.driver.get_log("browser"))
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message.get("method") == "Network.requestWillBeSent":
                self.requests.append(message["params"]["request"]["url"])

    def open(self, path: str | Path, *, ready: str | None = None, timeout: float = 30.0) -> float:
        """Load ``path`` (a local file); with ``ready`` (a JavaScript expression), wait until it is
        truthy. Logs of earlier pages are discarded first. Returns the seconds taken."""
        self.drain()
        self.console.clear()
        self.requests.clear()
        self.url = Path(path).resolve().as_uri()
        start = time.perf_counter()
        self.driver.get(self.url)
        if ready:
            self.wait(ready, timeout)
        return time.perf_counter() - start

    def wait(self, expression: str, timeout: float = 30.0) -> Any:
        """Poll ``return (expression)`` until truthy; fail the test after ``timeout`` seconds."""
        deadline = time.perf_counter() + timeout
        while True:
            value = self.driver.execute_script(f"return ({expression});")
            if value:
                return value
            if time.perf_counter() > deadline:
                pytest.fail(f"timed out after {timeout:.0f} s waiting for {expression}")
            time.sleep(0.05)

    def js(self, script: str, *args: Any) -> Any:
        """Run ``script`` (a function body; use ``return``) in the page."""
        return self.driver.execute_script(script, *args)

    def screenshot(self, name: str) -> Path:
        """Save a PNG of the window as ``$GRAPHKIT_ARTIFACTS/<name>.png``."""
        path = artifacts_dir() / f"{name}.png"
        self.driver.save_screenshot(str(path))
        return path

    def alert_text(self) -> str | None:
        """The text of an open alert/confirm/prompt dialog, or None."""
        from selenium.common.exceptions import NoAlertPresentException

        try:
            return self.driver.switch_to.alert.text
        except NoAlertPresentException:
            return None


def page_problems(browser: Browser) -> tuple[list[str], list[str]]:
    """``(console errors, network requests)`` since the page was opened.

    A request is anything the page asked for except the page itself and inline ``data:``/``blob:``/
    ``about:`` resources.
    """
    browser.drain()
    errors = [m["message"] for m in browser.console if m.get("level") == "SEVERE"]
    requests = [
        u for u in browser.requests if u != browser.url and not u.startswith(("data:", "blob:", "about:"))
    ]
    return errors, requests


@contextlib.contextmanager
def chrome(width: int = 1440, height: int = 900) -> Iterator[Browser]:
    """A headless Chromium for the duration of the ``with`` block (always quit afterwards)."""
    require_chromium()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="graphkit-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    try:
        driver.get("about:blank")
        browser = Browser(driver)
        browser.drain()
        browser.console.clear()
        browser.requests.clear()
        yield browser
    finally:
        try:
            driver.quit()
        finally:
            shutil.rmtree(profile, ignore_errors=True)
