"""The brief as PDF through headless Chromium (Debian ``chromium``), A4 as the page's ``@page`` says."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from graphkit._errors import GraphkitError
from graphkit.maps._picture import CHROMIUM_ENV
from graphkit.maps._picture import find_chromium as _find

__all__ = ["find_chromium", "print_pdf", "CHROMIUM_ENV"]

def find_chromium() -> str:
    """The Chromium executable (as :func:`graphkit.maps._picture.find_chromium` finds it); a one-line
    :class:`GraphkitError` when there is none."""
    found = _find()
    if found:
        return found
    wanted = os.environ.get(CHROMIUM_ENV)
    if wanted:
        raise GraphkitError(f"--pdf: {CHROMIUM_ENV}={wanted} is not an executable: fix it or unset it")
    raise GraphkitError("--pdf needs headless Chromium, which is not installed: apt-get install chromium "
                        f"(or set {CHROMIUM_ENV}); the HTML brief was written")  # fmt: skip


def print_pdf(html: Path, pdf: Path, *, timeout: float = 120.0) -> Path:
    """Print ``html`` to ``pdf`` (written whole or not at all)."""
    exe = find_chromium()
    pdf = Path(pdf)
    pdf.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="graphkit-brief-pdf-") as tmp:
        part = Path(tmp) / "brief.pdf"
        cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--no-first-run", "--disable-dev-shm-usage", f"--user-data-dir={Path(tmp) / 'profile'}",
               f"--print-to-pdf={part}", Path(html).resolve().as_uri()]  # fmt: skip
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise GraphkitError(f"--pdf: Chromium did not finish printing within {timeout:.0f} s") from None
        if not part.exists() or part.stat().st_size == 0:
            last = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
            raise GraphkitError(f"--pdf: Chromium wrote no PDF (exit {done.returncode}: {last[0]})")
        shutil.move(str(part), pdf)
    return pdf
