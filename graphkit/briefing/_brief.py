"""``graphkit.brief(out)``: read the graph once, run the reports, write the HTML page (and the PDF)."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graphkit.analytics._snapshot import Snapshot
from graphkit.analytics.changes import one_year_before
from graphkit.briefing._data import collect
from graphkit.briefing._html import render_html
from graphkit.briefing._i18n import LANGS
from graphkit.reports._reports import _day, _snapshot, _usage
from graphkit.store._db import Graph, connect

__all__ = ["brief", "BriefResult"]


@dataclass
class BriefResult:
    """Where the brief went and what it says: ``figures`` are the headline numbers (plain values)."""

    html: Path
    pdf: Path | None
    figures: dict[str, Any] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)


def _write(path: Path, content: str) -> None:
    """Write whole or not at all (a temporary file beside it, then a rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(content)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # as open() would make it, not mkstemp's 0600
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _completeness(graph: Graph | None) -> list[str]:
    if graph is None:
        return []
    return [str(r["completeness"]) for r in graph.read("read/brief/completeness") if r.get("completeness")]


def brief(
    out: str | Path,
    *,
    as_of: dt.date | str | None = None,
    since: dt.date | str | None = None,
    lang: str = "id",
    pdf: str | Path | None = None,
    graph: Graph | None = None,
    snapshot: Snapshot | None = None,
) -> BriefResult:
    """Write the planning brief: one self-contained offline HTML page (``out``) and, with ``pdf``, an A4
    PDF printed by headless Chromium.

    It holds the headline figures on ``as_of`` (default today): coverage counts, the share of placed
    workers living in reached regencies, agreements in force, the share of them with no follow-up yet
    (idle) and those expiring within 6 months; coverage by province (chart and map); the top gaps by
    need with their best approach path; the agreements expiring within 6 months; and the changes since
    ``since`` (default one year before ``as_of``). ``lang`` is ``id`` or ``en``. Synthetic data says
    SYNTHETIC on every page; real data says how complete it is (a ``completeness`` property on the
    Dataset node or a source, else the partners it names out of those BP2MI reported).
    """
    t0 = time.perf_counter()
    if lang not in LANGS:
        raise _usage("--lang", f"{lang!r}: choose id or en")
    day = _day(as_of)
    start = one_year_before(day) if since is None else _day(since)
    if start > day:
        raise _usage("--since", f"{start} is after --as-of {day}: give an earlier day")
    out = Path(out)
    if graph is None and snapshot is None:
        with connect() as own:
            return brief(out, as_of=day, since=start, lang=lang, pdf=pdf, graph=own)
    with _snapshot(graph, snapshot, "follow_ups", "programs", "placements") as snap:
        completeness = _completeness(graph)
        t_read = time.perf_counter()
        data = collect(snap, day, start, completeness)
        page = render_html(data, lang)
    t_build = time.perf_counter()
    _write(out, page)
    result = BriefResult(out, None, data.figures(), {"read": t_read - t0, "build": t_build - t_read})
    if pdf is not None:
        from graphkit.briefing._pdf import print_pdf

        t = time.perf_counter()
        result.pdf = print_pdf(out, Path(pdf))
        result.seconds["pdf"] = time.perf_counter() - t
    result.seconds["total"] = time.perf_counter() - t0
    return result
