"""graphkit.sync._load on the real database: counts of a diff-based load, deletions, refusals, real data."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from graph_state import BASE, snapshot, write_dataset

import graphkit
from graphkit._errors import BusyError
from graphkit.dataset._validate import validate_dataset
from graphkit.store import _server
from graphkit.store._lock import file_lock, lock_holder
from graphkit.sync._load import graph_counts, load_dataset
from graphkit.sync._model import NODE_LABELS
from graphkit.synthetic._generate import generate

NEWS = Path(graphkit.__file__).parent / "data" / "news"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("load") / "data"


def test_first_load_creates_second_changes_nothing(graph, folder: Path) -> None:
    first = load_dataset(write_dataset(folder), graph)
    assert first.updated == {} and first.deleted == {} and first.transactions == 1
    c = first.created
    assert (c["Province"], c["Regency"], c["IN_PROVINCE"]) == (38, 514, 514)
    assert (c["Organization"], c["Agreement"], c["PARTY_TO"], c["UNDER"], c["HAS_SCOPE"]) == (3, 2, 3, 1, 3)
    assert (c["GOVERNS"], c["LOCATED_IN"], c["FollowUp"], c["Program"], c["ACTIVE_IN"], c["RUNS"]) == (
        1, 2, 1, 1, 1, 1
    )  # fmt: skip
    assert (c["Scope"], c["Source"], c["Placement"], c["Dataset"]) == (6, 2, 1, 1)
    counts = graph_counts(graph)
    assert sum(counts["nodes"].values()) == first.nodes == sum(c.get(label, 0) for label in NODE_LABELS)
    assert sum(counts["relationships"].values()) == first.relationships

    before = snapshot(graph)
    second = load_dataset(folder, graph)
    assert second.unchanged and second.transactions == 0 and second.rows_written == 0
    assert "no changes" in second.summary()
    assert snapshot(graph) == before


def test_a_changed_value_is_one_update(graph, folder: Path) -> None:
    load_dataset(write_dataset(folder), graph)
    changed = BASE["organizations.csv"].replace("Universitas Negeri Semarang", "UNNES Semarang")
    result = load_dataset(write_dataset(folder, {"organizations.csv": changed}), graph)
    assert (result.created, result.updated, result.deleted) == ({}, {"Organization": 1}, {})
    names = {k[1]: dict(k[2])["name"] for k in snapshot(graph)["nodes"] if "Organization" in k[0]}
    assert names["unnes"] == "UNNES Semarang"


def test_deleting_an_agreement_row_and_its_parties_removes_it(graph, folder: Path) -> None:
    load_dataset(write_dataset(folder), graph)
    agreements = BASE["agreements.csv"].replace("pks-1,pks,2021-03-01,,PKS Tegal,,mou-1,protection,\n", "")
    parties = BASE["parties.csv"].replace("pks-1,unnes,second_party\n", "")
    assert agreements != BASE["agreements.csv"] and parties != BASE["parties.csv"]
    result = load_dataset(
        write_dataset(folder, {"agreements.csv": agreements, "parties.csv": parties}), graph
    )
    assert result.created == {} and result.updated == {}
    assert result.deleted == {"Agreement": 1, "PARTY_TO": 1, "UNDER": 1, "HAS_SCOPE": 1}
    snap = snapshot(graph)
    agreement_ids = {k[1] for k in snap["nodes"] if "Agreement" in k[0]}
    assert agreement_ids == {"mou-1"}
    assert not any("pks-1" in (r[2], r[4]) for r in snap["relationships"])
    assert "unnes" in {k[1] for k in snap["nodes"] if "Organization" in k[0]}  # its row is still there


def test_ambiguous_region_exits_2_and_writes_nothing(graph, folder: Path, run_cli) -> None:
    load_dataset(write_dataset(folder), graph)
    before = snapshot(graph)
    tegal = BASE["organizations.csv"].replace(",33.28,", ",Tegal,")
    proc = run_cli("load", write_dataset(folder, {"organizations.csv": tegal}))
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr == (
        "error: organizations.csv:3: region: ambiguous region 'Tegal': 33.28 Kabupaten Tegal, "
        "33.76 Kota Tegal; write the code or the full name\n"
    )
    assert snapshot(graph) == before


def _assert_graph_matches(graph, ds) -> None:
    nodes = graph_counts(graph)["nodes"]
    pairs = (("organizations", "Organization"), ("agreements", "Agreement"), ("follow_ups", "FollowUp"),
             ("programs", "Program"), ("placements", "Placement"))  # fmt: skip
    for table, label in pairs:
        assert nodes.get(label, 0) == len(ds.tables[table]), label
    assert graph_counts(graph)["relationships"].get("PARTY_TO", 0) == len(ds.tables["parties"])


def test_news_dataset_loads_and_reloads_without_changes(graph) -> None:
    ds = validate_dataset(NEWS)
    assert not ds.synthetic and ds.tables["agreements"]
    first = load_dataset(ds, graph)
    assert not first.unchanged
    _assert_graph_matches(graph, ds)
    again = load_dataset(NEWS, graph)
    assert again.unchanged, again.summary()


@pytest.mark.slow
def test_national_dataset_loads_and_reloads_without_changes(graph, tmp_path: Path) -> None:
    generate(tmp_path / "national", scale=1, seed=2018)
    ds = validate_dataset(tmp_path / "national")
    assert ds.synthetic and len(ds.tables["agreements"]) > 500
    first = load_dataset(ds, graph)
    assert first.transactions == 1 and first.rows_written > 10_000
    _assert_graph_matches(graph, ds)
    again = load_dataset(tmp_path / "national", graph)
    assert again.unchanged and again.rows_written == 0, again.summary()
    print(f"\nnational load: {first.summary()}\nreload: {again.summary()}")


def test_the_load_lock_waits_names_its_holder_and_dies_with_it() -> None:
    """Another process holding the lock: we wait (told once), give up naming its pid; SIGKILL frees it."""
    holder = subprocess.Popen(
        [sys.executable, "-c", "import time; from graphkit.store._lock import file_lock\n"
         "with file_lock('load-locktest'):\n    print('held', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        told: list[int] = []
        with pytest.raises(BusyError) as err:
            with file_lock("load-locktest", timeout=0.6, waiting=lambda: told.append(1)):
                pass
        assert told == [1]
        assert str(err.value).startswith(f"another load (pid {holder.pid}) is still running after 1 s (lock ")
        assert str(err.value).endswith("; wait for it to finish and run the command again")
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=30)
    started = time.monotonic()
    with file_lock("load-locktest", timeout=5):
        assert lock_holder(_server.home() / "load-locktest.lock") == os.getpid()
    assert time.monotonic() - started < 1
