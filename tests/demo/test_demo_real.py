"""``graphkit demo --real``: the public dataset in its own database, reports saying how complete it is."""

from __future__ import annotations

from pathlib import Path

from graphkit.demo._real import PUBLIC_DATASET, REAL_DATABASE, run_real_demo
from graphkit.store._db import connect


def test_real_demo_loads_its_own_database_prints_completeness_and_writes_maps(tmp_path: Path) -> None:
    lines: list[str] = []
    ctx = run_real_demo(out=tmp_path, echo=lines.append)
    text = "\n".join(lines)
    statement = (PUBLIC_DATASET / "completeness.txt").read_text(encoding="utf-8").strip()
    assert text.count(statement) >= 4, "the load line and each of the three report headers"
    assert "SYNTHETIC" not in text
    for view in ("network", "geo", "province"):
        path = tmp_path / "real" / "maps" / f"{view}.html"
        assert path.is_file() and path.stat().st_size > 10_000 and ctx.extra["maps"][view] == path
    with connect(database=REAL_DATABASE) as g:
        n = g.query("MATCH (a:Agreement) RETURN count(a) AS n")[1][0]["n"]
    assert n == sum(1 for _ in (PUBLIC_DATASET / "agreements.csv").open(encoding="utf-8")) - 1
