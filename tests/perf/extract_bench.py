"""How long ``graphkit extract`` takes on a folder of 1,000 articles: the five seeds, 200 copies each, each
copy ending in one made-up signing sentence (SYNTHETIC: six random regencies, a random day) so that the
merge sees 1,000 different signings, not one.

    python tests/perf/extract_bench.py [SEEDS_DIR]

Prints the seconds for the whole run (reading, extracting, merging, writing); the goal is <= 10 s.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

from graphkit import extract
from graphkit.dataset._regions import regencies


def main(seeds: Path) -> None:
    files = sorted(seeds.glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        rnd, regs = random.Random(7), regencies()
        for i in range(1000):
            day = dt.date(2019, 1, 1) + dt.timedelta(days=rnd.randrange(2000))
            names = ", ".join(("Pemkab " if r.kind == "kabupaten" else "Pemkot ") + r.short_name
                              for r in rnd.sample(regs, 6))  # fmt: skip
            extra = (
                f"\nPenandatanganan nota kesepahaman dengan {names} pada {day.day}/{day.month}/{day.year}.\n"
            )
            seed = files[i % len(files)]
            (folder / f"{i:04d}_{seed.name}").write_text(
                seed.read_text(encoding="utf-8") + extra, encoding="utf-8"
            )
        start = time.perf_counter()
        result = extract([folder], Path(tmp) / "draft")
        took = time.perf_counter() - start
    rate = result.articles / took
    print(f"{result.articles} articles in {took:.2f} s ({rate:.0f} articles/s): {result.rows}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/work/shared/seeds"))
