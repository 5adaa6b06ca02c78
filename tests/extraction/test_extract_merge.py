"""``--into``: a new article's signing joins the row of the same partner, kind and date, whoever signed for
the government and however precise the dates; a coarse date joins only with a note; re-running changes
nothing. Every sentence and row here is made up."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from graphkit import extract
from graphkit.extraction._rows import COLUMNS

TODAY = dt.date(2026, 12, 2)
Tables = dict[str, list[dict[str, str]]]


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _read(folder: Path) -> Tables:
    tables = {}
    for table in ("organizations", "agreements", "parties", "sources"):
        with (folder / f"{table}.csv").open(encoding="utf-8", newline="") as f:
            tables[table] = list(csv.DictReader(f))
    return tables


def _into(tmp_path: Path, *texts: str, published: str | None = None) -> Tables:
    """The first text drafted alone, each next one merged into that draft."""
    out = tmp_path / "d"
    for i, text in enumerate(texts):
        path = _write(tmp_path, f"{'abcdef'[i]}.txt", text)
        extract([path], out, into=out if i else None, published=published, today=TODAY)
    return _read(out)


def _base(folder: Path, tables: Tables) -> Path:
    """A hand-made dataset folder (an older draft)."""
    folder.mkdir()
    for table, rows in tables.items():
        with (folder / f"{table}.csv").open("w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, COLUMNS[table])
            writer.writeheader()
            writer.writerows(rows)
    return folder


def _older_draft(tmp_path: Path, precision: str = "day", signed_on: str = "2025-03-04") -> Path:
    return _base(tmp_path / "old", {
        "sources": [{"id": "old-a", "title": "Lama"}, {"id": "old-b", "title": "Lama juga"}],
        "organizations": [
            {"id": "bp2mi", "name": "Badan Pelindungan Pekerja Migran Indonesia (BP2MI)", "type": "agency"},
            {"id": "pemkab-ende", "name": "Pemerintah Kabupaten Ende", "type": "regional_government",
             "region": "53.08"},
            {"id": "pemda-53-08", "name": "Pemerintah Kabupaten Ende", "type": "regional_government",
             "region": "53.08"},
        ],
        "agreements": [{"id": "old-mou", "kind": "mou", "signed_on": signed_on, "source_id": "old-a",
                        "signed_on_precision": precision, "source_ids": "old-a;old-b"}],
        "parties": [{"agreement_id": "old-mou", "organization_id": "bp2mi", "role": "signatory"},
                    {"agreement_id": "old-mou", "organization_id": "pemda-53-08", "role": "signatory"}],
    })  # fmt: skip


def test_the_ministry_joins_a_bp2mi_row_of_an_older_draft_by_region(tmp_path: Path) -> None:
    old = _older_draft(tmp_path)
    new = _write(tmp_path, "n.txt", "Kementerian P2MI dan Bupati Ende menandatangani MoU pada 4 Maret 2025.")
    extract([new], old, into=old, today=TODAY)
    tables = _read(old)
    (row,) = tables["agreements"]
    assert row["source_id"] == "old-a" and row["source_ids"] == "old-b;article-2025-n"  # its own id dropped
    assert "article-2025-n has kp2mi sign, this row bp2mi: check" in row["review"]
    assert len(tables["parties"]) == 2
    first = {p.name: p.read_bytes() for p in old.iterdir()}
    extract([new], old, into=old, today=TODAY)
    assert {p.name: p.read_bytes() for p in old.iterdir()} == first  # idempotent


def test_a_day_inferred_date_joins_the_same_day_silently(tmp_path: Path) -> None:
    tables = _into(
        tmp_path,
        "BP2MI dan Pemkab Ende menandatangani nota kesepahaman pada Selasa (4/3/2025).",
        "Bupati Ende menandatangani MoU dengan BP2MI pada Selasa lalu.",
        published="2025-03-06",
    )
    (row,) = tables["agreements"]
    assert row["signed_on"] == "2025-03-04" and row["signed_on_precision"] == "day"
    assert row["source_ids"] == "article-2025-b" and "agree to the year or month" not in row["review"]


def test_a_year_only_signing_joins_a_day_row_of_that_year_with_a_note(tmp_path: Path) -> None:
    tables = _into(
        tmp_path,
        "BP2MI dan Pemkab Ende menandatangani nota kesepahaman pada 14 Juni 2023.",
        "Bupati Ende menandatangani nota kesepahaman dengan BP2MI.\nCopyright 2023 Kabar Flores",
    )
    (row,) = tables["agreements"]
    assert row["signed_on"] == "2023-06-14" and row["signed_on_precision"] == "day"  # kept, not overwritten
    assert row["source_ids"] == "article-2023-b"
    assert "article-2023-b dates this signing 2023-01-01 (year), this row 2023-06-14 (day)" in row["review"]


def test_a_day_joins_a_month_row_of_its_month_and_gives_it_its_day(tmp_path: Path) -> None:
    old = _older_draft(tmp_path, "month", "2025-03-01")
    same = _write(tmp_path, "m.txt", "BP2MI dan Pemkab Ende menandatangani MoU pada 20 Maret 2025.")
    extract([same], old, into=old, today=TODAY)
    (row,) = _read(old)["agreements"]
    assert (row["signed_on"], row["signed_on_precision"]) == ("2025-03-20", "day")
    note = "article-2025-m dates this signing 2025-03-20 (day); it was 2025-03-01 (month): check"
    assert note in row["review"]
    first = {p.name: p.read_bytes() for p in old.iterdir()}
    extract([same], old, into=old, today=TODAY)
    assert {p.name: p.read_bytes() for p in old.iterdir()} == first  # idempotent
    other = _write(tmp_path, "o.txt", "BP2MI dan Pemkab Ende menandatangani MoU pada 2 April 2025.")
    extract([other], old, into=old, today=TODAY)
    assert len(_read(old)["agreements"]) == 2


def test_a_year_only_signing_fitting_two_rows_joins_none_and_names_them(tmp_path: Path) -> None:
    tables = _into(
        tmp_path,
        "BP2MI dan Pemkab Ende menandatangani nota kesepahaman pada 14 Juni 2023.",
        "BP2MI dan Pemkab Ende menandatangani nota kesepahaman pada 2 Oktober 2023.",
        "Bupati Ende menandatangani nota kesepahaman dengan BP2MI.\nCopyright 2023 Kabar Flores",
    )
    assert len(tables["agreements"]) == 3
    new = tables["agreements"][2]
    assert new["signed_on_precision"] == "year"
    first, second = (a["id"] for a in tables["agreements"][:2])
    assert f"may be the same signing as {first}, {second}" in new["review"]


def test_an_mou_and_a_pks_of_the_same_day_stay_two_rows(tmp_path: Path) -> None:
    tables = _into(
        tmp_path,
        "BP2MI dan Pemkab Ende menandatangani nota kesepahaman pada 4 Maret 2025.",
        "BP2MI dan Pemkab Ende menandatangani perjanjian kerja sama pada 4 Maret 2025.",
    )
    assert sorted(a["kind"] for a in tables["agreements"]) == ["mou", "pks"]
    assert all(a["source_ids"] == "" for a in tables["agreements"])


def test_a_kind_not_named_joins_the_named_one_with_a_note(tmp_path: Path) -> None:
    tables = _into(
        tmp_path,
        "BP2MI dan Pemkab Ende menandatangani nota kesepahaman pada 4 Maret 2025.",
        "Bupati Ende menandatangani kerja sama dengan BP2MI pada 4 Maret 2025.",
    )
    (row,) = tables["agreements"]
    assert row["kind"] == "mou" and "article-2025-b names the kind other, this row mou" in row["review"]


def test_a_new_row_never_lists_its_own_source_in_source_ids(tmp_path: Path) -> None:
    tables = _into(tmp_path, "BP2MI dan Pemkab Ende menandatangani MoU pada 4 Maret 2025.")
    (row,) = tables["agreements"]
    assert row["source_id"] == "article-2025-a" and row["source_ids"] == ""


def test_a_dated_report_gives_its_day_to_a_year_row_drafted_before_it_in_the_same_run(tmp_path: Path) -> None:
    """Articles are read in name order: an undated one first makes a year row, a dated one refines it, and
    a third report of that day joins the refined row."""
    folder = tmp_path / "in"
    folder.mkdir()
    _write(folder, "a.txt", "Bupati Ende menandatangani nota kesepahaman dengan BP2MI.\nCopyright 2023")
    _write(folder, "b.txt", "BP2MI dan Pemkab Ende menandatangani nota kesepahaman pada 14 Juni 2023.")
    _write(folder, "c.txt", "Pemkab Ende dan BP2MI meneken nota kesepahaman, Rabu (14/6/2023).")
    extract([folder], tmp_path / "d", today=TODAY)
    (row,) = _read(tmp_path / "d")["agreements"]
    assert (row["signed_on"], row["signed_on_precision"]) == ("2023-06-14", "day")
    assert row["source_ids"] == "article-2023-b;article-2023-c"
    assert "it was 2023-01-01 (year)" in row["review"]
