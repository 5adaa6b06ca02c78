"""Make docs/img/brief.png, the README's picture of the planning brief: the synthetic national dataset in
a temporary data folder, ``graphkit.brief`` in English, a headless-Chromium screenshot of the page's top,
shrunk to a palette PNG under 400 KB (needs Pillow, installed with the test extras).

    .venv/bin/python scripts/brief_screenshot.py [--out docs/img/brief.png]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

LIMIT = 400_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(__file__).resolve().parents[1] / "docs" / "img" / "brief.png"
    parser.add_argument("--out", type=Path, default=default)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="graphkit-brief-shot-"))
    os.environ["GRAPHKIT_HOME"] = str(home)
    from PIL import Image

    import graphkit
    from graphkit.briefing._pdf import find_chromium
    from graphkit.store import _server

    try:
        with graphkit.connect() as graph:
            graphkit.generate(home / "national", scale=1, seed=2018)
            graphkit.load_dataset(home / "national", graph)
            html = graphkit.brief(home / "brief.html", lang="en", graph=graph).html
        raw = home / "raw.png"
        subprocess.run([find_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        f"--user-data-dir={home / 'profile'}", "--window-size=900,1250",
                        f"--screenshot={raw}", html.as_uri()], check=True, capture_output=True)  # fmt: skip
        image = Image.open(raw).convert("RGB")
        image = image.resize((image.width * 3 // 4, image.height * 3 // 4), Image.LANCZOS)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        image.quantize(colors=128).save(args.out, optimize=True)
        size = args.out.stat().st_size
        print(f"wrote {args.out} ({image.width}x{image.height}, {size / 1000:.0f} KB)")
        if size > LIMIT:
            raise SystemExit(f"{args.out} is over {LIMIT // 1000} KB: lower the size in this script")
    finally:
        _server.stop()
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
