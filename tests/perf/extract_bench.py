"""How long ``graphkit extract`` takes on a folder of 1,000 articles (the five seeds, 200 copies each).

    python tests/perf/extract_bench.py [SEEDS_DIR]

Prints the seconds for the whole run (reading, extracting, merging, writing); the goal is <= 10 s.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from graphkit import extract


def main(seeds: Path) -> None:
    files = sorted(seeds.glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for i in range(1000):
            shutil.copy(files[i % len(files)], folder / f"{i:04d}_{files[i % len(files)].name}")
        start = time.perf_counter()
        result = extract([folder], Path(tmp) / "draft")
        took = time.perf_counter() - start
    rate = result.articles / took
    print(f"{result.articles} articles in {took:.2f} s ({rate:.0f} articles/s): {result.rows}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/work/shared/seeds"))
