"""A map page's "save picture" from the command line: the page opened in headless Chromium (driven over
the DevTools protocol on a pipe, standard library only), waited for until its first stable frame, and
the same PNG the page's own button writes (view, title and legend) saved to a file. Offline: Chromium is
started with no network features and only the local file is opened.
"""

from __future__ import annotations

import base64
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from graphkit._errors import GraphkitError

__all__ = ["map_picture", "find_chromium", "MapPictureError", "CHROMIUM_ENV"]

_FLAGS = (
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
    "--remote-debugging-pipe",
)
_WAIT = """new Promise(function (ok, fail) {
  var start = Date.now();
  (function poll() {
    var m = window.graphkitMap;
    if (window.graphkitReady && m && m.pictureURL) ok(m.pictureURL());
    else if (Date.now() - start > %d) fail(new Error("the map did not finish drawing"));
    else setTimeout(poll, 50);
  })();
})"""


class MapPictureError(GraphkitError):
    """Chromium is missing, or the page could not be drawn."""


#: Names an alternative Chromium executable (used by map pictures and the brief's PDF).
CHROMIUM_ENV = "GRAPHKIT_CHROMIUM"
_CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium() -> str | None:
    """The Chromium to use: ``$GRAPHKIT_CHROMIUM``, else ``chromium`` / ``chromium-browser`` /
    ``google-chrome`` on the PATH, else None."""
    if os.environ.get(CHROMIUM_ENV):
        return shutil.which(os.environ[CHROMIUM_ENV])
    for name in _CHROMIUM_NAMES:
        if found := shutil.which(name):
            return found
    return None


class _Pipe:
    def __init__(self, proc: subprocess.Popen[bytes], send: int, receive: int) -> None:
        self.proc, self.send_fd, self.receive_fd = proc, send, receive
        self.buffer, self.next_id = b"", 0

    def call(self, method: str, params: dict[str, Any], deadline: float, session: str | None = None) -> Any:
        self.next_id += 1
        message: dict[str, Any] = {"id": self.next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self.send_fd, json.dumps(message).encode() + b"\0")
        while True:
            while b"\0" in self.buffer:
                raw, self.buffer = self.buffer.split(b"\0", 1)
                reply = json.loads(raw)
                if reply.get("id") == self.next_id:
                    if "error" in reply:
                        raise MapPictureError(f"chromium: {method}: {reply['error'].get('message')}")
                    return reply.get("result", {})
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self.receive_fd], [], [], max(0.0, left))
            chunk = os.read(self.receive_fd, 1 << 20) if ready else b""
            if not chunk:
                raise MapPictureError(
                    f"chromium did not answer {method} in time (or stopped): is the page a graphkit map?"
                )
            self.buffer += chunk


def map_picture(
    html: str | Path, png: str | Path, *, width: int = 1440, height: int = 900, timeout: float = 60.0
) -> Path:
    """Write the picture of the map page ``html`` (view, title and legend, as its "save picture" button
    does) to ``png``, drawn in a ``width`` x ``height`` window of headless Chromium.

    Raises :class:`MapPictureError` (one line) when Chromium is missing or the page does not draw.
    """
    chromium = find_chromium()
    if chromium is None:
        raise MapPictureError(
            "--png needs Chromium: install it (apt-get install chromium) or set GRAPHKIT_CHROMIUM"
        )
    source = Path(html).resolve()
    if not source.is_file():
        raise MapPictureError(f"{html}: no such map page")
    out = Path(png)
    profile = tempfile.mkdtemp(prefix="graphkit-picture-")
    to_child_r, to_child_w = os.pipe()
    from_child_r, from_child_w = os.pipe()

    def fds() -> None:  # Chromium reads commands on fd 3 and writes answers to fd 4 (copies first: the
        read, write = os.dup(to_child_r), os.dup(from_child_w)  # pipe's own fds may be 3 or 4)
        os.dup2(read, 3)
        os.dup2(write, 4)

    args = [chromium, *_FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}", "about:blank"]
    proc = subprocess.Popen(
        args,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,  # noqa: S603
        stderr=subprocess.DEVNULL,
        preexec_fn=fds,
        close_fds=False,
    )
    os.close(to_child_r)
    os.close(from_child_w)
    pipe = _Pipe(proc, to_child_w, from_child_r)
    deadline = time.monotonic() + timeout
    try:
        target = pipe.call("Target.createTarget", {"url": "about:blank"}, deadline)["targetId"]
        session = pipe.call("Target.attachToTarget", {"targetId": target, "flatten": True}, deadline)[
            "sessionId"
        ]
        pipe.call(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
            deadline,
            session,
        )
        pipe.call("Page.navigate", {"url": source.as_uri()}, deadline, session)
        result = pipe.call(
            "Runtime.evaluate",
            {"expression": _WAIT % int(timeout * 1000), "awaitPromise": True, "returnByValue": True},
            deadline,
            session,
        )
        if "exceptionDetails" in result:
            raise MapPictureError(
                f"{html}: the page could not be drawn: "
                f"{result['exceptionDetails'].get('exception', {}).get('description', '?')}"
            )
        url = str(result.get("result", {}).get("value", ""))
        if not url.startswith("data:image/png;base64,"):
            raise MapPictureError(f"{html}: the page gave no picture (not a graphkit map?)")
        data = base64.b64decode(url.split(",", 1)[1])
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(out.name + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(out)
        return out
    finally:
        try:
            pipe.call("Browser.close", {}, time.monotonic() + 5)
        except (MapPictureError, OSError):
            pass
        for fd in (to_child_w, from_child_r):
            os.close(fd)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        shutil.rmtree(profile, ignore_errors=True)
