"""Time to the first stable frame of each map page in real headless Chromium.

The map page sets ``window.graphkitReady = {ms, ...}`` when its first frame is drawn and the layout has
stopped moving (``ms`` is ``performance.now()``: time since navigation start). Chromium is driven by the
shared test helper ``tests/browser.py``; each page is opened ``LOADS`` times (the first is cold).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for browser.py

READY = "window.graphkitReady"
LOADS = 3
TIMEOUT = 60.0


def measure(views: dict[str, dict[str, Any]]) -> None:
    """Add ``ready_ms`` (first load), ``ready_ms_best`` and ``open_seconds`` to each rendered view."""
    try:
        from browser import chrome
    except ImportError as exc:
        for figures in views.values():
            figures["browser"] = f"missing: {exc}"
        return
    try:
        with chrome() as browser:
            for figures in views.values():
                times, walls = [], []
                for _ in range(LOADS):
                    walls.append(browser.open(figures["path"], ready=READY, timeout=TIMEOUT))
                    times.append(float(browser.js(f"return {READY}.ms")))
                figures["ready_ms"] = round(times[0])
                figures["ready_ms_best"] = round(min(times))
                figures["open_seconds"] = round(walls[0], 3)
    except BaseException as exc:  # noqa: BLE001 - pytest.skip/fail from the helper end up here too
        if isinstance(exc, KeyboardInterrupt):
            raise
        for figures in views.values():
            figures.setdefault("browser", f"error: {type(exc).__name__}: {str(exc)[:200]}")
