"""The demo's brief step writes ``maps/brief.html`` beside the maps and prints where it is."""

from __future__ import annotations

from types import SimpleNamespace

from coverage_dataset import write_dataset

from graphkit.demo._brief import demo_brief
from graphkit.sync._load import load_dataset


def test_the_demo_step_writes_the_brief_beside_the_maps(graph, tmp_path):
    load_dataset(write_dataset(tmp_path / "coverage"), graph)
    lines: list[str] = []
    ctx = SimpleNamespace(graph=graph, out=tmp_path / "demo", echo=lines.append, timings={}, extra={})
    demo_brief(ctx)
    html = tmp_path / "demo" / "maps" / "brief.html"
    assert html.is_file() and ctx.extra["brief"] == html and str(html) in "\n".join(lines)
    assert "Ringkasan perencanaan" in html.read_text(encoding="utf-8") and ctx.timings["brief"] > 0
