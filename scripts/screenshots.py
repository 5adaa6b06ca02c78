"""Write the README's pictures of the geo and province views at national scale (synthetic data) with the
maps' own "save picture" (headless Chromium): docs/img/geo.png and docs/img/province.png.

Runs in a temporary GRAPHKIT_HOME (its own embedded database, stopped at the end), offline.

    python scripts/screenshots.py [--out docs/img] [--width 1280 --height 760]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=760)
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="graphkit-screenshots-")
    os.environ["GRAPHKIT_HOME"] = home
    sys.path.insert(0, str(ROOT))
    from graphkit import connect, generate, load_dataset, map_picture
    from graphkit.maps import load_map_source, render_map
    from graphkit.store import _server
    from graphkit.synthetic._generate import DEFAULT_AS_OF

    try:
        data = Path(home) / "national"
        generate(data, scale=1)
        with connect() as graph:
            load_dataset(data, graph)
            source = load_map_source(graph)
        for view in ("geo", "province"):
            page = render_map(
                None,
                Path(home) / f"{view}.html",
                view=view,
                lang="en",
                as_of=DEFAULT_AS_OF,
                title="Collaboration map — synthetic national dataset",
                source=source,
            )
            png = map_picture(page.path, args.out / f"{view}.png", width=args.width, height=args.height)
            size, page_kb = png.stat().st_size / 1e3, page.bytes / 1e3
            print(f"{png}: {size:.0f} KB ({page.nodes} nodes, page {page_kb:.0f} KB)")
    finally:
        _server.stop()
        shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
