"""An MoU and a PKS signed at once (extract/_kinds): one row per kind for each partner, same day and
event, each with the evidence of its own kind. Every sentence here is made up."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from drafts import TODAY, draft

from graphkit import extract


def _by_kind(rows: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    return {r["kind"]: r for r in rows}


@pytest.mark.parametrize(
    ("said", "mou_words", "pks_words"),
    [("nota kesepakatan dan perjanjian kerja sama", "nota kesepakatan", "perjanjian kerja sama"),
     ("Nota Kesepakatan dan Perjanjian Kerjasama", "Nota Kesepakatan", "Perjanjian Kerjasama"),
     ("nota kesepahaman (MoU) dan perjanjian kerja sama (PKS)", "nota kesepahaman (MoU)",
      "perjanjian kerja sama (PKS)"),
     ("MoU dan PKS", "MoU", "PKS"), ("perjanjian kerja sama serta nota kesepahaman", "nota kesepahaman",
                                    "perjanjian kerja sama")],
)  # fmt: skip
def test_both_kinds_named_at_the_signing_give_an_mou_and_a_pks_row(
    tmp_path: Path, said: str, mou_words: str, pks_words: str
) -> None:
    text = f"Bupati Lembata menandatangani {said} dengan BP2MI di Kupang, Senin (3/6/2024).\n"
    t = draft(tmp_path, text)
    rows = _by_kind(t["agreements"])
    assert sorted(rows) == ["mou", "pks"]
    mou, pks = rows["mou"], rows["pks"]
    assert mou["signed_on"] == pks["signed_on"] == "2024-06-03" and mou["event"] == pks["event"]
    assert f": {mou_words}" in mou["evidence"] and f": {pks_words}" in pks["evidence"]
    assert mou["id"] in pks["review"] and "both kinds" in pks["review"]
    for row in (mou, pks):
        assert {p["organization_id"] for p in t["parties"] if p["agreement_id"] == row["id"]} == {
            "bp2mi",
            "pemkab-lembata",
        }


def test_a_bare_perjanjian_after_nota_kesepakatan_dan_is_the_pks_with_a_note(tmp_path: Path) -> None:
    text = "Pj Bupati Lembata menandatangani nota kesepakatan dan perjanjian dengan BP2MI, Senin (3/6/2024)."
    t = draft(tmp_path, text)
    rows = _by_kind(t["agreements"])
    assert sorted(rows) == ["mou", "pks"]
    assert "| kind | mou |" in t["review"][0]["text"] and "| kind | pks |" in t["review"][0]["text"]
    assert "'perjanjian' right after 'nota kesepakatan'" in rows["pks"]["review"]
    assert "right after" not in rows["mou"]["review"]


def test_two_partners_and_two_kinds_give_four_rows(tmp_path: Path) -> None:
    text = (
        "Bupati Lembata dan Bupati Sikka menandatangani nota kesepahaman dan perjanjian kerja sama dengan "
        "BP2MI di Kupang, Selasa (4/6/2024).\n"
    )
    rows = draft(tmp_path, text)["agreements"]
    assert sorted((r["kind"], r["id"].rsplit("-", 1)[-1]) for r in rows) == [
        ("mou", "lembata"), ("mou", "sikka"), ("pks", "lembata"), ("pks", "sikka")]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "kind"),
    [("Bupati Lembata menandatangani nota kesepahaman dengan BP2MI, Senin (3/6/2024).", "mou"),
     ("Bupati Lembata menandatangani MoU dan perjanjian lain dengan BP2MI, Senin (3/6/2024).", "mou"),
     ("Bupati Lembata menandatangani nota kesepahaman dan perjanjian kerja sama teknis dengan BP2MI, "
      "Senin (3/6/2024).", "technical"),
     ("Bupati Lembata menandatangani perjanjian kerja sama dengan BP2MI, Senin (3/6/2024). Sebelumnya "
      "kedua pihak telah meneken nota kesepahaman.", "pks")],
)  # fmt: skip
def test_one_kind_named_gives_one_row_as_before(tmp_path: Path, text: str, kind: str) -> None:
    assert [r["kind"] for r in draft(tmp_path, text + "\n")["agreements"]] == [kind]


def test_a_second_article_on_the_same_signing_joins_the_rows_of_its_kind(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Kupang - Bupati Lembata menandatangani nota kesepakatan dan perjanjian kerja sama dengan BP2MI, "
        "Senin (3/6/2024).\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "Kupang - Bupati Lembata menandatangani MoU dengan BP2MI, Senin (3/6/2024).\n", encoding="utf-8"
    )
    (tmp_path / "c.txt").write_text(
        "Kupang - Bupati Lembata menandatangani perjanjian kerja sama dengan BP2MI, Senin (3/6/2024).\n",
        encoding="utf-8",
    )
    extract([tmp_path / n for n in ("a.txt", "b.txt", "c.txt")], tmp_path / "out", today=TODAY)
    with (tmp_path / "out" / "agreements.csv").open(encoding="utf-8", newline="") as f:
        rows = _by_kind(list(csv.DictReader(f)))
    assert sorted(rows) == ["mou", "pks"]
    assert rows["mou"]["source_id"] == rows["pks"]["source_id"] == "article-2024-a"
    assert rows["mou"]["source_ids"] == "article-2024-b" and rows["pks"]["source_ids"] == "article-2024-c"
