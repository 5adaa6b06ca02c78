"""What makes ``graphkit demo`` fast must not change what it shows: the reads started side by side after the
load, the flat party/scope queries, and the frames, node set and layouts the map views share."""

from __future__ import annotations

import csv
import datetime as dt
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest

from graphkit.demo import _demo
from graphkit.demo._demo import DemoContext
from graphkit.maps import VIEWS, load_map_source
from graphkit.maps._details import fetch_details, start_details
from graphkit.maps._layout import _first_free
from graphkit.maps._page import build_payload
from graphkit.maps._positions import _cluster
from graphkit.sync._fetch import fetch_snapshot, snapshot_from_rows, start_snapshot
from graphkit.sync._load import graph_counts, load_dataset

NEWS = Path(__file__).resolve().parents[2] / "graphkit" / "data" / "news"
AS_OF = dt.date(2025, 6, 30)


def _csv(name: str) -> list[dict[str, str]]:
    with open(NEWS / f"{name}.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def news(graph):
    load_dataset(NEWS, graph)
    return graph


# ------------------------------------------------------------------------------------------ the reads


def test_parties_and_scopes_read_flat_are_the_datasets(news) -> None:
    snap = fetch_snapshot(news)
    parties = {(p.agreement_id, p.organization_id, p.role) for p in snap.parties}
    assert parties == {(r["agreement_id"], r["organization_id"], r["role"] or None) for r in _csv("parties")}
    scopes = {a.id: set(a.scopes) for a in snap.agreements}
    assert scopes == {r["id"]: {s for s in r["scopes"].split(";") if s} for r in _csv("agreements")}
    assert any(scopes.values())


def test_reads_side_by_side_give_what_reads_in_a_row_give(news) -> None:
    with ThreadPoolExecutor(4) as pool:
        wait_snapshot = start_snapshot(news, pool)
        wait_details = start_details(news, pool)
        counts = pool.submit(graph_counts, news)
        assert wait_snapshot() == fetch_snapshot(news)
        assert wait_details() == fetch_details(news)
        assert counts.result() == graph_counts(news)


def test_rows_with_nested_or_flat_parties_make_the_same_snapshot() -> None:
    agreement = {"id": "a", "kind": "mou", "signed_on": "2020-01-01"}
    party = {"organization_id": "o", "role": "signatory"}
    nested = snapshot_from_rows({"agreements": [dict(agreement, scopes=["y", "x"], parties=[party])]})
    flat = snapshot_from_rows({
        "agreements": [agreement],
        "agreement_scopes": [{"agreement_id": "a", "scope": "x"}, {"agreement_id": "a", "scope": "y"}],
        "agreement_parties": [{"agreement_id": "a", "organization_id": "o", "role": "signatory"}],
    })  # fmt: skip
    assert flat == nested
    assert flat.agreements[0].scopes == ("x", "y") and flat.parties[0].role == "signatory"


def test_demo_steps_show_the_same_with_reads_started_early(news, tmp_path) -> None:
    shown = {}
    for mode in ("in a row", "side by side"):
        lines: list[str] = []
        with ThreadPoolExecutor(_demo.READERS) as pool:
            pending = _demo._start_reads(news, pool) if mode == "side by side" else {}
            ctx = DemoContext(news, tmp_path / mode, tmp_path, lines.append, pending=pending)
            for step in _demo.STEPS:
                step(ctx)
        assert not ctx.pending  # every read started was used
        pages = {view: (tmp_path / mode / "maps" / f"{view}.html").read_bytes() for view in VIEWS}
        shown[mode] = ([line.replace(str(tmp_path / mode), "OUT") for line in lines if "timings" not in line],
                       pages)  # fmt: skip
    assert shown["in a row"] == shown["side by side"]
    assert any(line.startswith("centrality as of") for line in shown["in a row"][0])


# ------------------------------------------------------------------------------------------ the maps


def test_views_sharing_a_source_draw_what_each_draws_alone(news) -> None:
    shared = load_map_source(news)
    for view in VIEWS:
        alone = build_payload(shared.snapshot, shared.details, view=view, as_of=AS_OF)
        together = build_payload(shared.snapshot, shared.details, view=view, as_of=AS_OF, cache=shared.cache)
        assert together == alone, view
    assert ("frames", AS_OF) in shared.cache and ("tables",) in shared.cache


def test_alike_clusters_share_one_layout_and_get_the_layout_of_their_own() -> None:
    edges = [(0, 1, 1.0), (2, 3, 1.0), (4, 5, 6.0), (4, 6, 1.0), (5, 6, 1.0)]
    radii = np.array([8.0, 12.0, 8.0, 12.0, 10.0, 10.0, 10.0])
    memo: dict = {}
    for members in ([0, 1], [2, 3], [4, 5, 6]):
        assert np.array_equal(_cluster(members, edges, radii, memo), _cluster(members, edges, radii))
    assert len(memo) == 2  # the two pairs are alike


def test_first_free_candidate_is_the_first_far_enough_from_every_circle() -> None:
    rng = np.random.default_rng(3)
    for _ in range(50):
        cand = rng.random((80, 2)) * 100
        placed = rng.random((int(rng.integers(0, 6)), 2)) * 100
        need = rng.random(len(placed)) * 30
        dist = [[float(np.sqrt(((c - p) ** 2).sum())) for p in placed] for c in cand]
        free = [k for k, d in enumerate(dist) if all(x >= r for x, r in zip(d, need, strict=True))]
        assert _first_free(cand, placed, need) == (free[0] if free else -1)
