"""``graphkit extract`` from the command line: exit codes, one-line errors, sidecars, validate accepts it."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

Run = Callable[..., CompletedProcess[str]]
ARTICLE = "Jakarta (ANTARA) - BP2MI menandatangani nota kesepahaman dengan Pemkab Ende dan Pemkot Bima, Rabu."


def test_extract_then_validate_with_a_sidecar(run_cli: Run, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    meta = {"url": "https://example.org/a", "publisher": "ANTARA", "published_on": "2022-04-07"}
    (tmp_path / "a.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    done = run_cli("extract", str(tmp_path / "a.txt"), "-o", str(tmp_path / "draft"))
    assert done.returncode == 0, done.stderr
    with (tmp_path / "draft" / "agreements.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert {r["signed_on"] for r in rows} == {"2022-04-06"}  # the Wednesday before publication
    assert {r["signed_on_precision"] for r in rows} == {"day_inferred"}
    with (tmp_path / "draft" / "sources.csv").open(encoding="utf-8") as f:
        (source,) = list(csv.DictReader(f))
    assert source["url"] == meta["url"] and source["published_on"] == "2022-04-07"
    checked = run_cli("validate", str(tmp_path / "draft"))
    assert checked.returncode == 0 and "3 organizations, 2 agreements" in checked.stdout


def test_a_non_utf8_file_is_one_line_exit_2_nothing_written(run_cli: Run, tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes("Pemkab Ende menandatangani".encode("utf-16"))
    done = run_cli("extract", str(tmp_path), "-o", str(tmp_path / "draft"))
    assert done.returncode == 2 and not (tmp_path / "draft").exists()
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "bad.txt" in lines[0]


def test_an_article_without_a_signing_is_a_source_with_a_note(run_cli: Run, tmp_path: Path) -> None:
    (tmp_path / "n.md").write_text(
        "# Refleksi\n\nBP2MI memaparkan capaian 2023 di Jakarta.", encoding="utf-8"
    )
    done = run_cli(
        "extract", str(tmp_path / "n.md"), "-o", str(tmp_path / "draft"), "--published", "2023-12-29"
    )
    assert done.returncode == 0, done.stderr
    with (tmp_path / "draft" / "sources.csv").open(encoding="utf-8") as f:
        (source,) = list(csv.DictReader(f))
    assert "no signing reported" in source["review"] and source["published_on"] == "2023-12-29"


def test_help_ends_with_an_example(run_cli: Run) -> None:
    done = run_cli("extract", "--help")
    assert done.stdout.strip().splitlines()[-1].strip().startswith("Example: graphkit extract")


def test_a_draft_with_follow_ups_programs_and_signers_validates_and_loads(
    graph: object, run_cli: Run, tmp_path: Path
) -> None:
    from graph_state import snapshot

    (tmp_path / "a.txt").write_text(
        "KUPANG (ANTARA) - BP2MI dan Pemkab Sikka menandatangani nota kesepahaman pada Rabu (6/4/2022), "
        "diteken oleh Kepala BP2MI Rudi Hartono dan Bupati Sikka Paulus Wora.\n"
        "Pemkab Sikka telah menerbitkan Perda pelindungan pekerja migran pada 1 Juni 2022.\n"
        "Kawan PMI juga dikukuhkan di Kabupaten Sikka oleh BP2MI.\n",
        encoding="utf-8",
    )
    assert run_cli("extract", str(tmp_path / "a.txt"), "-o", str(tmp_path / "draft")).returncode == 0
    checked = run_cli("validate", str(tmp_path / "draft"))
    assert checked.returncode == 0, checked.stderr
    assert "2 follow_ups" in checked.stdout and "1 program_regions" in checked.stdout
    loaded = run_cli("load", str(tmp_path / "draft"))
    assert loaded.returncode == 0, loaded.stderr
    snap = snapshot(graph)
    rels = {(r[0], r[2], r[4]): dict(r[5]) for r in snap["relationships"]}
    follow_ups = sorted(k[1] for k in rels if k[0] == "FOLLOWS_UP")  # the Perda, and the Kawan PMI board
    assert [f.rsplit("-", 3)[1] for f in follow_ups] == ["other", "regulation"]
    assert all(("IN_REGION", f, "53.07") in rels for f in follow_ups)
    assert ("ACTIVE_IN", "kawan-pmi", "53.07") in rels and ("RUNS", "bp2mi", "kawan-pmi") in rels
    signed = {k[1]: v.get("signed_by") for k, v in rels.items() if k[0] == "PARTY_TO"}
    assert signed == {"bp2mi": "Rudi Hartono, Kepala BP2MI", "pemkab-sikka": "Paulus Wora, Bupati Sikka"}
