"""A signing by "pihaknya" / "kami" (extract/_anaphora): the one regional government named before it is the
partner, with a note; several named before: none taken, a note. Every sentence here is made up."""

from __future__ import annotations

from pathlib import Path

from drafts import draft


def _govs(t: dict) -> list[str]:
    return [o["region"] for o in t["organizations"] if o["type"] == "regional_government"]


def test_pihaknya_is_the_government_of_the_speaker_named_before(tmp_path: Path) -> None:
    text = (
        "Pemerintah Kabupaten Kerinci mendorong pelindungan pekerja migran.\n\n"
        "Hal itu disampaikan Penjabat (Pj) Bupati Kerinci, Adi Saputra, di Sungai Penuh, Senin "
        "(3/6/2024).\n\n"
        "Karena itu, pihaknya menandatangani kerja sama (MoU) dengan BP2MI.\n"
    )
    t = draft(tmp_path, text)
    assert _govs(t) == ["15.01"]
    (party,) = [p for p in t["parties"] if p["organization_id"] != "bp2mi"]
    assert "partner from 'pihaknya'" in party["review"] and "check" in party["review"]
    assert "partner from 'pihaknya'" in t["sources"][0]["review"]


def test_kami_in_a_quote_after_the_speaker(tmp_path: Path) -> None:
    text = (
        "Wali Kota Bitung, Rina Lestari, menyambut baik program itu, Selasa (4/6/2024).\n\n"
        '"Kami sudah menandatangani nota kesepahaman dengan BP2MI agar warga kami terlindungi."\n'
    )
    assert _govs(draft(tmp_path, text)) == ["71.72"]


def test_several_governments_named_before_leave_the_partner_unnamed(tmp_path: Path) -> None:
    text = (
        "Bupati Kerinci dan Bupati Merangin bertemu di Jambi, Senin (3/6/2024).\n\n"
        "Dalam pertemuan itu, pihaknya menandatangani MoU dengan BP2MI.\n"
    )
    t = draft(tmp_path, text)
    assert _govs(t) == []
    review = t["sources"][0]["review"]
    assert "Pemerintah Kabupaten Kerinci" in review and "Pemerintah Kabupaten Merangin" in review
    assert "none taken" in review


def test_no_government_before_gives_no_partner(tmp_path: Path) -> None:
    text = "Kepala dinas itu mengatakan, pihaknya menandatangani MoU dengan BP2MI, Senin (3/6/2024).\n"
    t = draft(tmp_path, text)
    assert _govs(t) == [] and "pihaknya" not in t["sources"][0]["review"]


def test_a_partner_named_in_the_sentence_is_taken_as_before(tmp_path: Path) -> None:
    text = (
        "Bupati Merangin hadir di Jambi, Senin (3/6/2024).\n\n"
        "Pihaknya menandatangani MoU dengan BP2MI bersama Pemerintah Kabupaten Kerinci.\n"
    )
    t = draft(tmp_path, text)
    assert _govs(t) == ["15.01"] and "pihaknya" not in t["sources"][0]["review"].casefold()
